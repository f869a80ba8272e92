namespace Cobranca.Connectors.Pix;

/// <summary>A journey-1 confirmation request (<c>solicrec</c>).</summary>
public sealed class PixRecurrenceConfirmation
{
    /// <summary>The request id (<c>idSolicRec</c>).</summary>
    public required string Id { get; init; }

    /// <summary>The recurrence.</summary>
    public string? RecurrenceId { get; init; }

    /// <summary>The status.</summary>
    public PixRecurrenceConfirmationStatus Status { get; init; }

    /// <summary>The status as sent by the PSP.</summary>
    public string? StatusCode { get; init; }

    /// <summary>When it expires.</summary>
    public DateTimeOffset? ExpiresAt { get; init; }
}
