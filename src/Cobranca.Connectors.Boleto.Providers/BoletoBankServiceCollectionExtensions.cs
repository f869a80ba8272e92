using System.Diagnostics.Metrics;
using Cobranca.Connectors.Boleto;
using Cobranca.Connectors.Boleto.Providers;
using Cobranca.Connectors.Boleto.Providers.Internal;
using Cobranca.Connectors.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers bank boleto accounts (one per tenant).</summary>
public static class BoletoBankServiceCollectionExtensions
{
    /// <summary>The configuration section a tenant's options are bound from: <c>Cobranca:BoletoBank:{tenant}</c>.</summary>
    public const string ConfigurationSectionPrefix = "Cobranca:BoletoBank:";

    /// <summary>
    /// Registers the bank account of <paramref name="tenant"/>: options bound from <c>Cobranca:BoletoBank:{tenant}</c>
    /// then <paramref name="configure"/> (validated when the host starts), a named HttpClient presenting the account's
    /// mTLS certificate with the shared resilience pipeline, and keyed singletons <see cref="BoletoBankClient"/>,
    /// <see cref="IBoletoBankClient"/> and <see cref="IBoletoProvider"/>. No unkeyed default. A configuration reload that
    /// changes the client id or secret is applied to the running client.
    /// </summary>
    /// <param name="services">The services.</param>
    /// <param name="tenant">The tenant (account) name: the service key.</param>
    /// <param name="configure">Sets the options after binding.</param>
    /// <exception cref="ArgumentException"><paramref name="tenant"/> is blank.</exception>
    public static BoletoBankClientBuilder AddBoletoBankClient(this IServiceCollection services, string tenant, Action<BoletoBankClientOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentException.ThrowIfNullOrWhiteSpace(tenant);

        services.AddTenantOptions<BoletoBankClientOptions, BoletoBankClientOptionsValidator>(ConfigurationSectionPrefix, tenant, configure);
        services.AddKeyedSingleton(tenant, (sp, _) => new MtlsTenantState<BoletoBankClientOptions>(sp.GetRequiredService<IOptionsMonitor<BoletoBankClientOptions>>(), tenant,
            o => o.Credential, o => o.CreateCredential(), BoletoBankClient.LoadCertificate, o => o.Certificate));

        var httpName = "Cobranca.Connectors.Boleto.Providers." + tenant;
        var http = services.AddHttpClient(httpName, c => c.Timeout = Timeout.InfiniteTimeSpan)
            .ConfigurePrimaryHttpMessageHandler(sp =>
            {
                var state = sp.GetRequiredKeyedService<MtlsTenantState<BoletoBankClientOptions>>(tenant);
                return BoletoBankClient.CreatePrimaryHandler(state.Options, state.Certificate());
            })
            .AddConnectorResilience(sp => sp.GetRequiredKeyedService<MtlsTenantState<BoletoBankClientOptions>>(tenant).Options.Resilience)
            .SetHandlerLifetime(TimeSpan.FromMinutes(15));

        services.AddKeyedSingleton(tenant, (sp, _) =>
        {
            var state = sp.GetRequiredKeyedService<MtlsTenantState<BoletoBankClientOptions>>(tenant);
            var factory = sp.GetRequiredService<IHttpClientFactory>();
            return new BoletoBankClient(state.Options, state.Credential, () => factory.CreateClient(httpName), sp.GetService<ILoggerFactory>(),
                sp.GetService<TimeProvider>(), tenant, sp.GetService<IMeterFactory>());
        });
        services.AddKeyedSingleton<IBoletoBankClient>(tenant, (sp, _) => sp.GetRequiredKeyedService<BoletoBankClient>(tenant));
        services.AddKeyedSingleton<IBoletoProvider>(tenant, (sp, _) => sp.GetRequiredKeyedService<BoletoBankClient>(tenant));
        return new BoletoBankClientBuilder(services, tenant, http);
    }
}
