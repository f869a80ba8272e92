using Cobranca.Connectors.Abstractions;

namespace Cobranca.Connectors.Workflows;

/// <summary>One step the <see cref="DunningPlanner"/> found relevant for a customer at a moment.</summary>
public sealed record DunningPlannedAction
{
    /// <summary>The customer.</summary>
    public required string CustomerId { get; init; }

    /// <summary>The step.</summary>
    public required DunningStep Step { get; init; }

    /// <summary>The invoice the step is about (for access steps: the oldest overdue invoice that reached it; for a message
    /// about several invoices: the first of <see cref="Invoices"/>).</summary>
    public required Invoice Invoice { get; init; }

    /// <summary>
    /// Every invoice the action is about, <see cref="Invoice"/> first. A message step due for several invoices of the same
    /// customer in one plan is one action (one message) listing all of them; throttle/block actions have one invoice.
    /// </summary>
    public IReadOnlyList<Invoice> Invoices
    {
        get => _invoices ?? [Invoice];
        init => _invoices = value is { Count: > 0 } ? value : null;
    }

    private readonly IReadOnlyList<Invoice>? _invoices;

    /// <summary>Due date + the step's offset.</summary>
    public required DateOnly ScheduledDate { get; init; }

    /// <summary>Due now, deferred or skipped.</summary>
    public required DunningDisposition Disposition { get; init; }

    /// <summary>For <see cref="DunningDisposition.Deferred"/>: the earliest moment it may run (São Paulo offset).</summary>
    public DateTimeOffset? NotBefore { get; init; }

    /// <summary>Why deferred or skipped.</summary>
    public string? Reason { get; init; }

    /// <summary>For throttle/block: the contracts to act on.</summary>
    public IReadOnlyList<Subscriber> Subscribers { get; init; } = [];

    /// <summary>
    /// The idempotency key (<see cref="DunningLedgerEntry.KeyOf"/>); for an action about several invoices, their ids joined
    /// with <c>+</c> in the invoice part (pass it to the channel to dedupe there).
    /// </summary>
    public string Key => _invoices is null
        ? DunningLedgerEntry.KeyOf(CustomerId, Step.Key, Invoice.Id, ScheduledDate)
        : DunningLedgerEntry.KeyOf(CustomerId, Step.Key, string.Join('+', _invoices.Select(i => i.Id)), ScheduledDate);

    /// <summary>The ledger keys this action records once executed: one per invoice in <see cref="Invoices"/> (each with
    /// its own scheduled date: due date + the step's day).</summary>
    public IReadOnlyList<string> LedgerKeys =>
        Invoices.Select(i => DunningLedgerEntry.KeyOf(CustomerId, Step.Key, i.Id, ScheduledDateOf(i))).ToList();

    /// <summary>The ledger entries to record once executed (one per invoice).</summary>
    internal IEnumerable<DunningLedgerEntry> ToLedgerEntries(DateTimeOffset executedAt) => Invoices.Select(i => new DunningLedgerEntry
    {
        CustomerId = CustomerId,
        StepKey = Step.Key,
        InvoiceId = i.Id,
        ScheduledDate = ScheduledDateOf(i),
        Action = Step.Action,
        IsSuspensionNotice = Step.IsSuspensionNotice,
        ExecutedAt = executedAt,
    });

    private DateOnly ScheduledDateOf(Invoice invoice) => ReferenceEquals(invoice, Invoice) ? ScheduledDate : invoice.DueDate.AddDays(Step.Day);

    /// <inheritdoc />
    public override string ToString() => $"{Key} {Step.Action} {Disposition}{(Reason is null ? "" : ": " + Reason)}";
}
