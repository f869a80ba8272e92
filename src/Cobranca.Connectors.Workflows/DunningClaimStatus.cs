namespace Cobranca.Connectors.Workflows;

/// <summary>The answer of <see cref="IDunningLedger.TryClaimAsync"/>.</summary>
public enum DunningClaimStatus
{
    /// <summary>Claimed, never tried before (or the last attempt failed and released it): execute it.</summary>
    Claimed,
    /// <summary>Claimed by taking over an expired claim: an earlier attempt stopped (crash, kill) without recording its
    /// outcome, so the action may or may not have reached the customer. See <see cref="DunningRunnerOptions.Unconfirmed"/>.</summary>
    ClaimedUnconfirmed,
    /// <summary>Already executed and recorded: do nothing.</summary>
    AlreadyDone,
    /// <summary>Another worker holds an unexpired claim: do nothing now (a later run sees it done, or takes it over).</summary>
    Busy,
}
