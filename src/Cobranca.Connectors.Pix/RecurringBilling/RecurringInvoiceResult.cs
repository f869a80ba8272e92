namespace Cobranca.Connectors.Pix;

/// <summary>One invoice's line in a <see cref="RecurringCycleReport"/>.</summary>
public sealed class RecurringInvoiceResult
{
    /// <summary>The invoice.</summary>
    public required string InvoiceId { get; init; }

    /// <summary>The customer.</summary>
    public required string CustomerId { get; init; }

    /// <summary>What happened.</summary>
    public required RecurringInvoiceOutcome Outcome { get; init; }

    /// <summary>The cobr txid, when one exists.</summary>
    public string? Txid { get; init; }

    /// <summary>
    /// The cobv the régua collects with, when one exists: the fallback cobv of a failed cobr, or the batch cobv of a
    /// customer not enrolled (<see cref="RecurringInvoiceOutcome.DueChargeIssued"/>).
    /// </summary>
    public string? FallbackTxid { get; init; }

    /// <summary>The <c>lotecobv</c> id that carries the invoice's cobv, when it went in a batch.</summary>
    public string? BatchId { get; init; }

    /// <summary>The refunded payment (double payment), when any.</summary>
    public string? RefundedEndToEndId { get; init; }

    /// <summary>Why (error message, rejection code), when useful. Never personal data.</summary>
    public string? Detail { get; init; }
}
