using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Cobranca.Connectors.Conventions.Tests.Fixtures;

/// <summary>
/// Wrong: outside Microsoft.Extensions.DependencyInjection, returns OptionsBuilder, parameter named name, configure
/// required, no ConfigurationSectionPrefix; accepts a blank name, binds nothing, no validator, no ValidateOnStart, and
/// registers an unkeyed default.
/// </summary>
public static class WrongServiceCollectionExtensions
{
    public static OptionsBuilder<WrongClientOptions> AddWrongClient(this IServiceCollection services, string name, Action<WrongClientOptions> configure)
    {
        var builder = services.AddOptions<WrongClientOptions>(name).Configure(configure);
        services.AddSingleton(sp => new WrongClient(sp.GetRequiredService<IOptionsMonitor<WrongClientOptions>>().Get(name)));
        return builder;
    }

    /// <summary>Right shape, wrong behaviour (what RegistrationBehaviour reports).</summary>
    public static WrongClientBuilder AddSloppyClient(this IServiceCollection services, string tenant, Action<WrongClientOptions>? configure = null)
    {
        if (configure is not null) services.AddOptions<WrongClientOptions>(tenant).Configure(configure);
        services.AddSingleton(sp => new WrongClient(sp.GetRequiredService<IOptionsMonitor<WrongClientOptions>>().Get(tenant)));
        return new WrongClientBuilder(services, tenant);
    }
}

/// <summary>A builder for the fixtures (not sealed: also wrong).</summary>
public class WrongClientBuilder(IServiceCollection services, string name)
{
    public IServiceCollection Services { get; } = services;

    public string Name { get; } = name;
}
