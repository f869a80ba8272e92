namespace Cobranca.Connectors.Workflows;

/// <summary>What automated dunning must leave alone for one customer (the ERP's "considera na cobrança automatizada" flag).</summary>
[Flags]
public enum DunningOptOut
{
    /// <summary>Nothing: full automated dunning.</summary>
    None = 0,
    /// <summary>No automated messages. Note: without the suspension notice, no automated suspension can follow either.</summary>
    Notifications = 1 << 0,
    /// <summary>No automated throttle or block.</summary>
    AccessChanges = 1 << 1,
    /// <summary>Out of automated dunning entirely.</summary>
    All = Notifications | AccessChanges,
}
