using System.Globalization;

namespace Cobranca.Connectors.Workflows;

/// <summary>An executed dunning action, as an <see cref="IDunningLedger"/> keeps it. Its <see cref="Key"/>
/// (customer + step + invoice + scheduled date) is what stops a re-run from repeating it.</summary>
public sealed record DunningLedgerEntry
{
    /// <summary>The customer.</summary>
    public required string CustomerId { get; init; }

    /// <summary>The step (<see cref="DunningStep.Key"/>).</summary>
    public required string StepKey { get; init; }

    /// <summary>The invoice the step was about.</summary>
    public required string InvoiceId { get; init; }

    /// <summary>The step's scheduled date (due date + offset).</summary>
    public required DateOnly ScheduledDate { get; init; }

    /// <summary>What was done.</summary>
    public required DunningActionKind Action { get; init; }

    /// <summary>True when this was the formal suspension notice (starts the 15-day RGC clock).</summary>
    public bool IsSuspensionNotice { get; init; }

    /// <summary>When it was executed.</summary>
    public required DateTimeOffset ExecutedAt { get; init; }

    /// <summary>The idempotency key: <c>customer|step|invoice|yyyy-MM-dd</c>.</summary>
    public string Key => KeyOf(CustomerId, StepKey, InvoiceId, ScheduledDate);

    /// <summary>Builds an idempotency key.</summary>
    /// <param name="customerId">The customer.</param>
    /// <param name="stepKey">The step.</param>
    /// <param name="invoiceId">The invoice.</param>
    /// <param name="scheduledDate">The step's scheduled date.</param>
    public static string KeyOf(string customerId, string stepKey, string invoiceId, DateOnly scheduledDate) =>
        string.Create(CultureInfo.InvariantCulture, $"{customerId}|{stepKey}|{invoiceId}|{scheduledDate:yyyy-MM-dd}");
}
