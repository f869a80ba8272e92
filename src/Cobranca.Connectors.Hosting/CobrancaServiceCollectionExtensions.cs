using System.Diagnostics.CodeAnalysis;
using Cobranca.Connectors.Hosting;
using Cobranca.Connectors.Hosting.Internal;
using Cobranca.Connectors.MikroTik;
using Cobranca.Connectors.Pix;
using Cobranca.Connectors.Storage.PostgreSql;
using Cobranca.Connectors.Storage.Sqlite;
using Cobranca.Connectors.Workflows;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary><c>services.AddCobranca(configuration)</c>: the SDK as a service, from appsettings.json.</summary>
public static class CobrancaServiceCollectionExtensions
{
    /// <summary>
    /// Binds the <c>Cobranca</c> section (<see cref="CobrancaOptions"/>) of <paramref name="configuration"/> (the host's
    /// root configuration) and registers, per tenant: the ERP, MikroTik and Pix clients through their own
    /// <c>Add{X}Client(tenant)</c> (each binding <c>Cobranca:{X}:{tenant}</c>), a keyed <see cref="CobrancaTenant"/>,
    /// the hosted services (daily dunning, pending-unblock retries, Pix reconciliation) and health checks
    /// (<c>cobranca:{tenant}:erp</c>, <c>:pix</c>, <c>:mikrotik</c>, and <c>cobranca:store</c>); plus the configured
    /// store. Everything is validated when the host starts (<see cref="OptionsValidationException"/> listing every
    /// problem). Dunning needs an <see cref="INotificationSender"/> (keyed by tenant, or one for all).
    /// </summary>
    /// <param name="services">The services.</param>
    /// <param name="configuration">The root configuration (the one holding the <c>Cobranca</c> section).</param>
    public static IServiceCollection AddCobranca(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        services.TryAddSingleton(configuration);
        var section = configuration.GetSection(CobrancaOptions.SectionName);
        services.AddOptions<CobrancaOptions>().Configure(o => Bind(section, o)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<CobrancaOptions>, CobrancaOptionsValidator>());

        // What to register is decided now, from the configuration as it is; validation at start reports what is wrong.
        var snapshot = new CobrancaOptions();
        Bind(section, snapshot);

        switch (CobrancaStoreKind.Parse(snapshot.Store))
        {
            case CobrancaStoreKindValue.Sqlite:
                services.AddCobrancaSqliteStores(o => Bind(configuration.GetSection(SqliteLedgerStoreOptions.ConfigurationSectionPrefix), o));
                break;
            case CobrancaStoreKindValue.PostgreSql:
                services.AddCobrancaPostgreSqlStores(o =>
                {
                    Bind(configuration.GetSection(PostgreSqlLedgerStoreOptions.ConfigurationSectionPrefix), o);
                    if (string.IsNullOrWhiteSpace(o.ConnectionString)) o.ConnectionString = configuration.GetConnectionString("Cobranca");
                });
                break;
            case CobrancaStoreKindValue.Memory:
                services.RemoveAll<ILedgerStore>();
                services.AddSingleton<ILedgerStore, InMemoryLedgerStore>();
                break;
            default:
                // An unknown store fails validation at start, before any hosted service runs; this only keeps the
                // container resolvable until then.
                services.TryAddSingleton<ILedgerStore, InMemoryLedgerStore>();
                break;
        }

        services.AddHostedService<StoreStartupService>();
        var health = services.AddHealthChecks();
        health.Add(new HealthCheckRegistration("cobranca:store", sp => new StoreHealthCheck(sp.GetRequiredService<ILedgerStore>()),
            HealthStatus.Unhealthy, ["cobranca", "store"], TimeSpan.FromSeconds(10)));

        foreach (var (name, tenant) in snapshot.Tenants)
        {
            if (tenant is null || string.IsNullOrWhiteSpace(name)) continue;
            switch (CobrancaErp.Normalise(tenant.Erp))
            {
                case CobrancaErp.Ixc:
                    services.AddIxcClient(name);
                    break;
                case CobrancaErp.Sgp:
                    services.AddSgpClient(name);
                    break;
                case CobrancaErp.MkAuth:
                    services.AddMkAuthClient(name);
                    break;
                default:
                    continue; // reported by the validator at start
            }
            if (tenant.MikroTik)
            {
                // AddMikroTikClient binds Cobranca:MikroTik:{tenant} from the container's IConfiguration; binding the same
                // section of the configuration given here too covers a container that has none registered.
                var routerSection = configuration.GetSection(MikroTikServiceCollectionExtensions.ConfigurationSectionPrefix + name);
                services.AddMikroTikClient(name, o => Bind(routerSection, o));
            }
            if (tenant.Pix) services.AddPixClient(name);

            services.AddKeyedSingleton(name, (sp, _) =>
                new CobrancaTenant(sp, name, sp.GetRequiredService<IOptions<CobrancaOptions>>().Value.Tenants[name]));
            if (tenant.Dunning.Enabled)
                services.AddSingleton<IHostedService>(sp => new DunningScheduleService(sp.GetRequiredKeyedService<CobrancaTenant>(name),
                    sp.GetRequiredService<ILogger<DunningScheduleService>>()));
            if (tenant.Unblock.RetryPending)
                services.AddSingleton<IHostedService>(sp => new UnblockRetryService(sp.GetRequiredKeyedService<CobrancaTenant>(name),
                    sp.GetRequiredService<ILogger<UnblockRetryService>>()));
            if (tenant.Pix && tenant.PixReconciliation.Enabled)
                services.AddSingleton<IHostedService>(sp => new PixReconciliationService(sp.GetRequiredKeyedService<CobrancaTenant>(name),
                    sp.GetRequiredService<ILogger<PixReconciliationService>>()));

            string[] tags = ["cobranca", name];
            health.Add(new HealthCheckRegistration($"cobranca:{name}:erp",
                sp => new ErpHealthCheck(sp.GetRequiredKeyedService<Cobranca.Connectors.Abstractions.IBillingSystem>(name)),
                HealthStatus.Unhealthy, tags, TimeSpan.FromSeconds(30)));
            if (tenant.Pix)
                health.Add(new HealthCheckRegistration($"cobranca:{name}:pix",
                    sp => new PixHealthCheck(sp.GetRequiredKeyedService<IPixClient>(name), sp.GetService<TimeProvider>() ?? TimeProvider.System),
                    HealthStatus.Unhealthy, tags, TimeSpan.FromSeconds(30)));
            if (tenant.MikroTik)
                health.Add(new HealthCheckRegistration($"cobranca:{name}:mikrotik",
                    sp => new RouterHealthCheck(sp.GetRequiredKeyedService<MikroTikAccessController>(name)),
                    HealthStatus.Unhealthy, tags, TimeSpan.FromSeconds(30)));
        }
        return services;
    }

