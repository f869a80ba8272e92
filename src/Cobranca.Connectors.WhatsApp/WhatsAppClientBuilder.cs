using System.Diagnostics.CodeAnalysis;
using Cobranca.Connectors.Abstractions;
using Cobranca.Connectors.Workflows;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

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

    internal Func<string, IStateStore>? ResolveStateStores(IServiceProvider services)
    {
        if (StateStores is not null) return StateStores(services);
        return services.GetService<ILedgerStore>() is { } ledger ? c => ledger.GetStateStore(Name, c) : null;
    }

    /// <summary>
    /// Registers, keyed by this tenant, a <see cref="WhatsAppNotificationSender"/> as the tenant's
    /// <see cref="INotificationSender"/> (for the dunning runner). Its options are bound from
    /// <c>Cobranca:WhatsApp:{tenant}:Notifications</c>, then <paramref name="configure"/>; it reads phones from the
    /// tenant's keyed <see cref="IBillingSystem"/> and keeps sent notifications in the state collection
    /// <c>whatsapp.notification</c>.
    /// </summary>
    /// <param name="configure">Maps the dunning template keys to approved templates.</param>
    [UnconditionalSuppressMessage("Trimming", "IL2026", Justification = "WhatsAppNotificationOptions' public properties are kept: it is referenced directly.")]
    [UnconditionalSuppressMessage("AOT", "IL3050", Justification = "Only strings, lists and a dictionary of a known type are bound.")]
    public WhatsAppClientBuilder AddNotificationSender(Action<WhatsAppNotificationOptions>? configure = null)
    {
        var tenant = Name;
        Services.AddKeyedSingleton<INotificationSender>(tenant, (sp, _) =>
        {
            var options = new WhatsAppNotificationOptions();
            sp.GetService<IConfiguration>()?.GetSection(WhatsAppServiceCollectionExtensions.ConfigurationSectionPrefix + tenant + ":Notifications").Bind(options);
            configure?.Invoke(options);
            var stores = ResolveStateStores(sp);
            var time = sp.GetService<TimeProvider>();
            return new WhatsAppNotificationSender(sp.GetRequiredKeyedService<IWhatsAppClient>(tenant), sp.GetRequiredKeyedService<IBillingSystem>(tenant), options,
                stores?.Invoke(WhatsAppNotificationSender.StateCollection) ?? new InMemoryStateStore(WhatsAppNotificationSender.StateCollection, time),
                sp.GetService<ILoggerFactory>(), time);
        });
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
