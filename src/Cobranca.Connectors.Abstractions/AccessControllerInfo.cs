namespace Cobranca.Connectors.Abstractions;

/// <summary>Describes an access controller.</summary>
/// <param name="Name">Short name: <c>"ixc"</c>, <c>"mikrotik"</c>, <c>"fake"</c>.</param>
/// <param name="Capabilities">What the controller supports.</param>
public sealed record AccessControllerInfo(string Name, AccessCapabilities Capabilities)
{
    /// <summary>True when every flag in <paramref name="required"/> is supported.</summary>
    /// <param name="required">The flags to check.</param>
    public bool Supports(AccessCapabilities required) => (Capabilities & required) == required;
}
