using Cobranca.Connectors.Abstractions;

namespace Cobranca.Connectors.Pix;

/// <summary>A recurring charge was paid (<c>CONCLUIDA</c>); <see cref="Payment"/> is the usual normalised event.</summary>
public sealed class RecurringChargeSettled : PixRecurrenceEvent
{
    /// <summary>The charge as re-read from the PSP.</summary>
    public required PixRecurringCharge Charge { get; init; }

    /// <summary>The payment, deduplicated by end-to-end id with the classic Pix webhook and poller when they share the ledger.</summary>
    public required PaymentReceived Payment { get; init; }
}
