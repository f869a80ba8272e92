using Cobranca.Connectors.Abstractions;

namespace Cobranca.Connectors.Workflows;

/// <summary>Settings of <see cref="PaymentToUnblock"/>. Every property has a working default.</summary>
public sealed class PaymentToUnblockOptions
{
    /// <summary>The legal maximum between learning of a payment and restoring service: 1 day (Anatel RGC, Res. 765/2023 art. 78).</summary>
    public static readonly TimeSpan LegalRestoreWindow = TimeSpan.FromDays(1);

    /// <summary>Dedupe and pending store. Default: a new <see cref="InMemoryUnblockLedger"/>.</summary>
    public IUnblockLedger Ledger { get; init; } = new InMemoryUnblockLedger();

    /// <summary>Maps <see cref="PaymentReceived.Reference"/> to an invoice when the payment has no invoice id. Optional.</summary>
    public IPaymentTargetResolver? TargetResolver { get; init; }

    /// <summary>The clock ("seen at", deadlines, elapsed time). Default <see cref="TimeProvider.System"/>.</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    /// <summary>Restore deadline after a payment is seen. Default and maximum: <see cref="LegalRestoreWindow"/>.</summary>
    public TimeSpan RestoreWithin { get; init; } = LegalRestoreWindow;

    /// <summary>
    /// How long to keep retrying while the paid invoice is still open in the billing system (boleto compensation takes
    /// D+1/D+2; a partial payment never settles). Past it the payment ends <see cref="UnblockStatus.NotRestored"/> with
    /// <see cref="UnblockReason.PaymentNotRegistered"/>. Default 3 days.
    /// </summary>
    public TimeSpan SettlementWait { get; init; } = TimeSpan.FromDays(3);

    /// <summary>
    /// Which of the customer's contracts to restore. Default: every contract not <see cref="AccessStatus.Inactive"/>
    /// (cancelled/disabled contracts are never revived; active ones are included so a "kick" controller can make RADIUS
    /// re-read the state the ERP already restored).
    /// </summary>
    public Func<Contract, bool> ShouldRestore { get; init; } = static c => c.Access.Status != AccessStatus.Inactive;

    /// <summary>Payments worked at the same time by one instance (calls beyond it wait: back-pressure, so a burst does
    /// not overflow the billing system's or controllers' request queues). Default 32. A payment leaves its slot once its
    /// billing-system and controller calls are done; writing its result to the ledger happens outside the slot.</summary>
    public int MaxConcurrentAttempts { get; init; } = 32;

    /// <summary>The intake limit: payments allowed to wait for a slot in <see cref="PaymentToUnblock.ProcessAsync"/>.
    /// Past it a payment is recorded as <see cref="UnblockStatus.Pending"/> with <see cref="UnblockReason.IntakeLimitReached"/>
    /// and returned at once; <see cref="PaymentToUnblock.RetryPendingAsync"/> restores it. Default 10 000.</summary>
    public int MaxWaitingPayments { get; init; } = 10_000;

    /// <summary>How long a payment being worked is held before another worker may take it over (longer than one
    /// attempt, controller retries included). Default 5 minutes.</summary>
    public TimeSpan ClaimLease { get; init; } = TimeSpan.FromMinutes(5);

    internal void Validate()
    {
        ArgumentNullException.ThrowIfNull(Ledger, nameof(Ledger));
        ArgumentNullException.ThrowIfNull(TimeProvider, nameof(TimeProvider));
        ArgumentNullException.ThrowIfNull(ShouldRestore, nameof(ShouldRestore));
        if (RestoreWithin <= TimeSpan.Zero || RestoreWithin > LegalRestoreWindow)
            throw new ArgumentOutOfRangeException(nameof(RestoreWithin), RestoreWithin, "RestoreWithin must be positive and at most 1 day (Anatel RGC art. 78).");
        if (MaxConcurrentAttempts is < 1 or > 256)
            throw new ArgumentOutOfRangeException(nameof(MaxConcurrentAttempts), MaxConcurrentAttempts, "MaxConcurrentAttempts must be between 1 and 256.");
        if (MaxWaitingPayments < 0)
            throw new ArgumentOutOfRangeException(nameof(MaxWaitingPayments), MaxWaitingPayments, "MaxWaitingPayments cannot be negative.");
        if (ClaimLease <= TimeSpan.Zero)
            throw new ArgumentOutOfRangeException(nameof(ClaimLease), ClaimLease, "ClaimLease must be positive.");
        if (SettlementWait < TimeSpan.Zero)
            throw new ArgumentOutOfRangeException(nameof(SettlementWait), SettlementWait, "SettlementWait cannot be negative.");
    }
}
