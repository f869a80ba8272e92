using Cobranca.Connectors.Abstractions;

namespace Cobranca.Connectors.Workflows;

/// <summary>One step the <see cref="DunningPlanner"/> found relevant for a customer at a moment.</summary>
public sealed record DunningPlannedAction
{
    /// <summary>The customer.</summary>
    public required string CustomerId { get; init; }

    /// <summary>The step.</summary>
    public required DunningStep Step { get; init; }

    /// <summary>The invoice the step is about (for access steps: the oldest overdue invoice that reached it).</summary>
    public required Invoice Invoice { get; init; }

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

    /// <summary>The idempotency key (<see cref="DunningLedgerEntry.KeyOf"/>).</summary>
    public string Key => DunningLedgerEntry.KeyOf(CustomerId, Step.Key, Invoice.Id, ScheduledDate);

    /// <inheritdoc />
    public override string ToString() => $"{Key} {Step.Action} {Disposition}{(Reason is null ? "" : ": " + Reason)}";
}
