using System.Data.Common;
using Microsoft.Data.Sqlite;

namespace Cobranca.Connectors.Storage.Sqlite;

internal sealed class SqliteLedgerDatabase : LedgerDatabase
{
    private readonly string _connectionString;
    private readonly string _synchronous;
    private readonly System.Runtime.CompilerServices.ConditionalWeakTable<SQLitePCL.sqlite3, object> _configured = new();

    public SqliteLedgerDatabase(string? connectionString, string path, TimeSpan busyTimeout, bool fullSync)
    {
        _synchronous = fullSync ? "PRAGMA synchronous = FULL" : "PRAGMA synchronous = NORMAL";
        var builder = string.IsNullOrWhiteSpace(connectionString)
            ? new SqliteConnectionStringBuilder { DataSource = path }
            : new SqliteConnectionStringBuilder(connectionString);
        builder.Pooling = true;
        builder.DefaultTimeout = (int)Math.Ceiling(busyTimeout.TotalSeconds);
        builder.Mode = builder.Mode == SqliteOpenMode.Memory ? SqliteOpenMode.Memory : SqliteOpenMode.ReadWriteCreate;
        _connectionString = builder.ToString();
        DataSource = builder.DataSource;
    }

    public string DataSource { get; }

    public override IReadOnlyList<string> Migrations { get; } =
    [
        """
        CREATE TABLE cobranca_dunning_ledger (
            tenant TEXT NOT NULL, action_key TEXT NOT NULL, customer_id TEXT NOT NULL, step_key TEXT NOT NULL,
            invoice_id TEXT NOT NULL, scheduled_date TEXT NOT NULL, action TEXT NOT NULL, is_suspension_notice INTEGER NOT NULL,
            executed_at TEXT NOT NULL, done INTEGER NOT NULL, claim_owner TEXT, claim_expires INTEGER,
            PRIMARY KEY (tenant, action_key));
        CREATE INDEX ix_cobranca_dunning_customer ON cobranca_dunning_ledger (tenant, customer_id);
        CREATE TABLE cobranca_unblock_ledger (
            tenant TEXT NOT NULL, payment_id TEXT NOT NULL, status INTEGER NOT NULL, seen_at INTEGER NOT NULL,
            updated_at INTEGER NOT NULL, claim_owner TEXT, claim_expires INTEGER, entry TEXT NOT NULL,
            PRIMARY KEY (tenant, payment_id));
        CREATE INDEX ix_cobranca_unblock_pending ON cobranca_unblock_ledger (tenant, status, updated_at);
        CREATE TABLE cobranca_processed_payments (
            tenant TEXT NOT NULL, payment_id TEXT NOT NULL, done INTEGER NOT NULL, claim_owner TEXT, claim_expires INTEGER,
            completed_at INTEGER, PRIMARY KEY (tenant, payment_id));
        """,
        """
        CREATE TABLE cobranca_state (
            tenant TEXT NOT NULL, collection TEXT NOT NULL, state_key TEXT NOT NULL, value TEXT NOT NULL,
            version INTEGER NOT NULL, updated_at INTEGER NOT NULL,
            PRIMARY KEY (tenant, collection, state_key));
        CREATE INDEX ix_cobranca_state_updated ON cobranca_state (tenant, collection, updated_at);
        """,
    ];

    // One statement: SQLite serialises writers, so two processes never claim the same row.
    public override string ClaimPendingSql => """
        UPDATE cobranca_unblock_ledger SET claim_owner = @owner, claim_expires = @expires
        WHERE tenant = @tenant AND payment_id IN (
            SELECT payment_id FROM cobranca_unblock_ledger
            WHERE tenant = @tenant AND status = 0 AND (claim_owner IS NULL OR claim_expires < @now)
            ORDER BY updated_at, payment_id LIMIT @limit)
        RETURNING entry
        """;

    public override async ValueTask<DbConnection> OpenRawAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(_connectionString);
        try
        {
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            // The setting lives on the native connection, which the pool reuses: set it once per native connection, not
            // once per statement (it was one extra statement for every ledger read and write).
            if (connection.Handle is { } handle && !_configured.TryGetValue(handle, out _))
            {
                await using (var pragma = Command(connection, _synchronous))
                    await pragma.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
                _configured.AddOrUpdate(handle, this);
            }
            return connection;
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    protected override async Task MigrateCoreAsync(CancellationToken cancellationToken)
    {
        var connection = await OpenRawAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            // WAL: readers never block the writer and a crash never corrupts the file; persistent in the file.
            await using (var wal = Command(connection, "PRAGMA journal_mode = WAL"))
                await wal.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            // Microsoft.Data.Sqlite begins with BEGIN IMMEDIATE: the write lock first, so two processes starting together
            // migrate one after the other.
            var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            await using (transaction.ConfigureAwait(false))
            {
                await MigrateWithinAsync(connection, transaction, "CREATE TABLE IF NOT EXISTS cobranca_schema_version (version INTEGER PRIMARY KEY, applied_at TEXT NOT NULL)", cancellationToken).ConfigureAwait(false);
            }
        }
    }
}
