using System.Diagnostics.Metrics;
using Cobranca.Connectors.Abstractions;
using Cobranca.Connectors.Http;
using Cobranca.Connectors.Sgp;
using Cobranca.Connectors.Sgp.Internal;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
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

        var options = services.AddOptions<SgpClientOptions>(tenant).Configure<IServiceProvider>((o, sp) =>
            Bind(sp.GetService<IConfiguration>()?.GetSection(ConfigurationSectionPrefix + tenant), o));
        if (configure is not null) options.Configure(configure);
        options.ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<SgpClientOptions>, SgpClientOptionsValidator>());

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

    /// <summary>
    /// Binds the section by hand (AOT-safe): <see cref="SgpClientOptions.Credential"/> is an object for rotation, not
    /// configuration, so the binding generator must not see it.
    /// </summary>
    private static void Bind(IConfigurationSection? section, SgpClientOptions o)
    {
        if (section is null || !section.Exists()) return;
        string? S(string key) => section[key];
        bool? B(string key) => bool.TryParse(S(key), out var b) ? b : null;
        int? I(string key) => int.TryParse(S(key), System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var i) ? i : null;
        if (S(nameof(o.BaseAddress)) is { } address) o.BaseAddress = Uri.TryCreate(address, UriKind.Absolute, out var uri) ? uri : new Uri(address, UriKind.Relative);
        if (Enum.TryParse<SgpAuthentication>(S(nameof(o.Authentication)), ignoreCase: true, out var auth)) o.Authentication = auth;
        o.Token = S(nameof(o.Token)) ?? o.Token;
        o.App = S(nameof(o.App)) ?? o.App;
        o.Username = S(nameof(o.Username)) ?? o.Username;
        o.Password = S(nameof(o.Password)) ?? o.Password;
        o.TimeZone = S(nameof(o.TimeZone)) ?? o.TimeZone;
        o.UseLegacyUraPrefix = B(nameof(o.UseLegacyUraPrefix)) ?? o.UseLegacyUraPrefix;
        o.OpenServiceOrderOnSecondCopy = B(nameof(o.OpenServiceOrderOnSecondCopy)) ?? o.OpenServiceOrderOnSecondCopy;
        o.NotifyCustomerOnTrustUnlock = B(nameof(o.NotifyCustomerOnTrustUnlock)) ?? o.NotifyCustomerOnTrustUnlock;
        o.DisconnectOnAccessChange = B(nameof(o.DisconnectOnAccessChange)) ?? o.DisconnectOnAccessChange;
        o.PageSize = I(nameof(o.PageSize)) ?? o.PageSize;
        o.BlockReasonId = I(nameof(o.BlockReasonId)) ?? o.BlockReasonId;
        o.UnblockReasonId = I(nameof(o.UnblockReasonId)) ?? o.UnblockReasonId;
        o.ThrottleReasonId = I(nameof(o.ThrottleReasonId)) ?? o.ThrottleReasonId;
        foreach (var pin in section.GetSection(nameof(o.PinnedCertificateThumbprints)).GetChildren())
        {
            if (!string.IsNullOrWhiteSpace(pin.Value) && !o.PinnedCertificateThumbprints.Contains(pin.Value)) o.PinnedCertificateThumbprints.Add(pin.Value);
        }
        section.GetSection(nameof(o.Resilience)).Bind(o.Resilience);
    }
}
