namespace Cobranca.Connectors.Abstractions;

/// <summary>Result of a block, unblock or throttle.</summary>
/// <param name="Outcome">Applied, or already in state.</param>
/// <param name="State">The state after the call.</param>
/// <param name="Detail">Free text for people: what was done (e.g. "session kicked").</param>
public sealed record AccessChange(AccessChangeOutcome Outcome, AccessState State, string? Detail = null)
{
    /// <summary>True when the call changed something.</summary>
    public bool Changed => Outcome == AccessChangeOutcome.Applied;
}
