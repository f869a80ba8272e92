using Cobranca.Connectors.Abstractions;

namespace Cobranca.Connectors.Workflows;

/// <summary>A message the dunning runner asks the host's <see cref="INotificationSender"/> to send.</summary>
public sealed class DunningNotification
{
    /// <summary>The customer (the sender looks up the contact: <c>FindCustomersAsync(CustomerLookup.ById(...))</c>).</summary>
    public required string CustomerId { get; init; }

    /// <summary>The step that triggered it.</summary>
    public required DunningStep Step { get; init; }

    /// <summary>The template key (<see cref="DunningStep.TemplateKey"/>).</summary>
    public string TemplateKey => Step.TemplateKey ?? Step.Key;

    /// <summary>The invoice the step is about (the first of <see cref="Invoices"/>).</summary>
    public required Invoice Invoice { get; init; }

    /// <summary>
    /// Every invoice this message is about, <see cref="Invoice"/> first: when a step is due for several invoices of the
    /// customer at once (e.g. the suspension notice with three overdue invoices) the runner sends one message listing all
    /// of them, not one message per invoice.
    /// </summary>
    public IReadOnlyList<Invoice> Invoices
    {
        get => _invoices ?? [Invoice];
        init => _invoices = value is { Count: > 0 } ? value : null;
    }

    private readonly IReadOnlyList<Invoice>? _invoices;

    /// <summary>The customer's whole debt as re-read for this run (totals for the message).</summary>
    public required DebtStatus Debt { get; init; }

    /// <summary>The step's scheduled date (due date + offset).</summary>
    public required DateOnly ScheduledDate { get; init; }

    /// <summary>For a suspension notice: the first day suspension may happen (notice date + the schedule's notice period).</summary>
    public DateOnly? SuspensionNotBefore { get; init; }

    /// <summary>The restore deadline after payment to state in the notice (RGC art. 71 V): 1 day.</summary>
    public TimeSpan RestoreWithin { get; init; } = PaymentToUnblockOptions.LegalRestoreWindow;

    /// <summary>A stable key for this message (same as the ledger key): pass it to the channel to dedupe on its side too.</summary>
    public required string IdempotencyKey { get; init; }
}
