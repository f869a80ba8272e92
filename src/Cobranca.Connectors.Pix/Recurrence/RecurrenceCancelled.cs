namespace Cobranca.Connectors.Pix;

/// <summary>
/// The recurrence ended without (or after) authorisation: cancelled by the payer, the receiver or a PSP, rejected by
/// the payer, or expired. Move the contract back to cobv/boleto.
/// </summary>
public sealed class RecurrenceCancelled : PixRecurrenceEvent
{
    /// <summary>The recurrence as re-read from the PSP (<see cref="PixRecurrence.Status"/> says which ending).</summary>
    public required PixRecurrence Recurrence { get; init; }

    /// <summary>True when the payer (or the payer's PSP) ended it.</summary>
    public bool ByPayer => Recurrence.CancelledBy is "USUARIO_PAGADOR" or "PSP_PAGADOR" || Recurrence.Status == PixRecurrenceStatus.Rejected;
}
