namespace Cobranca.Connectors.Workflows;

/// <summary>How a planned dunning action ended in a run.</summary>
public enum DunningResultStatus
{
    /// <summary>Due, but the run was a dry run: nothing was done.</summary>
    Planned,
    /// <summary>Done and recorded in the ledger.</summary>
    Executed,
    /// <summary>Due later (quiet hours, weekend/holiday, notice period); not lost: a later run does it.</summary>
    Deferred,
    /// <summary>Not done on purpose (opt-out, already done, trust unlock, no notice sent); see the reason.</summary>
    Skipped,
    /// <summary>Tried and failed; not recorded, so the next run tries again.</summary>
    Failed,
}
