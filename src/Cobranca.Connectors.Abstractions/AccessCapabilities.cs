namespace Cobranca.Connectors.Abstractions;

/// <summary>What an access controller can do. An operation whose flag is missing throws <see cref="NotSupportedException"/>.</summary>
[Flags]
public enum AccessCapabilities
{
    /// <summary>Nothing.</summary>
    None = 0,
    /// <summary>Read the access state.</summary>
    ReadState = 1 << 0,
    /// <summary>Block.</summary>
    Block = 1 << 1,
    /// <summary>Unblock.</summary>
    Unblock = 1 << 2,
    /// <summary>Reduce speed.</summary>
    Throttle = 1 << 3,
    /// <summary>Efficient bulk application (<see cref="IAccessController.ApplyAsync"/> is more than a loop).</summary>
    Bulk = 1 << 4,
    /// <summary>Disconnects the active session so the new state (or RADIUS) applies at reconnection.</summary>
    KickSession = 1 << 5,
}
