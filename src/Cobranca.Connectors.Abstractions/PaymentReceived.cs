namespace Cobranca.Connectors.Abstractions;

/// <summary>
/// A confirmed payment, normalised from whatever channel reported it (a Pix webhook re-queried at the PSP, the Pix
/// reconciliation poller, a boleto liquidation). This is what drives "restore service the moment a payment lands".
/// </summary>
/// <remarks>Only raise it for payments confirmed at the source: a webhook body alone is not proof (forged callbacks exist).</remarks>
public sealed class PaymentReceived
{
    /// <summary>Unique id of the payment at its source (Pix <c>endToEndId</c>, boleto "nosso número" + date). Used to dedupe.</summary>
    public required string PaymentId { get; init; }

    /// <summary>Where it came from: <c>"pix"</c>, <c>"boleto"</c>, or a provider-qualified name such as <c>"pix:efi"</c>.</summary>
    public required string Source { get; init; }

    /// <summary>The charge reference the payment settles (Pix <c>txid</c>), when there is one.</summary>
    public string? Reference { get; init; }

    /// <summary>The billing system's invoice id, when the source could resolve it (e.g. from a deterministic txid).</summary>
    public string? InvoiceId { get; init; }

    /// <summary>The billing system's customer id, when known.</summary>
    public string? CustomerId { get; init; }

    /// <summary>Amount paid, BRL.</summary>
    public required decimal Amount { get; init; }

    /// <summary>When it was paid (the source's clock).</summary>
    public required DateTimeOffset PaidAt { get; init; }

    /// <summary>Payer, already masked for display (never the full CPF/CNPJ).</summary>
    public string? PayerMasked { get; init; }

    /// <inheritdoc />
    public override string ToString() => $"Payment {PaymentId} of {Money.Format(Amount)} via {Source} at {PaidAt:O}";
}
