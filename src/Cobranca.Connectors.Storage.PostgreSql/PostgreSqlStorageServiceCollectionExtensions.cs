using Cobranca.Connectors.Storage.PostgreSql;
using Cobranca.Connectors.Workflows;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>DI registration of the PostgreSQL stores.</summary>
public static class PostgreSqlStorageServiceCollectionExtensions
{
    /// <summary>
    /// Registers a <see cref="PostgreSqlLedgerStore"/> as the singleton <see cref="ILedgerStore"/> (replacing one
    /// registered before): options validated when the host starts; the schema is migrated on first use (call
    /// <see cref="ILedgerStore.MigrateAsync"/> at start to fail fast). Every worker process points at the same database.
    /// </summary>
    /// <param name="services">The services.</param>
    /// <param name="configure">Sets the options (the connection string is required).</param>
    public static IServiceCollection AddCobrancaPostgreSqlStores(this IServiceCollection services, Action<PostgreSqlLedgerStoreOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var options = services.AddOptions<PostgreSqlLedgerStoreOptions>();
        if (configure is not null) options.Configure(configure);
        options.ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<PostgreSqlLedgerStoreOptions>, PostgreSqlLedgerStoreOptionsValidator>());
        services.RemoveAll<ILedgerStore>();
        services.AddSingleton<PostgreSqlLedgerStore>(sp => new PostgreSqlLedgerStore(sp.GetRequiredService<IOptions<PostgreSqlLedgerStoreOptions>>().Value, sp.GetService<TimeProvider>()));
        services.AddSingleton<ILedgerStore>(sp => sp.GetRequiredService<PostgreSqlLedgerStore>());
        return services;
    }

    private sealed class PostgreSqlLedgerStoreOptionsValidator : IValidateOptions<PostgreSqlLedgerStoreOptions>
    {
        public ValidateOptionsResult Validate(string? name, PostgreSqlLedgerStoreOptions options)
        {
            var problems = options.Validate();
            return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
        }
    }
}
