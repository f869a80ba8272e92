namespace Cobranca.Connectors.Pix;

/// <summary>
/// A charge with a due date (<c>cobv</c>): can be paid until <see cref="DueDate"/> plus
/// <see cref="ValidityAfterDueDays"/>; the PSP adds <see cref="Fine"/> and <see cref="Interest"/> after the due date
/// and subtracts <see cref="Discount"/> before it. This is the natural fit for a monthly ISP invoice.
/// </summary>
public sealed class PixDueChargeRequest
{
    /// <summary>The receiver's Pix key (<c>chave</c>).</summary>
    public required string Key { get; init; }

    /// <summary>Original amount in BRL (<c>valor.original</c>).</summary>
    public required decimal Amount { get; init; }

    /// <summary>Due date (<c>calendario.dataDeVencimento</c>). A weekend/holiday due date is paid on time on the next business day (PSP rule).</summary>
    public required DateOnly DueDate { get; init; }

    /// <summary>Days after the due date during which it can still be paid (<c>calendario.validadeAposVencimento</c>). Null = PSP default (30).</summary>
    public int? ValidityAfterDueDays { get; init; }

    /// <summary>The payer (<c>devedor</c>, required by the spec for <c>cobv</c>).</summary>
    public required PixDebtor Debtor { get; init; }

    /// <summary>Fine after the due date (<c>valor.multa</c>).</summary>
    public PixFine? Fine { get; init; }

    /// <summary>Interest after the due date (<c>valor.juros</c>).</summary>
    public PixInterest? Interest { get; init; }

    /// <summary>Early-payment discount (<c>valor.desconto</c>).</summary>
    public PixDiscount? Discount { get; init; }

    /// <summary>Text shown to the payer (<c>solicitacaoPagador</c>, up to 140 characters).</summary>
    public string? PayerMessage { get; init; }

    /// <summary>Extra labelled lines shown to the payer (<c>infoAdicionais</c>).</summary>
    public IReadOnlyList<PixAdditionalInfo> AdditionalInfo { get; init; } = [];
}
