using Microsoft.Extensions.DependencyInjection;

namespace Cobranca.Connectors.MikroTik;

/// <summary>What <c>services.AddMikroTikClient(tenant, ...)</c> returns: the router's registration, for further configuration.</summary>
public sealed class MikroTikClientBuilder
{
    internal MikroTikClientBuilder(IServiceCollection services, string name)
    {
        Services = services;
        Name = name;
    }

    /// <summary>The service collection.</summary>
    public IServiceCollection Services { get; }

    /// <summary>The router's name (the service key of <see cref="MikroTikAccessController"/>, <c>IAccessController</c> and <see cref="IRouterOsClient"/>).</summary>
    public string Name { get; }
}
