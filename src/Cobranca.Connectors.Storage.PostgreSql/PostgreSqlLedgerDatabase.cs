using System.Data.Common;
using Npgsql;

namespace Cobranca.Connectors.Storage.PostgreSql;

internal sealed class PostgreSqlLedgerDatabase(string connectionString) : LedgerDatabase
{
    // Any constant: serialises the migration of workers starting together.
    private const long MigrationLockKey = 0x436F6272616E6361; // "Cobranca"

    public NpgsqlDataSource DataSource { get; } = NpgsqlDataSource.Create(connectionString);

    public override IReadOnlyList<string> Migrations { get; } =
    [
        """
        CREATE TABLE cobranca_dunning_ledger (
            tenant text NOT NULL, action_key text NOT NULL, customer_id text NOT NULL, step_key text NOT NULL,
            invoice_id text NOT NULL, scheduled_date text NOT NULL, action text NOT NULL, is_suspension_notice integer NOT NULL,
            executed_at text NOT NULL, done integer NOT NULL, claim_owner text, claim_expires bigint,
            CONSTRAINT pk_cobranca_dunning_ledger PRIMARY KEY (tenant, action_key));
        CREATE INDEX ix_cobranca_dunning_customer ON cobranca_dunning_ledger (tenant, customer_id);
        CREATE TABLE cobranca_unblock_ledger (
            tenant text NOT NULL, payment_id text NOT NULL, status integer NOT NULL, seen_at bigint NOT NULL,
            updated_at bigint NOT NULL, claim_owner text, claim_expires bigint, entry text NOT NULL,
            CONSTRAINT pk_cobranca_unblock_ledger PRIMARY KEY (tenant, payment_id));
        CREATE INDEX ix_cobranca_unblock_pending ON cobranca_unblock_ledger (tenant, updated_at) WHERE status = 0;
        CREATE TABLE cobranca_processed_payments (
            tenant text NOT NULL, payment_id text NOT NULL, done integer NOT NULL, claim_owner text, claim_expires bigint,
            completed_at bigint, CONSTRAINT pk_cobranca_processed_payments PRIMARY KEY (tenant, payment_id));
        """,
        """
        CREATE TABLE cobranca_state (
            tenant text NOT NULL, collection text NOT NULL, state_key text COLLATE "C" NOT NULL, value text NOT NULL,
            version bigint NOT NULL, updated_at bigint NOT NULL,
            CONSTRAINT pk_cobranca_state PRIMARY KEY (tenant, collection, state_key));
        CREATE INDEX ix_cobranca_state_updated ON cobranca_state (tenant, collection, updated_at);
        """,
    ];

    // SKIP LOCKED: concurrent workers each take different pending rows instead of waiting on each other.
    public override string ClaimPendingSql => """
        UPDATE cobranca_unblock_ledger AS u SET claim_owner = @owner, claim_expires = @expires
        FROM (SELECT payment_id FROM cobranca_unblock_ledger
              WHERE tenant = @tenant AND status = 0 AND (claim_owner IS NULL OR claim_expires < @now)
              ORDER BY updated_at, payment_id LIMIT @limit
              FOR UPDATE SKIP LOCKED) AS pick
        WHERE u.tenant = @tenant AND u.payment_id = pick.payment_id
        RETURNING u.entry
        """;

    /// <summary>One <see cref="NpgsqlBatch"/> inside a transaction: the statements travel in one round trip, then one commit.</summary>
    public override async Task<int[]> ExecuteInOneTransactionAsync(IReadOnlyList<(string Sql, (string Name, object? Value)[] Parameters)> statements,
        CancellationToken cancellationToken)
    {
        await EnsureMigratedAsync(cancellationToken).ConfigureAwait(false);
        var connection = await DataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            await using (transaction.ConfigureAwait(false))
            {
                var batch = new NpgsqlBatch(connection, transaction);
                await using (batch.ConfigureAwait(false))
                {
                    foreach (var (sql, parameters) in statements)
                    {
                        var command = new NpgsqlBatchCommand(sql);
                        foreach (var (name, value) in parameters) command.Parameters.AddWithValue(name, value ?? DBNull.Value);
                        batch.BatchCommands.Add(command);
                    }
                    await batch.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
                    var counts = new int[batch.BatchCommands.Count];
                    for (var i = 0; i < counts.Length; i++) counts[i] = checked((int)batch.BatchCommands[i].RecordsAffected);
                    await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
                    return counts;
                }
            }
        }
    }

    public override async ValueTask<DbConnection> OpenRawAsync(CancellationToken cancellationToken) =>
        await DataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);

    protected override async Task MigrateCoreAsync(CancellationToken cancellationToken)
    {
        var connection = await OpenRawAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            await using (transaction.ConfigureAwait(false))
            {
                await using (var lockCommand = Command(connection, "SELECT pg_advisory_xact_lock(@key)", transaction))
                {
                    Add(lockCommand, "@key", MigrationLockKey);
                    await lockCommand.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
                }
                await MigrateWithinAsync(connection, transaction, "CREATE TABLE IF NOT EXISTS cobranca_schema_version (version integer PRIMARY KEY, applied_at text NOT NULL)", cancellationToken).ConfigureAwait(false);
            }
        }
    }
}
