namespace Cobranca.Connectors.Pix;

/// <summary>A <c>lotecobv</c> batch as the PSP reports it.</summary>
public sealed class PixDueChargeBatch
{
    /// <summary>The batch id.</summary>
    public required string Id { get; init; }

    /// <summary>The description.</summary>
    public string? Description { get; init; }

    /// <summary>When it was created.</summary>
    public DateTimeOffset? CreatedAt { get; init; }

    /// <summary>Each charge's status.</summary>
    public IReadOnlyList<PixDueChargeBatchEntry> Entries { get; init; } = [];
}
