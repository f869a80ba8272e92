using Cobranca.Connectors.Abstractions;
using Cobranca.Connectors.Workflows;

namespace Cobranca.Connectors.Storage.Sqlite;

/// <summary>
/// The embedded durable <see cref="ILedgerStore"/>: one SQLite file (<c>cobranca.db</c> by default) in WAL mode,
/// schema created and migrated on first use (version table <c>cobranca_schema_version</c>). Survives restarts and
/// crashes; several processes on the same machine may share the file (writes are serialised by SQLite). For several
/// machines use the PostgreSQL store.
/// </summary>
public sealed class SqliteLedgerStore : ILedgerStore
{
    private readonly SqlLedgers _ledgers;

    /// <summary>Creates the store (no I/O until first use or <see cref="MigrateAsync"/>).</summary>
    /// <param name="options">Settings; copied.</param>
    /// <param name="timeProvider">The clock for state entries' <see cref="StateEntry.UpdatedAt"/> (system clock when null).</param>
    /// <exception cref="ArgumentException">Invalid options (the message lists every problem).</exception>
    public SqliteLedgerStore(SqliteLedgerStoreOptions options, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        var problems = options.Validate();
        if (problems.Count > 0) throw new ArgumentException("Invalid SqliteLedgerStoreOptions: " + string.Join(" ", problems), nameof(options));
        var database = new SqliteLedgerDatabase(options.ConnectionString, options.Path, options.BusyTimeout, options.FullSync);
        DataSource = database.DataSource;
        _ledgers = new SqlLedgers(database, timeProvider ?? TimeProvider.System);
    }

    /// <summary>The database file in use.</summary>
    public string DataSource { get; }

    /// <inheritdoc />
    public string Kind => "sqlite";

    /// <inheritdoc />
    public bool IsDurable => true;

    /// <summary>The group-commit queue of the unblock ledger writes (tests check it batches).</summary>
    internal LedgerWriteBatcher Writes => _ledgers.Writes;

    /// <inheritdoc />
    public Task MigrateAsync(CancellationToken cancellationToken = default) => _ledgers.Database.EnsureMigratedAsync(cancellationToken);

    /// <inheritdoc />
    public IDunningLedger GetDunningLedger(string tenant) => _ledgers.Dunning(tenant);

    /// <inheritdoc />
    public IUnblockLedger GetUnblockLedger(string tenant) => _ledgers.Unblock(tenant);

    /// <inheritdoc />
    public IProcessedPaymentLedger GetProcessedPaymentLedger(string tenant) => _ledgers.Payments(tenant);

    /// <inheritdoc />
    public IStateStore GetStateStore(string tenant, string collection) => _ledgers.State(tenant, collection);

    /// <inheritdoc />
    public override string ToString() => $"sqlite {DataSource}";
}
