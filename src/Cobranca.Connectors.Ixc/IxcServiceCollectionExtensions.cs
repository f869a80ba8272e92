using Cobranca.Connectors.Abstractions;
using Cobranca.Connectors.Http;
using Cobranca.Connectors.Ixc;
using Cobranca.Connectors.Ixc.Internal;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
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
    /// Registers an IXC tenant under <paramref name="name"/>: keyed <see cref="IxcClient"/>, <see cref="IBillingSystem"/> and
    /// <see cref="IAccessController"/>, a named <see cref="System.Net.Http.HttpClient"/> with the shared resilience pipeline
    /// (its own circuit breaker and concurrency limit), the tenant's certificate pins, and options bound from
    /// <c>Cobranca:Ixc:{name}</c> then <paramref name="configure"/>, validated when the host starts. Call once per tenant.
    /// </summary>
    /// <param name="services">The services.</param>
    /// <param name="name">The tenant name (service key).</param>
    /// <param name="configure">Sets the options.</param>
    public static IxcClientBuilder AddIxcClient(this IServiceCollection services, string name, Action<IxcClientOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);

        // Configuration first (when the host has one), then the delegate; both lazily, when the options are first needed.
        var options = services.AddOptions<IxcClientOptions>(name).Configure<IServiceProvider>((o, sp) =>
            sp.GetService<IConfiguration>()?.GetSection(ConfigurationSectionPrefix + name).Bind(o));
        if (configure is not null) options.Configure(configure);
        options.ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<IxcClientOptions>, IxcClientOptionsValidator>());

        IxcClientOptions Options(IServiceProvider sp) => sp.GetRequiredService<IOptionsMonitor<IxcClientOptions>>().Get(name);

        var http = services.AddKeyedRefitGeneratedClient<IIxcApi>(name, _ => new RefitSettings(), "Cobranca.Connectors.Ixc." + name)
            .ConfigureHttpClient((sp, client) => IxcClient.ConfigureHttpClient(client, Options(sp)))
            .ConfigurePrimaryHttpMessageHandler(sp => ConnectorHttpClientFactory.CreatePrimaryHandler(Options(sp).PinnedCertificateThumbprints.ToList()))
            .AddConnectorResilience(sp => Options(sp).Resilience)
            .AddHttpMessageHandler(() => new IxcListingVerbHandler())
            .AddHttpMessageHandler(() => new IxcReplyHandler());

        services.AddKeyedSingleton(name, (sp, _) => new IxcClient(
            sp.GetRequiredKeyedService<IIxcApi>(name), Options(sp),
            sp.GetService<ILoggerFactory>()?.CreateLogger<IxcClient>(), sp.GetService<TimeProvider>(), name));
        services.AddKeyedSingleton(name, (sp, _) => sp.GetRequiredKeyedService<IxcClient>(name).AsBillingSystem());
        services.AddKeyedSingleton(name, (sp, _) => sp.GetRequiredKeyedService<IxcClient>(name).AsAccessController());
        return new IxcClientBuilder(services, name, http);
    }
}
