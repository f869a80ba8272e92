using Microsoft.Extensions.DependencyInjection;

namespace Cobranca.Connectors.Ixc;

/// <summary>What <c>services.AddIxcClient(name, ...)</c> returns: the tenant's registration, for further configuration.</summary>
public sealed class IxcClientBuilder
{
    internal IxcClientBuilder(IServiceCollection services, string name, IHttpClientBuilder httpClient)
    {
        Services = services;
        Name = name;
        HttpClient = httpClient;
    }

    /// <summary>The service collection.</summary>
    public IServiceCollection Services { get; }

    /// <summary>The tenant name (the service key of <see cref="IxcClient"/>, <c>IBillingSystem</c> and <c>IAccessController</c>).</summary>
    public string Name { get; }

    /// <summary>The tenant's named <see cref="System.Net.Http.HttpClient"/> (already has the resilience handler: do not add a second one).</summary>
    public IHttpClientBuilder HttpClient { get; }
}
