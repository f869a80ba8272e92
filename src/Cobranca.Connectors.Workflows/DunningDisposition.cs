namespace Cobranca.Connectors.Workflows;

/// <summary>What the planner decided for a step at the given moment.</summary>
public enum DunningDisposition
{
    /// <summary>Due now: the runner executes it.</summary>
    Due,
    /// <summary>Due, but not now (quiet hours, weekend/holiday, notice period not over): see <see cref="DunningPlannedAction.NotBefore"/>.</summary>
    Deferred,
    /// <summary>Not executed, for the reason in <see cref="DunningPlannedAction.Reason"/> (opt-out, already done, trust unlock, no notice sent).</summary>
    Skipped,
}
