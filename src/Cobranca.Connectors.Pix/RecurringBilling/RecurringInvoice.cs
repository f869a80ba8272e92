using Cobranca.Connectors.Abstractions;

namespace Cobranca.Connectors.Pix;

/// <summary>One customer's invoice of the month, for <see cref="RecurringBilling.RunAsync"/>.</summary>
public sealed class RecurringInvoice
{
    /// <summary>The invoice id (letters and digits: it goes into the txid).</summary>
    public required string InvoiceId { get; init; }

    /// <summary>The customer (the enrolment's key).</summary>
    public required string CustomerId { get; init; }

    /// <summary>The due date.</summary>
    public required DateOnly DueDate { get; init; }

    /// <summary>The amount.</summary>
    public required decimal Amount { get; init; }

    /// <summary>The payer's document (for the fallback cobv).</summary>
    public required Document Document { get; init; }

    /// <summary>The payer's name (for the fallback cobv).</summary>
    public required string Name { get; init; }

    /// <summary>
    /// A cobv the régua already issued for this invoice outside this workflow, if any: it is checked for a double
    /// payment against the cobr (and refunded when both settled).
    /// </summary>
    public string? ExistingDueChargeTxid { get; init; }
}
