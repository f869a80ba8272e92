namespace Cobranca.Connectors.Pix;

/// <summary>
/// A recurring charge did not settle: one attempt failed (<see cref="IsFinal"/> false: a retry may still be requested)
/// or the charge ended unpaid (<c>EXPIRADA</c>, <c>REJEITADA</c>, <c>CANCELADA</c>; <see cref="IsFinal"/> true).
/// </summary>
public sealed class RecurringChargeFailed : PixRecurrenceEvent
{
    /// <summary>The charge as re-read from the PSP.</summary>
    public required PixRecurringCharge Charge { get; init; }

    /// <summary>True when the charge itself ended unpaid; false for a failed attempt of a still active charge.</summary>
    public bool IsFinal { get; init; }

    /// <summary>The rejection or cancellation code, raw, when any.</summary>
    public string? Code { get; init; }
}
