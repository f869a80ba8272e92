namespace Cobranca.Connectors.Pix;

/// <summary>A revision of a recurrence (<c>PATCH /rec/{idRec}</c>); null fields are not sent. Cancel with <see cref="IPixRecurrenceClient.CancelRecurrenceAsync"/>.</summary>
public sealed class PixRecurrenceUpdate
{
    /// <summary>A new location (only while <c>CRIADA</c>).</summary>
    public long? LocationId { get; init; }

    /// <summary>A new first payment date (only while <c>CRIADA</c>).</summary>
    public DateOnly? StartDate { get; init; }

    /// <summary>A new payer name.</summary>
    public string? DebtorName { get; init; }

    /// <summary>A new journey-3 txid (not when rejected or cancelled).</summary>
    public string? JourneyTxid { get; init; }
}
