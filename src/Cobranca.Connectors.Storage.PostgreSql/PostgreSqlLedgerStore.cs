using Cobranca.Connectors.Abstractions;
using Cobranca.Connectors.Workflows;

namespace Cobranca.Connectors.Storage.PostgreSql;

/// <summary>
/// The <see cref="ILedgerStore"/> for several workers or hosts sharing the work on one PostgreSQL database: unique
/// constraints make every action and payment idempotent, pending unblocks are claimed with
/// <c>FOR UPDATE SKIP LOCKED</c>, and the schema is migrated on first use under an advisory lock (version table
/// <c>cobranca_schema_version</c>). Dispose it (or let the container do it) to close the connection pool.
/// </summary>
public sealed class PostgreSqlLedgerStore : ILedgerStore, IAsyncDisposable, IDisposable
{
    private readonly PostgreSqlLedgerDatabase _database;
    private readonly SqlLedgers _ledgers;

    /// <summary>Creates the store (no I/O until first use or <see cref="MigrateAsync"/>).</summary>
    /// <param name="options">Settings; copied.</param>
    /// <param name="timeProvider">The clock for state entries' <see cref="StateEntry.UpdatedAt"/> (system clock when null).</param>
    /// <exception cref="ArgumentException">Invalid options (the message lists every problem, never the connection string).</exception>
    public PostgreSqlLedgerStore(PostgreSqlLedgerStoreOptions options, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        var problems = options.Validate();
        if (problems.Count > 0) throw new ArgumentException("Invalid PostgreSqlLedgerStoreOptions: " + string.Join(" ", problems), nameof(options));
        _database = new PostgreSqlLedgerDatabase(options.ConnectionString!);
        _ledgers = new SqlLedgers(_database, timeProvider ?? TimeProvider.System);
    }

    /// <inheritdoc />
    public string Kind => "postgresql";

    /// <inheritdoc />
    public bool IsDurable => true;

    /// <summary>The group-commit queue of the unblock ledger writes (tests check it batches).</summary>
    internal LedgerWriteBatcher Writes => _ledgers.Writes;

    /// <inheritdoc />
    public Task MigrateAsync(CancellationToken cancellationToken = default) => _database.EnsureMigratedAsync(cancellationToken);

    /// <inheritdoc />
    public IDunningLedger GetDunningLedger(string tenant) => _ledgers.Dunning(tenant);

    /// <inheritdoc />
    public IUnblockLedger GetUnblockLedger(string tenant) => _ledgers.Unblock(tenant);

    /// <inheritdoc />
    public IProcessedPaymentLedger GetProcessedPaymentLedger(string tenant) => _ledgers.Payments(tenant);

    /// <inheritdoc />
    public IStateStore GetStateStore(string tenant, string collection) => _ledgers.State(tenant, collection);

    /// <inheritdoc />
    public ValueTask DisposeAsync() => _database.DataSource.DisposeAsync();

    /// <inheritdoc />
    public void Dispose() => _database.DataSource.Dispose();

    /// <inheritdoc />
    public override string ToString() => "postgresql";
}
