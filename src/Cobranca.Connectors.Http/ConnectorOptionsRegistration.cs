using System.Diagnostics.CodeAnalysis;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Cobranca.Connectors.Http;

/// <summary>
/// The options half of every <c>Add{X}Client(tenant, configure)</c> (docs/conventions.md): named options bound from
/// <c>{sectionPrefix}{tenant}</c> of the host's <see cref="IConfiguration"/> (when there is one), then
/// the <c>configure</c> delegate, both lazily; the validator added once with <c>TryAddEnumerable</c>; <c>ValidateOnStart</c>;
/// and a change-token source so that <see cref="IOptionsMonitor{TOptions}"/> sees configuration reloads (credential
/// rotation). Never mutate the options afterwards (in a DI factory, for instance): pass services to the client instead.
/// </summary>
internal static class ConnectorOptionsRegistration
{
    public static OptionsBuilder<TOptions> AddTenantOptions<
        [DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicProperties | DynamicallyAccessedMemberTypes.PublicParameterlessConstructor)] TOptions,
        [DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicConstructors)] TValidator>(this IServiceCollection services, string sectionPrefix, string tenant, Action<TOptions>? configure)
        where TOptions : class
        where TValidator : class, IValidateOptions<TOptions>
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentException.ThrowIfNullOrWhiteSpace(tenant);
        var builder = services.AddOptions<TOptions>(tenant)
            .Configure<IServiceProvider>((o, sp) => Bind(sp.GetService<IConfiguration>()?.GetSection(sectionPrefix + tenant), o));
        if (configure is not null) builder.Configure(configure);
        builder.ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<TOptions>, TValidator>());
        services.AddSingleton<IOptionsChangeTokenSource<TOptions>>(sp =>
            new TenantConfigurationChangeTokenSource<TOptions>(tenant, sp.GetService<IConfiguration>()));
        return builder;
    }

    // The reflection binder, not the source generator: options carry members that are set in code only (a
    // ConnectorCredential, a loaded certificate, a provider profile) and the generator emits code that does not compile
    // for them, where the binder leaves a member alone when its section is absent. TOptions' public properties are kept
    // for it by the annotation; bound values are strings, numbers, TimeSpan, Uri, enums, byte[] and string collections.
    [UnconditionalSuppressMessage("Trimming", "IL2026", Justification = "TOptions' public properties are preserved by DynamicallyAccessedMembers.")]
    [UnconditionalSuppressMessage("AOT", "IL3050", Justification = "Only primitive-like values and string collections are bound.")]
    private static void Bind<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicProperties | DynamicallyAccessedMemberTypes.PublicParameterlessConstructor)] TOptions>(
        IConfigurationSection? section, TOptions options)
        where TOptions : class
    {
        if (section is not null) section.Bind(options);
    }
}
