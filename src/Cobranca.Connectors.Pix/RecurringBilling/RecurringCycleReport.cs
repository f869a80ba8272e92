namespace Cobranca.Connectors.Pix;

/// <summary>What one <see cref="RecurringBilling.RunAsync"/> pass did, invoice by invoice.</summary>
public sealed class RecurringCycleReport
{
    /// <summary>One line per invoice, in input order.</summary>
    public required IReadOnlyList<RecurringInvoiceResult> Invoices { get; init; }

    /// <summary>How many invoices ended this pass with <paramref name="outcome"/>.</summary>
    /// <param name="outcome">The outcome to count.</param>
    public int Count(RecurringInvoiceOutcome outcome) => Invoices.Count(i => i.Outcome == outcome);
}
