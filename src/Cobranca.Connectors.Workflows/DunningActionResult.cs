namespace Cobranca.Connectors.Workflows;

/// <summary>One line of a <see cref="DunningReport"/>.</summary>
/// <param name="Action">The planned action.</param>
/// <param name="Status">How it ended.</param>
/// <param name="Reason">Why deferred or skipped.</param>
/// <param name="Error">Why it failed (redacted).</param>
/// <param name="Detail">What each access controller reported, for throttle/block (<c>ixc contract 12: Applied</c>).</param>
public sealed record DunningActionResult(
    DunningPlannedAction Action,
    DunningResultStatus Status,
    string? Reason = null,
    string? Error = null,
    IReadOnlyList<string>? Detail = null);
