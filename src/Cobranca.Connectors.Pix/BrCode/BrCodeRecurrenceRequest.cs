namespace Cobranca.Connectors.Pix;

/// <summary>
/// A Pix Automático composite BR Code: template 80 with the Pix GUI and the recurrence location (25). Without
/// <see cref="ChargeUrl"/> it is the journey-2 code (authorisation only: template 26 holds only the GUI, no point of
/// initiation); with the location of a <c>cob</c> (journey 3) or <c>cobv</c> (journey 4) the payer pays and authorises at once.
/// </summary>
public sealed class BrCodeRecurrenceRequest : BrCodeRequest
{
    /// <summary>The recurrence location (<c>locrec</c>), no scheme, up to 77 characters.</summary>
    public required string RecurrenceUrl { get; init; }

    /// <summary>The cob/cobv location for journeys 3 and 4; null for journey 2.</summary>
    public string? ChargeUrl { get; init; }
}
