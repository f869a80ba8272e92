using System.Diagnostics.Metrics;
using Cobranca.Connectors.Http;
using Cobranca.Connectors.WhatsApp;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers WhatsApp Business numbers.</summary>
public static class WhatsAppServiceCollectionExtensions
{
    /// <summary>The configuration section of a tenant: <c>Cobranca:WhatsApp:{tenant}</c>.</summary>
    public const string ConfigurationSectionPrefix = "Cobranca:WhatsApp:";

    /// <summary>
    /// Registers the WhatsApp number of tenant <paramref name="tenant"/>: options bound from <c>Cobranca:WhatsApp:{tenant}</c>
    /// then <paramref name="configure"/>, validated at start; keyed singletons <see cref="WhatsAppClient"/>,
    /// <see cref="IWhatsAppClient"/> and <see cref="WhatsAppWebhookHandler"/> under the tenant; a named HTTP client with
    /// the resilience pipeline (sends are never retried by it) and certificate pinning. A rotated access token in
    /// reloaded configuration reaches the running client. The state (windows, webhook dedupe, message states) goes to
    /// the registered <c>ILedgerStore</c>'s collections for the tenant when there is one (in memory otherwise), unless
    /// <see cref="WhatsAppClientBuilder.UseStateStores"/> says where.
    /// </summary>
    /// <param name="services">The services.</param>
    /// <param name="tenant">The tenant name (the key).</param>
    /// <param name="configure">Configures the options after binding; optional.</param>
    /// <returns>A builder (durable state stores, another transport, HTTP handlers).</returns>
    /// <exception cref="ArgumentException">Blank tenant.</exception>
    public static WhatsAppClientBuilder AddWhatsAppClient(this IServiceCollection services, string tenant, Action<WhatsAppClientOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentException.ThrowIfNullOrWhiteSpace(tenant);

        services.AddTenantOptions<WhatsAppClientOptions, WhatsAppClientOptionsValidator>(ConfigurationSectionPrefix, tenant, configure);

        WhatsAppClientOptions Options(IServiceProvider sp) => sp.GetRequiredService<IOptionsMonitor<WhatsAppClientOptions>>().Get(tenant);

        var httpName = "Cobranca.Connectors.WhatsApp." + tenant;
        var http = services.AddHttpClient(httpName)
            .ConfigureHttpClient((sp, client) => WhatsAppClient.ConfigureHttpClient(client, Options(sp)))
            .ConfigurePrimaryHttpMessageHandler(sp => ConnectorHttpClientFactory.CreatePrimaryHandler(Options(sp).PinnedCertificateThumbprints.ToList()))
            .AddConnectorResilience(sp => Options(sp).Resilience);
        var builder = new WhatsAppClientBuilder(services, tenant, http);

        services.AddKeyedSingleton(tenant, (sp, _) =>
        {
            var monitor = sp.GetRequiredService<IOptionsMonitor<WhatsAppClientOptions>>();
            var factory = sp.GetRequiredService<IHttpClientFactory>();
            var time = sp.GetService<TimeProvider>();
            var client = new WhatsAppClient(monitor.Get(tenant), builder.ResolveStateStores(sp), builder.Transport?.Invoke(sp),
                () => factory.CreateClient(httpName), sp.GetService<ILoggerFactory>()?.CreateLogger<WhatsAppClient>(), time, tenant,
                sp.GetService<IMeterFactory>());
            monitor.OnChange((changed, name) =>
            {
                if (name != tenant || changed.Credential is not null || string.IsNullOrEmpty(changed.AccessToken)) return;
                client.Credential.Update(changed.AccessToken);
            });
            return client;
        });
        services.AddKeyedSingleton<IWhatsAppClient>(tenant, (sp, _) => sp.GetRequiredKeyedService<WhatsAppClient>(tenant));
        services.AddKeyedSingleton(tenant, (sp, _) => sp.GetRequiredKeyedService<WhatsAppClient>(tenant).Webhooks);
        return builder;
    }
}