    // The reflection binder (as the connectors use): the bound types' public properties are kept by DynamicDependency.
    [DynamicDependency(DynamicallyAccessedMemberTypes.PublicProperties | DynamicallyAccessedMemberTypes.PublicParameterlessConstructor, typeof(CobrancaOptions))]
    [DynamicDependency(DynamicallyAccessedMemberTypes.PublicProperties | DynamicallyAccessedMemberTypes.PublicParameterlessConstructor, typeof(CobrancaTenantOptions))]
    [DynamicDependency(DynamicallyAccessedMemberTypes.PublicProperties | DynamicallyAccessedMemberTypes.PublicParameterlessConstructor, typeof(CobrancaDunningOptions))]
    [DynamicDependency(DynamicallyAccessedMemberTypes.PublicProperties | DynamicallyAccessedMemberTypes.PublicParameterlessConstructor, typeof(CobrancaUnblockOptions))]
    [DynamicDependency(DynamicallyAccessedMemberTypes.PublicProperties | DynamicallyAccessedMemberTypes.PublicParameterlessConstructor, typeof(CobrancaPixReconciliationOptions))]
    [DynamicDependency(DynamicallyAccessedMemberTypes.PublicProperties | DynamicallyAccessedMemberTypes.PublicParameterlessConstructor, typeof(SqliteLedgerStoreOptions))]
    [DynamicDependency(DynamicallyAccessedMemberTypes.PublicProperties | DynamicallyAccessedMemberTypes.PublicParameterlessConstructor, typeof(PostgreSqlLedgerStoreOptions))]
    [DynamicDependency(DynamicallyAccessedMemberTypes.PublicProperties | DynamicallyAccessedMemberTypes.PublicParameterlessConstructor, typeof(MikroTikAccessControllerOptions))]
    [UnconditionalSuppressMessage("Trimming", "IL2026", Justification = "The bound types' public properties are preserved by DynamicDependency.")]
    [UnconditionalSuppressMessage("AOT", "IL3050", Justification = "Only strings, numbers, booleans, TimeSpan, TimeOnly, DateOnly, enums, lists and a dictionary of the option types are bound.")]
    private static void Bind(IConfiguration section, object options) => section.Bind(options);
}
