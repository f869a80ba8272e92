using System.Diagnostics.Metrics;
using Cobranca.Connectors.Abstractions;
using Cobranca.Connectors.Http;
using Cobranca.Connectors.Sgp;
using Cobranca.Connectors.Sgp.Internal;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers SGP tenants.</summary>
public static class SgpServiceCollectionExtensions
{
    /// <summary>The configuration section of a tenant: <c>Cobranca:Sgp:{tenant}</c>.</summary>
    public const string ConfigurationSectionPrefix = "Cobranca:Sgp:";

    /// <summary>
    /// Registers the SGP tenant <paramref name="tenant"/>: options bound from <c>Cobranca:Sgp:{tenant}</c> then
    /// <paramref name="configure"/>, validated at start; keyed singletons <see cref="SgpClient"/>, <see cref="ISgpClient"/>,
    /// <see cref="IBillingSystem"/> and <see cref="IAccessController"/> under the tenant; a named HTTP client with the
    /// resilience pipeline (retries for reads only) and certificate pinning.
    /// </summary>
    /// <param name="services">The services.</param>
    /// <param name="tenant">The tenant name (the key).</param>
    /// <param name="configure">Configures the options after binding; optional.</param>
    /// <returns>A builder to configure the tenant further.</returns>
    /// <exception cref="ArgumentException">Blank tenant.</exception>
    public static SgpClientBuilder AddSgpClient(this IServiceCollection services, string tenant, Action<SgpClientOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentException.ThrowIfNullOrWhiteSpace(tenant);

        services.AddTenantOptions<SgpClientOptions, SgpClientOptionsValidator>(ConfigurationSectionPrefix, tenant, configure);

        SgpClientOptions Options(IServiceProvider sp) => sp.GetRequiredService<IOptionsMonitor<SgpClientOptions>>().Get(tenant);

        var httpName = "Cobranca.Connectors.Sgp." + tenant;
        var http = services.AddHttpClient(httpName)
            .ConfigureHttpClient((sp, client) => SgpClient.ConfigureHttpClient(client, Options(sp)))
            .ConfigurePrimaryHttpMessageHandler(sp => ConnectorHttpClientFactory.CreatePrimaryHandler(Options(sp).PinnedCertificateThumbprints.ToList()))
            .AddConnectorResilience(sp => Options(sp).Resilience);

        services.AddKeyedSingleton(tenant, (sp, _) =>
        {
            var monitor = sp.GetRequiredService<IOptionsMonitor<SgpClientOptions>>();
            var factory = sp.GetRequiredService<IHttpClientFactory>();
            var client = new SgpClient(monitor.Get(tenant), () => factory.CreateClient(httpName),
                sp.GetService<ILoggerFactory>()?.CreateLogger<SgpClient>(), sp.GetService<TimeProvider>(), tenant, sp.GetService<IMeterFactory>());
            // A rotated secret in reloaded configuration reaches the running client (no restart).
            monitor.OnChange((changed, name) =>
            {
                if (name != tenant || changed.Credential is not null) return;
                if (changed.Authentication == SgpAuthentication.Basic) client.Credential.Update(changed.Username ?? "", changed.Password ?? "");
                else client.Credential.Update(changed.App ?? "", changed.Token ?? "");
            });
            return client;
        });
        services.AddKeyedSingleton<ISgpClient>(tenant, (sp, _) => sp.GetRequiredKeyedService<SgpClient>(tenant));
        services.AddKeyedSingleton<IBillingSystem>(tenant, (sp, _) => sp.GetRequiredKeyedService<SgpClient>(tenant));
        services.AddKeyedSingleton(tenant, (sp, _) => sp.GetRequiredKeyedService<SgpClient>(tenant).AsAccessController());
        return new SgpClientBuilder(services, tenant, http);
    }
}
