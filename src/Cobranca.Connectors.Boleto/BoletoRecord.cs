namespace Cobranca.Connectors.Boleto;

/// <summary>
/// A boleto as the provider reports it, normalised. Barcode and linha digitável are bare digits (44 / 47), checked
/// with <see cref="BoletoParser"/> when the provider sends them.
/// </summary>
public sealed record BoletoRecord
{
    /// <summary>The provider's id (Inter codigoSolicitacao, Sicoob/BB nosso número or numeroTituloCliente, Efí charge_id).</summary>
    public required string ProviderId { get; init; }

    /// <summary>Your reference (seuNumero / custom_id), when the provider echoes it.</summary>
    public string? Reference { get; init; }

    /// <summary>Normalised status.</summary>
    public required BoletoStatus Status { get; init; }

    /// <summary>The provider's own status text or code, as received.</summary>
    public string? ProviderStatus { get; init; }

    /// <summary>Nominal amount (BRL).</summary>
    public decimal Amount { get; init; }

    /// <summary>Due date.</summary>
    public DateOnly? DueDate { get; init; }

    /// <summary>Issue date.</summary>
    public DateOnly? IssueDate { get; init; }

    /// <summary>The bank's nosso número (null while an asynchronous registration is processing, and at Efí).</summary>
    public string? NossoNumero { get; init; }

    /// <summary>44-digit barcode.</summary>
    public string? Barcode { get; init; }

    /// <summary>47-digit linha digitável.</summary>
    public string? LinhaDigitavel { get; init; }

    /// <summary>Pix copia-e-cola (BR Code) of a hybrid boleto.</summary>
    public string? PixCopiaECola { get; init; }

    /// <summary>Pix txid of a hybrid boleto.</summary>
    public string? PixTxid { get; init; }

    /// <summary>Amount actually received (fine/interest included, discount deducted), once paid.</summary>
    public decimal? AmountPaid { get; init; }

    /// <summary>When it was paid, as precise as the provider says (midnight São Paulo when only a date is known).</summary>
    public DateTimeOffset? PaidAt { get; init; }

    /// <summary>Boleto or Pix, when the provider says.</summary>
    public BoletoPaymentChannel PaidVia { get; init; }

    /// <summary>Link to the bank's PDF or payment page, when the provider returns one.</summary>
    public Uri? PdfUrl { get; init; }

    /// <summary>True when the boleto is liquidated with money through the bank (<see cref="BoletoStatus.Paid"/>).</summary>
    public bool IsPaid => Status == BoletoStatus.Paid;
}
