using System.Diagnostics.Metrics;
using Cobranca.Connectors.Abstractions;
using Cobranca.Connectors.Http;
using Cobranca.Connectors.Ixc;
using Cobranca.Connectors.Ixc.Internal;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Refit;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers IXC tenants.</summary>
public static class IxcServiceCollectionExtensions
{
    /// <summary>The configuration section a tenant's options are bound from: <c>Cobranca:Ixc:{name}</c>.</summary>
    public const string ConfigurationSectionPrefix = "Cobranca:Ixc:";

    /// <summary>
    /// Registers the IXC tenant <paramref name="tenant"/>: keyed <see cref="IxcClient"/>, <see cref="IIxcClient"/>,
    /// <see cref="IBillingSystem"/> and <see cref="IAccessController"/> (no unkeyed default), a named
    /// <see cref="System.Net.Http.HttpClient"/> with the shared resilience pipeline (its own circuit breaker and concurrency
    /// limit), the tenant's certificate pins, and options bound from <c>Cobranca:Ixc:{tenant}</c> then
    /// <paramref name="configure"/>, validated when the host starts. A configuration reload that changes the user id or
    /// token is used on the next request, without a restart. Call once per tenant.
    /// </summary>
    /// <param name="services">The services.</param>
    /// <param name="tenant">The tenant name: the service key.</param>
    /// <param name="configure">Sets the options (runs after configuration binding, when the options are first needed).</param>
    /// <exception cref="ArgumentException"><paramref name="tenant"/> is blank.</exception>
    public static IxcClientBuilder AddIxcClient(this IServiceCollection services, string tenant, Action<IxcClientOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentException.ThrowIfNullOrWhiteSpace(tenant);
        services.AddTenantOptions<IxcClientOptions, IxcClientOptionsValidator>(ConfigurationSectionPrefix, tenant, configure);
        services.AddKeyedSingleton(tenant, (sp, _) => new TenantCredential<IxcClientOptions>(
            sp.GetRequiredService<IOptionsMonitor<IxcClientOptions>>(), tenant, o => o.Credential, o => o.CreateCredential()));

        IxcClientOptions Options(IServiceProvider sp) => sp.GetRequiredService<IOptionsMonitor<IxcClientOptions>>().Get(tenant);

        var http = services.AddKeyedRefitGeneratedClient<IIxcApi>(tenant, _ => new RefitSettings(), "Cobranca.Connectors.Ixc." + tenant)
            .ConfigureHttpClient((sp, client) => IxcClient.ConfigureHttpClient(client, Options(sp)))
            .ConfigurePrimaryHttpMessageHandler(sp => ConnectorHttpClientFactory.CreatePrimaryHandler([.. Options(sp).PinnedCertificateThumbprints]))
            .AddConnectorResilience(sp => Options(sp).Resilience)
            .AddHttpMessageHandler(sp => new IxcAuthenticationHandler(sp.GetRequiredKeyedService<TenantCredential<IxcClientOptions>>(tenant).Credential))
            .AddHttpMessageHandler(() => new IxcListingVerbHandler())
            .AddHttpMessageHandler(() => new IxcReplyHandler());

        services.AddKeyedSingleton(tenant, (sp, _) => new IxcClient(
            sp.GetRequiredKeyedService<IIxcApi>(tenant), IxcClient.Validated(Options(sp)), sp.GetService<ILoggerFactory>(),
            sp.GetService<TimeProvider>(), tenant, sp.GetService<IMeterFactory>()));
        services.AddKeyedSingleton<IIxcClient>(tenant, (sp, _) => sp.GetRequiredKeyedService<IxcClient>(tenant));
        services.AddKeyedSingleton(tenant, (sp, _) => sp.GetRequiredKeyedService<IxcClient>(tenant).AsBillingSystem());
        services.AddKeyedSingleton(tenant, (sp, _) => sp.GetRequiredKeyedService<IxcClient>(tenant).AsAccessController());
        return new IxcClientBuilder(services, tenant, http);
    }
}
