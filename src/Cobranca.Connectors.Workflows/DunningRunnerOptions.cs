using Cobranca.Connectors.Abstractions;

namespace Cobranca.Connectors.Workflows;

/// <summary>Settings of a <see cref="DunningRunner"/>. Every property has a working default.</summary>
public sealed class DunningRunnerOptions
{
    /// <summary>What has been done (idempotency). Default: a new <see cref="InMemoryDunningLedger"/>.</summary>
    public IDunningLedger Ledger { get; init; } = new InMemoryDunningLedger();

    /// <summary>Holidays. Default <see cref="HolidayCalendar.BrazilNational"/>; add your state's and city's.</summary>
    public IHolidayCalendar Holidays { get; init; } = HolidayCalendar.BrazilNational;

    /// <summary>Per-customer opt-out. Default: nobody opted out.</summary>
    public IDunningOptOutSource? OptOut { get; init; }

    /// <summary>The clock. Default <see cref="TimeProvider.System"/>.</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    /// <summary>Customers processed at the same time. Default 4.</summary>
    public int MaxConcurrency { get; init; } = 4;

    /// <summary>Plan and report, but send nothing, change no access and record nothing.</summary>
    public bool DryRun { get; init; }

    /// <summary>How long a claimed action is held before another worker may take it over (longer than one action takes,
    /// controller retries included). Default 10 minutes.</summary>
    public TimeSpan ClaimLease { get; init; } = TimeSpan.FromMinutes(10);

    /// <summary>What to do with an action whose earlier attempt stopped between claiming and recording (a crash).
    /// Default <see cref="DunningUnconfirmedPolicy.Resend"/> (same idempotency key).</summary>
    public DunningUnconfirmedPolicy Unconfirmed { get; init; } = DunningUnconfirmedPolicy.Resend;

    /// <summary>Which open invoices define the customers of the run. Default: all. A filtered query makes the run read
    /// each customer's debt one by one (see <see cref="DunningRunner"/>).</summary>
    public InvoiceQuery Query { get; init; } = InvoiceQuery.All;

    /// <summary>
    /// How old the run's listing of open invoices may be when a message is sent from it; past that, the customer's debt
    /// is re-read before the message (throttle/block always re-read). Default 15 minutes; <see cref="TimeSpan.Zero"/>
    /// re-reads before every due action.
    /// </summary>
    public TimeSpan MaxSnapshotAge { get; init; } = TimeSpan.FromMinutes(15);

    internal void Validate()
    {
        ArgumentNullException.ThrowIfNull(Ledger, nameof(Ledger));
        ArgumentNullException.ThrowIfNull(Holidays, nameof(Holidays));
        ArgumentNullException.ThrowIfNull(TimeProvider, nameof(TimeProvider));
        ArgumentNullException.ThrowIfNull(Query, nameof(Query));
        if (ClaimLease <= TimeSpan.Zero)
            throw new ArgumentOutOfRangeException(nameof(ClaimLease), ClaimLease, "ClaimLease must be positive.");
        if (!Enum.IsDefined(Unconfirmed))
            throw new ArgumentOutOfRangeException(nameof(Unconfirmed), Unconfirmed, "Unknown DunningUnconfirmedPolicy.");
        if (MaxConcurrency is < 1 or > 64)
            throw new ArgumentOutOfRangeException(nameof(MaxConcurrency), MaxConcurrency, "MaxConcurrency must be between 1 and 64.");
        if (MaxSnapshotAge < TimeSpan.Zero)
            throw new ArgumentOutOfRangeException(nameof(MaxSnapshotAge), MaxSnapshotAge, "MaxSnapshotAge cannot be negative.");
    }
}
