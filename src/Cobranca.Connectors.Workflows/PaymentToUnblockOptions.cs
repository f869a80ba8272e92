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

    internal void Validate()
    {
        ArgumentNullException.ThrowIfNull(Ledger, nameof(Ledger));
        ArgumentNullException.ThrowIfNull(TimeProvider, nameof(TimeProvider));
        ArgumentNullException.ThrowIfNull(ShouldRestore, nameof(ShouldRestore));
        if (RestoreWithin <= TimeSpan.Zero || RestoreWithin > LegalRestoreWindow)
            throw new ArgumentOutOfRangeException(nameof(RestoreWithin), RestoreWithin, "RestoreWithin must be positive and at most 1 day (Anatel RGC art. 78).");
        if (SettlementWait < TimeSpan.Zero)
            throw new ArgumentOutOfRangeException(nameof(SettlementWait), SettlementWait, "SettlementWait cannot be negative.");
    }
}
