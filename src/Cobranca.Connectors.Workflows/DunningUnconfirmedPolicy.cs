namespace Cobranca.Connectors.Workflows;

/// <summary>What a <see cref="DunningRunner"/> does with an action whose earlier attempt stopped between claiming and
/// recording (<see cref="DunningClaimStatus.ClaimedUnconfirmed"/>). Both are reported in the run's results and logged;
/// throttle/block are idempotent at the controllers and are always re-applied.</summary>
public enum DunningUnconfirmedPolicy
{
    /// <summary>Send the message again with the same <see cref="DunningNotification.IdempotencyKey"/>, so a channel that
    /// honours it delivers it once; the result's detail says it was a re-send. The default: nothing is lost.</summary>
    Resend,
    /// <summary>Do not send again: record the action as done and report it <see cref="DunningResultStatus.Skipped"/>
    /// with the reason, for a person to check. Nothing is repeated, but a message the crash prevented is not sent.</summary>
    Skip,
}
