namespace Cobranca.Connectors.Workflows;

/// <summary>What a <see cref="DunningStep"/> does.</summary>
public enum DunningActionKind
{
    /// <summary>Send a message through the host's <see cref="INotificationSender"/> (template chosen by key).</summary>
    Notify,
    /// <summary>Reduce the customer's speed through the access controllers (a courtesy stage; not required by RGC 765).</summary>
    Throttle,
    /// <summary>Suspend the customer's access through the access controllers.</summary>
    Block,
}
