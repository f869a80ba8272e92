using Cobranca.Connectors.Http;
using Cobranca.Connectors.Pix;
using Cobranca.Connectors.Pix.Internal;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>DI registration for <see cref="PixClient"/>.</summary>
public static class PixServiceCollectionExtensions
{
    /// <summary>
    /// Registers a named PSP account: options (validated when the host starts), a named HttpClient presenting the
    /// account's mTLS certificate with per-operation retries, and a keyed singleton <see cref="IPixClient"/>
    /// (resolve with <c>[FromKeyedServices(name)]</c> or <c>GetRequiredKeyedService&lt;IPixClient&gt;(name)</c>).
    /// The first registration is also available as plain <see cref="IPixClient"/>.
    /// </summary>
    /// <param name="services">The services.</param>
    /// <param name="name">Account/tenant name, unique per registration.</param>
    /// <param name="configure">Sets the options (not invoked until the options are first needed).</param>
    public static PixClientBuilder AddPixClient(this IServiceCollection services, string name, Action<PixClientOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(name);
        var optionsBuilder = services.AddOptions<PixClientOptions>(name);
        if (configure is not null) optionsBuilder.Configure(configure);
        optionsBuilder.ValidateOnStart();
        services.AddSingleton<IValidateOptions<PixClientOptions>>(new PixClientOptionsValidator(name));

        var httpName = "Cobranca.Connectors.Pix." + name;
        var http = services.AddHttpClient(httpName, c => c.Timeout = Timeout.InfiniteTimeSpan)
            .ConfigurePrimaryHttpMessageHandler(sp => PixHttpHandlers.CreatePrimary(Options(sp, name)))
            .AddConnectorResilience(sp => Options(sp, name).Resilience)
            .SetHandlerLifetime(TimeSpan.FromMinutes(15));

        services.AddKeyedSingleton<IPixClient>(name, (sp, _) =>
        {
            var factory = sp.GetRequiredService<IHttpClientFactory>();
            return new PixClient(Options(sp, name), () => factory.CreateClient(httpName), Logger(sp));
        });
        services.TryAddSingleton(sp => sp.GetRequiredKeyedService<IPixClient>(name));
        return new PixClientBuilder(services, name, http);
    }

    private static PixClientOptions Options(IServiceProvider sp, string name)
    {
        var options = sp.GetRequiredService<IOptionsMonitor<PixClientOptions>>().Get(name);
        options.TimeProvider ??= sp.GetService<TimeProvider>();
        return options;
    }

    private static ILogger Logger(IServiceProvider sp) =>
        sp.GetService<ILoggerFactory>()?.CreateLogger("Cobranca.Connectors.Pix.PixClient") ?? NullLogger.Instance;

    private sealed class PixClientOptionsValidator(string name) : IValidateOptions<PixClientOptions>
    {
        public ValidateOptionsResult Validate(string? optionsName, PixClientOptions options)
        {
            if (!string.Equals(optionsName, name, StringComparison.Ordinal)) return ValidateOptionsResult.Skip;
            var errors = options.Validate();
            return errors.Count == 0
                ? ValidateOptionsResult.Success
                : ValidateOptionsResult.Fail(errors.Select(e => $"Pix client '{name}': {e}"));
        }
    }
}
