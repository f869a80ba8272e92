using Cobranca.Connectors.Storage.Sqlite;
using Cobranca.Connectors.Workflows;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>DI registration of the SQLite stores.</summary>
public static class SqliteStorageServiceCollectionExtensions
{
    /// <summary>
    /// Registers a <see cref="SqliteLedgerStore"/> as the singleton <see cref="ILedgerStore"/> (replacing one registered
    /// before): options validated when the host starts; the schema is migrated on first use (call
    /// <see cref="ILedgerStore.MigrateAsync"/> at start to fail fast). Get each tenant's ledgers from the store.
    /// </summary>
    /// <param name="services">The services.</param>
    /// <param name="configure">Sets the options (default: <c>cobranca.db</c> in the working directory).</param>
    public static IServiceCollection AddCobrancaSqliteStores(this IServiceCollection services, Action<SqliteLedgerStoreOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var options = services.AddOptions<SqliteLedgerStoreOptions>();
        if (configure is not null) options.Configure(configure);
        options.ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<SqliteLedgerStoreOptions>, SqliteLedgerStoreOptionsValidator>());
        services.RemoveAll<ILedgerStore>();
        services.AddSingleton<SqliteLedgerStore>(sp => new SqliteLedgerStore(sp.GetRequiredService<IOptions<SqliteLedgerStoreOptions>>().Value, sp.GetService<TimeProvider>()));
        services.AddSingleton<ILedgerStore>(sp => sp.GetRequiredService<SqliteLedgerStore>());
        return services;
    }

    private sealed class SqliteLedgerStoreOptionsValidator : IValidateOptions<SqliteLedgerStoreOptions>
    {
        public ValidateOptionsResult Validate(string? name, SqliteLedgerStoreOptions options)
        {
            var problems = options.Validate();
            return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
        }
    }
}
