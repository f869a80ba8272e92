using Cobranca.Connectors.Abstractions;
using Cobranca.Connectors.MikroTik;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>DI registration of MikroTik access controllers (one named registration per router).</summary>
public static class MikroTikServiceCollectionExtensions
{
    /// <summary>
    /// Registers a <see cref="MikroTikAccessController"/> named <paramref name="name"/>: named options validated on start,
    /// and keyed singletons <see cref="MikroTikAccessController"/> and <see cref="IAccessController"/> with key
    /// <paramref name="name"/> (resolve with <c>GetRequiredKeyedService&lt;IAccessController&gt;(name)</c>).
    /// </summary>
    /// <returns>The options builder, to bind configuration or add validation.</returns>
    public static OptionsBuilder<MikroTikAccessControllerOptions> AddMikroTikAccessController(this IServiceCollection services, string name,
        Action<MikroTikAccessControllerOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        var builder = services.AddOptions<MikroTikAccessControllerOptions>(name);
        if (configure is not null) builder.Configure(configure);
        builder.ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<MikroTikAccessControllerOptions>, MikroTikOptionsValidator>());
        services.AddKeyedSingleton(name, static (sp, key) =>
        {
            var options = sp.GetRequiredService<IOptionsMonitor<MikroTikAccessControllerOptions>>().Get((string)key!);
            return new MikroTikAccessController(options, sp.GetService<ILoggerFactory>());
        });
        services.AddKeyedSingleton<IAccessController>(name, static (sp, key) => sp.GetRequiredKeyedService<MikroTikAccessController>(key));
        return builder;
    }
}
