using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Cobranca.Connectors.MkAuth;

/// <summary>What <c>services.AddMkAuthClient(tenant, ...)</c> returns: the tenant's registration, for further configuration.</summary>
public sealed class MkAuthClientBuilder
{
    internal MkAuthClientBuilder(IServiceCollection services, string name, IHttpClientBuilder httpClient)
    {
        Services = services;
        Name = name;
        HttpClient = httpClient;
    }

    /// <summary>The service collection.</summary>
    public IServiceCollection Services { get; }

    /// <summary>The tenant name (the service key of <see cref="MkAuthClient"/>, <c>IBillingSystem</c> and <c>IAccessController</c>).</summary>
    public string Name { get; }

    /// <summary>The tenant's named <see cref="System.Net.Http.HttpClient"/> (already has the resilience handler and the pins).</summary>
    public IHttpClientBuilder HttpClient { get; }

    /// <summary>Adds a handler to the tenant's HTTP pipeline (inside the resilience handler).</summary>
    /// <param name="configureHandler">Creates the handler.</param>
    public MkAuthClientBuilder AddHttpMessageHandler(Func<DelegatingHandler> configureHandler)
    {
        HttpClient.AddHttpMessageHandler(configureHandler);
        return this;
    }

    /// <summary>Keeps this tenant's trust-unlock grants in the given store (a durable one in production).</summary>
    /// <param name="factory">Creates the store.</param>
    public MkAuthClientBuilder UseTrustUnlockStore(Func<IServiceProvider, IMkAuthTrustUnlockStore> factory)
    {
        ArgumentNullException.ThrowIfNull(factory);
        Services.RemoveAllKeyed<IMkAuthTrustUnlockStore>(Name);
        Services.AddKeyedSingleton(Name, (sp, _) => factory(sp));
        return this;
    }
}
