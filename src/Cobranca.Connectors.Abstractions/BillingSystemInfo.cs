namespace Cobranca.Connectors.Abstractions;

/// <summary>Describes a billing backend.</summary>
/// <param name="Name">Short provider name: <c>"ixc"</c>, <c>"sgp"</c>, <c>"mkauth"</c>, <c>"fake"</c>.</param>
/// <param name="Capabilities">What the backend supports.</param>
public sealed record BillingSystemInfo(string Name, BillingCapabilities Capabilities)
{
    /// <summary>True when every flag in <paramref name="required"/> is supported.</summary>
    /// <param name="required">The flags to check.</param>
    public bool Supports(BillingCapabilities required) => (Capabilities & required) == required;
}
