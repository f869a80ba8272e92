namespace Cobranca.Connectors.Pix;

/// <summary>A recurrence payload location (<c>POST /locrec</c>): link it to a recurrence to get its QR code.</summary>
public sealed class PixRecurrenceLocation
{
    /// <summary>The location id (pass as <see cref="PixRecurrenceRequest.LocationId"/>).</summary>
    public required long Id { get; init; }

    /// <summary>The URL (no scheme, up to 77 characters).</summary>
    public required string Location { get; init; }

    /// <summary>When it was created.</summary>
    public DateTimeOffset? CreatedAt { get; init; }

    /// <summary>The recurrence it is linked to, if any.</summary>
    public string? RecurrenceId { get; init; }
}
