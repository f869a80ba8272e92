namespace Cobranca.Connectors.Abstractions;

/// <summary>What a block/unblock/throttle did.</summary>
public enum AccessChangeOutcome
{
    /// <summary>The state was changed.</summary>
    Applied,
    /// <summary>The subscriber was already in the requested state; nothing was changed.</summary>
    AlreadyInState,
}
