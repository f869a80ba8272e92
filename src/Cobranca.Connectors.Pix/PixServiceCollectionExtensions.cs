using System.Diagnostics.Metrics;
using Cobranca.Connectors.Abstractions;
using Cobranca.Connectors.Http;
using Cobranca.Connectors.Pix;
using Cobranca.Connectors.Pix.Internal;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers PSP accounts (one per tenant).</summary>
public static class PixServiceCollectionExtensions
{
    /// <summary>The configuration section a tenant's options are bound from: <c>Cobranca:Pix:{tenant}</c>.</summary>
    public const string ConfigurationSectionPrefix = "Cobranca:Pix:";

    /// <summary>
    /// Registers the PSP account of <paramref name="tenant"/>: options bound from <c>Cobranca:Pix:{tenant}</c> then
    /// <paramref name="configure"/> (validated when the host starts), a named HttpClient presenting the account's mTLS
    /// certificate with the shared resilience pipeline, and keyed singletons <see cref="PixClient"/> and
    /// <see cref="IPixClient"/> (resolve with <c>GetRequiredKeyedService&lt;IPixClient&gt;(tenant)</c>). There is no unkeyed
    /// default. A configuration reload that changes the client id or secret is applied to the running client.
    /// </summary>
    /// <param name="services">The services.</param>
    /// <param name="tenant">The tenant (account) name: the service key. Call once per tenant.</param>
    /// <param name="configure">Sets the options (runs after configuration binding, when the options are first needed).</param>
    /// <exception cref="ArgumentException"><paramref name="tenant"/> is blank.</exception>
    public static PixClientBuilder AddPixClient(this IServiceCollection services, string tenant, Action<PixClientOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentException.ThrowIfNullOrWhiteSpace(tenant);

        services.AddTenantOptions<PixClientOptions, PixClientOptionsValidator>(ConfigurationSectionPrefix, tenant, configure);
        services.AddKeyedSingleton(tenant, (sp, _) => new MtlsTenantState<PixClientOptions>(sp.GetRequiredService<IOptionsMonitor<PixClientOptions>>(), tenant,
            o => o.Credential, o => o.CreateCredential(), PixCertificateLoader.Load, o => o.Certificate));

        var httpName = "Cobranca.Connectors.Pix." + tenant;
        var http = services.AddHttpClient(httpName, c => c.Timeout = Timeout.InfiniteTimeSpan)
            .ConfigurePrimaryHttpMessageHandler(sp =>
            {
                var state = sp.GetRequiredKeyedService<MtlsTenantState<PixClientOptions>>(tenant);
                return PixHttpHandlers.CreatePrimary(state.Options, state.Certificate());
            })
            .AddConnectorResilience(sp => sp.GetRequiredKeyedService<MtlsTenantState<PixClientOptions>>(tenant).Options.Resilience)
            .SetHandlerLifetime(TimeSpan.FromMinutes(15));

        services.AddKeyedSingleton(tenant, (sp, _) =>
        {
            var state = sp.GetRequiredKeyedService<MtlsTenantState<PixClientOptions>>(tenant);
            var factory = sp.GetRequiredService<IHttpClientFactory>();
            return new PixClient(state.Options, state.Credential, () => factory.CreateClient(httpName), sp.GetService<ILoggerFactory>(),
                sp.GetService<TimeProvider>(), tenant, sp.GetService<IMeterFactory>());
        });
        services.AddKeyedSingleton<IPixClient>(tenant, (sp, _) => sp.GetRequiredKeyedService<PixClient>(tenant));
        return new PixClientBuilder(services, tenant, http);
    }
}
