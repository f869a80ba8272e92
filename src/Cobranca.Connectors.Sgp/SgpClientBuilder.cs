using Microsoft.Extensions.DependencyInjection;

namespace Cobranca.Connectors.Sgp;

/// <summary>What <c>services.AddSgpClient(tenant, ...)</c> registered, to configure further.</summary>
public sealed class SgpClientBuilder
{
    internal SgpClientBuilder(IServiceCollection services, string name, IHttpClientBuilder httpClient)
    {
        Services = services;
        Name = name;
        HttpClient = httpClient;
    }

    /// <summary>The service collection.</summary>
    public IServiceCollection Services { get; }

    /// <summary>The tenant (the key of the keyed registrations).</summary>
    public string Name { get; }

    /// <summary>The tenant's HTTP client registration (already carrying the resilience handler; add handlers, not a second resilience handler).</summary>
    public IHttpClientBuilder HttpClient { get; }
}
