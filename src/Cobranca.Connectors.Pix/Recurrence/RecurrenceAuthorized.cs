namespace Cobranca.Connectors.Pix;

/// <summary>The payer authorised the recurrence (<c>APROVADA</c>): monthly charges may now be created.</summary>
public sealed class RecurrenceAuthorized : PixRecurrenceEvent
{
    /// <summary>The recurrence as re-read from the PSP.</summary>
    public required PixRecurrence Recurrence { get; init; }
}
