namespace Cobranca.Connectors.Pix;

/// <summary>
/// A normalised Pix Automático event, raised once per fact after the PSP confirmed it (a webhook body is only a hint):
/// <see cref="RecurrenceAuthorized"/>, <see cref="RecurrenceCancelled"/>, <see cref="RecurringChargeSettled"/>, <see cref="RecurringChargeFailed"/>.
/// </summary>
public abstract class PixRecurrenceEvent
{
    private protected PixRecurrenceEvent()
    {
    }

    /// <summary>The recurrence (<c>idRec</c>).</summary>
    public required string RecurrenceId { get; init; }

    /// <summary>The dedupe key of this fact (stable across redeliveries and channels).</summary>
    public required string EventId { get; init; }
}
