namespace Cobranca.Connectors.Abstractions;

/// <summary>A subscriber's access state as one controller sees it.</summary>
/// <param name="Status">The common status.</param>
/// <param name="RawCode">The backend's own code (IXC <c>status_internet</c>, the MikroTik strategy's evidence ...).</param>
/// <param name="Limit">The speed limit in force, when throttled and known.</param>
/// <param name="Detail">Free text for people (never contains secrets).</param>
public sealed record AccessState(AccessStatus Status, string? RawCode = null, Bandwidth? Limit = null, string? Detail = null)
{
    /// <summary>Active, no detail.</summary>
    public static AccessState Active { get; } = new(AccessStatus.Active);

    /// <summary>Blocked, no detail.</summary>
    public static AccessState Blocked { get; } = new(AccessStatus.Blocked);
}
