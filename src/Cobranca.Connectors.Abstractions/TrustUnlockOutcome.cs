namespace Cobranca.Connectors.Abstractions;

/// <summary>How a trust-unlock request ended.</summary>
public enum TrustUnlockOutcome
{
    /// <summary>The contract was released; see <see cref="TrustUnlockResult.Until"/>.</summary>
    Granted,
    /// <summary>The contract was already active (nothing to unlock). A success.</summary>
    AlreadyActive,
    /// <summary>Refused by the backend's rules (e.g. already used since the last payment); see <see cref="TrustUnlockResult.Reason"/>.</summary>
    NotEligible,
    /// <summary>Refused because the allowed number of trust unlocks was used up.</summary>
    LimitReached,
}
