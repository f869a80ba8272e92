using Cobranca.Connectors.Abstractions;
using Cobranca.Connectors.Http;
using Cobranca.Connectors.MkAuth;
using Cobranca.Connectors.MkAuth.Internal;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers MK-Auth tenants.</summary>
public static class MkAuthServiceCollectionExtensions
{
    /// <summary>The configuration section a tenant's options are bound from: <c>Cobranca:MkAuth:{tenant}</c>.</summary>
    public const string ConfigurationSectionPrefix = "Cobranca:MkAuth:";

    /// <summary>
    /// Registers an MK-Auth tenant: keyed <see cref="MkAuthClient"/>, <see cref="IMkAuthClient"/>, <see cref="IBillingSystem"/>
    /// and <see cref="IAccessController"/>, a named <see cref="System.Net.Http.HttpClient"/> with the resilience pipeline and
    /// the tenant's certificate pins, and options bound from <c>Cobranca:MkAuth:{tenant}</c> then <paramref name="configure"/>,
    /// validated when the host starts. Trust-unlock grants go to the keyed (then unkeyed) <see cref="IMkAuthTrustUnlockStore"/>,
    /// in memory when none is registered. Reloaded options with new ClientId/ClientSecret rotate the credential in place.
    /// </summary>
    /// <param name="services">The services.</param>
    /// <param name="tenant">The tenant name (service key).</param>
    /// <param name="configure">Sets the options.</param>
    /// <exception cref="ArgumentException"><paramref name="tenant"/> is blank.</exception>
    public static MkAuthClientBuilder AddMkAuthClient(this IServiceCollection services, string tenant, Action<MkAuthClientOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentException.ThrowIfNullOrWhiteSpace(tenant);

        var options = services.AddOptions<MkAuthClientOptions>(tenant).Configure<IServiceProvider>((o, sp) =>
        {
            if (sp.GetService<IConfiguration>() is { } configuration) MkAuthOptionsBinder.Bind(configuration.GetSection(ConfigurationSectionPrefix + tenant), o);
        });
        if (configure is not null) options.Configure(configure);
        options.ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<MkAuthClientOptions>, MkAuthClientOptionsValidator>());

        MkAuthClientOptions Options(IServiceProvider sp) => sp.GetRequiredService<IOptionsMonitor<MkAuthClientOptions>>().Get(tenant);

        var httpName = MkAuthTelemetry.ActivitySourceName + "." + tenant;
        var http = services.AddHttpClient(httpName)
            .ConfigurePrimaryHttpMessageHandler(sp => ConnectorHttpClientFactory.CreatePrimaryHandler(Options(sp).PinnedCertificateThumbprints.ToList()))
            .AddConnectorResilience(sp => Options(sp).Resilience);

        services.AddKeyedSingleton(tenant, (sp, _) =>
        {
            var monitor = sp.GetRequiredService<IOptionsMonitor<MkAuthClientOptions>>();
            var store = sp.GetKeyedService<IMkAuthTrustUnlockStore>(tenant) ?? sp.GetService<IMkAuthTrustUnlockStore>() ?? new InMemoryMkAuthTrustUnlockStore();
            var client = new MkAuthClient(sp.GetRequiredService<IHttpClientFactory>().CreateClient(httpName), monitor.Get(tenant), store,
                sp.GetService<ILoggerFactory>()?.CreateLogger<MkAuthClient>(), sp.GetService<TimeProvider>(), tenant,
                sp.GetService<System.Diagnostics.Metrics.IMeterFactory>());
            monitor.OnChange((changed, name) =>
        {
                if (name == tenant) client.OnOptionsChanged(changed);
            });
            return client;
        });
        services.AddKeyedSingleton<IMkAuthClient>(tenant, (sp, _) => sp.GetRequiredKeyedService<MkAuthClient>(tenant));
        services.AddKeyedSingleton(tenant, (sp, _) => sp.GetRequiredKeyedService<MkAuthClient>(tenant).AsBillingSystem());
        services.AddKeyedSingleton(tenant, (sp, _) => sp.GetRequiredKeyedService<MkAuthClient>(tenant).AsAccessController());
        return new MkAuthClientBuilder(services, tenant, http);
    }
}
