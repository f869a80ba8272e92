using System.Diagnostics.CodeAnalysis;
using Cobranca.Connectors.Abstractions;
using Cobranca.Connectors.MikroTik;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers MikroTik routers (one registration per router, the tenant being the router's name).</summary>
public static class MikroTikServiceCollectionExtensions
{
    /// <summary>The configuration section a router's options are bound from: <c>Cobranca:MikroTik:{tenant}</c>.</summary>
    public const string ConfigurationSectionPrefix = "Cobranca:MikroTik:";

    /// <summary>
    /// Registers the router <paramref name="tenant"/>: options bound from <c>Cobranca:MikroTik:{tenant}</c> then
    /// <paramref name="configure"/>, validated when the host starts; keyed singletons <see cref="MikroTikAccessController"/>,
    /// <see cref="IAccessController"/> and <see cref="IRouterOsClient"/> (the controller's connection) under
    /// <paramref name="tenant"/>, and no unkeyed default. A configuration reload that changes the user or password is
    /// used at the next login (a new connection), without a restart.
    /// </summary>
    /// <param name="services">The services.</param>
    /// <param name="tenant">The router's name: the service key. Call once per router.</param>
    /// <param name="configure">Sets the options (runs after configuration binding, when the options are first needed).</param>
    /// <exception cref="ArgumentException"><paramref name="tenant"/> is blank.</exception>
    public static MikroTikClientBuilder AddMikroTikClient(this IServiceCollection services, string tenant,
        Action<MikroTikAccessControllerOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentException.ThrowIfNullOrWhiteSpace(tenant);
        var builder = services.AddOptions<MikroTikAccessControllerOptions>(tenant)
            .Configure<IServiceProvider>((o, sp) => Bind(sp.GetService<IConfiguration>()?.GetSection(ConfigurationSectionPrefix + tenant), o));
        if (configure is not null) builder.Configure(configure);
        builder.ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<MikroTikAccessControllerOptions>, MikroTikOptionsValidator>());
        services.AddSingleton<IOptionsChangeTokenSource<MikroTikAccessControllerOptions>>(sp =>
            new MikroTikConfigurationChangeTokenSource(tenant, sp.GetService<IConfiguration>()));

        services.AddKeyedSingleton(tenant, static (sp, key) =>
        {
            var monitor = sp.GetRequiredService<IOptionsMonitor<MikroTikAccessControllerOptions>>();
            var name = (string)key!;
            return MikroTikAccessController.FromRegistration(monitor, name, sp.GetService<ILoggerFactory>(), sp.GetService<TimeProvider>(),
                sp.GetService<System.Diagnostics.Metrics.IMeterFactory>());
        });
        services.AddKeyedSingleton<IAccessController>(tenant, static (sp, key) => sp.GetRequiredKeyedService<MikroTikAccessController>(key));
        services.AddKeyedSingleton<IRouterOsClient>(tenant, static (sp, key) => sp.GetRequiredKeyedService<MikroTikAccessController>(key).Client);
        return new MikroTikClientBuilder(services, tenant);
    }

    // The reflection binder, not the source generator, which emits code that does not compile for the members set in
    // code only (Credential). MikroTikAccessControllerOptions' public properties are kept for it by DynamicDependency.
    [DynamicDependency(DynamicallyAccessedMemberTypes.PublicProperties | DynamicallyAccessedMemberTypes.PublicParameterlessConstructor, typeof(MikroTikAccessControllerOptions))]
    [UnconditionalSuppressMessage("Trimming", "IL2026", Justification = "The bound type's public properties are preserved by DynamicDependency.")]
    [UnconditionalSuppressMessage("AOT", "IL3050", Justification = "Only strings, numbers, booleans, TimeSpan, enums and string lists are bound.")]
    private static void Bind(IConfigurationSection? section, MikroTikAccessControllerOptions options)
    {
        if (section is not null) section.Bind(options);
    }
}
