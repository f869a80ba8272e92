using Cobranca.Connectors.Abstractions;
using Microsoft.Extensions.DependencyInjection;

namespace Cobranca.Connectors.WhatsApp;

/// <summary>What <c>services.AddWhatsAppClient(tenant, ...)</c> registered, to configure further.</summary>
public sealed class WhatsAppClientBuilder
{
    internal WhatsAppClientBuilder(IServiceCollection services, string name, IHttpClientBuilder httpClient)
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

    internal Func<IServiceProvider, Func<string, IStateStore>>? StateStores { get; private set; }

    internal Func<IServiceProvider, IWhatsAppTransport>? Transport { get; private set; }

    /// <summary>
    /// Keeps the tenant's WhatsApp state (windows, webhook dedupe, message states) in durable collections, e.g.
    /// <c>sp =&gt; c =&gt; sp.GetRequiredService&lt;ILedgerStore&gt;().GetStateStore("isp-a", c)</c>. Without it the state is in memory (lost on restart).
    /// </summary>
    /// <param name="factory">Gives, from the services, the collection by name.</param>
    public WhatsAppClientBuilder UseStateStores(Func<IServiceProvider, Func<string, IStateStore>> factory)
    {
        ArgumentNullException.ThrowIfNull(factory);
        StateStores = factory;
        return this;
    }

    /// <summary>Sends through another transport than the Cloud API (an unofficial gateway, at the host's own risk).</summary>
    /// <param name="factory">Creates the transport.</param>
    public WhatsAppClientBuilder UseTransport(Func<IServiceProvider, IWhatsAppTransport> factory)
    {
        ArgumentNullException.ThrowIfNull(factory);
        Transport = factory;
        return this;
    }
}
