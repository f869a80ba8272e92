using System.Data.Common;

namespace Cobranca.Connectors.Storage;

/// <summary>
/// What the ledgers need from one SQL engine (shared source, compiled into the SQLite and PostgreSQL packages): opening
/// a connection, the schema migrations, and the few statements whose SQL differs between engines. Every other statement
/// is plain SQL both engines run (<c>INSERT … ON CONFLICT DO NOTHING</c>, conditional <c>UPDATE</c>s), and each one is
/// atomic on its own: the unique keys and the <c>WHERE</c> conditions are the idempotency and claim guarantees.
/// </summary>
internal abstract class LedgerDatabase
{
    private readonly object _gate = new();
    private Task? _migration;

    /// <summary>Ordered migrations: index + 1 is the schema version after it ran.</summary>
    public abstract IReadOnlyList<string> Migrations { get; }

    /// <summary>UPDATE … RETURNING entry for the pending-unblock claim (@tenant, @owner, @expires, @now, @limit).</summary>
    public abstract string ClaimPendingSql { get; }

    /// <summary>Opens a connection (without migrating).</summary>
    public abstract ValueTask<DbConnection> OpenRawAsync(CancellationToken cancellationToken);

    /// <summary>Applies the pending migrations under the engine's own lock; idempotent.</summary>
    protected abstract Task MigrateCoreAsync(CancellationToken cancellationToken);

    /// <summary>Migrates once per instance (the first caller does it; later callers wait for it; a failure is retried).</summary>
    public Task EnsureMigratedAsync(CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            if (_migration is null || _migration.IsFaulted || _migration.IsCanceled) _migration = MigrateCoreAsync(CancellationToken.None);
            return _migration.WaitAsync(cancellationToken);
        }
    }

    /// <summary>Opens a connection on a migrated schema.</summary>
    public async ValueTask<DbConnection> OpenAsync(CancellationToken cancellationToken)
    {
        await EnsureMigratedAsync(cancellationToken).ConfigureAwait(false);
        return await OpenRawAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Inside the engine's migration transaction (its lock already held): creates the version table, checks the
    /// version, applies what is missing and commits.</summary>
    protected async Task MigrateWithinAsync(DbConnection connection, DbTransaction transaction, string createVersionTable, CancellationToken cancellationToken)
    {
        await using (var create = Command(connection, createVersionTable, transaction))
            await create.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        var current = await CurrentVersionAsync(connection, transaction, cancellationToken).ConfigureAwait(false);
        if (current > Migrations.Count)
            throw new InvalidOperationException($"The database schema is version {current}, newer than this library knows ({Migrations.Count}): upgrade the package.");
        await ApplyAsync(connection, transaction, current, cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Applies migrations after <paramref name="current"/> inside <paramref name="transaction"/>.</summary>
    private async Task ApplyAsync(DbConnection connection, DbTransaction transaction, int current, CancellationToken cancellationToken)
    {
        for (var version = current + 1; version <= Migrations.Count; version++)
        {
            await using (var command = Command(connection, Migrations[version - 1], transaction))
                await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            await using var record = Command(connection, "INSERT INTO cobranca_schema_version (version, applied_at) VALUES (@version, @at)", transaction);
            Add(record, "@version", version);
            Add(record, "@at", DateTimeOffset.UtcNow.ToString("O", System.Globalization.CultureInfo.InvariantCulture));
            await record.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>The current schema version (0 before the first migration); the version table must exist.</summary>
    private static async Task<int> CurrentVersionAsync(DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken)
    {
        await using var command = Command(connection, "SELECT COALESCE(MAX(version), 0) FROM cobranca_schema_version", transaction);
        return Convert.ToInt32(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), System.Globalization.CultureInfo.InvariantCulture);
    }

    public static DbCommand Command(DbConnection connection, string sql, DbTransaction? transaction = null)
    {
        var command = connection.CreateCommand();
#pragma warning disable CA2100 // constant SQL; values always go through parameters
        command.CommandText = sql;
#pragma warning restore CA2100
        command.Transaction = transaction;
        return command;
    }

    public static void Add(DbCommand command, string name, object? value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value ?? DBNull.Value;
        command.Parameters.Add(parameter);
    }

    /// <summary>Runs a statement with parameters; returns rows affected.</summary>
    public async Task<int> ExecuteAsync(string sql, CancellationToken cancellationToken, params (string Name, object? Value)[] parameters)
    {
        var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            await using var command = Command(connection, sql);
            foreach (var (name, value) in parameters) Add(command, name, value);
            return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Runs the statements in one transaction and commits once; returns each statement's rows affected. All or nothing:
    /// an exception means none of them was applied. Engines override it to send them in one round trip.
    /// </summary>
    public virtual async Task<int[]> ExecuteInOneTransactionAsync(IReadOnlyList<(string Sql, (string Name, object? Value)[] Parameters)> statements,
        CancellationToken cancellationToken)
    {
        var counts = new int[statements.Count];
        var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            await using (transaction.ConfigureAwait(false))
            {
                for (var i = 0; i < statements.Count; i++)
                {
                    await using var command = Command(connection, statements[i].Sql, transaction);
                    foreach (var (name, value) in statements[i].Parameters) Add(command, name, value);
                    counts[i] = await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
                }
                await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            }
        }
        return counts;
    }

    /// <summary>Runs a query and maps every row.</summary>
    public async Task<List<T>> QueryAsync<T>(string sql, Func<DbDataReader, T> map, CancellationToken cancellationToken,
        params (string Name, object? Value)[] parameters)
    {
        var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            await using var command = Command(connection, sql);
            foreach (var (name, value) in parameters) Add(command, name, value);
            var rows = new List<T>();
            var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            await using (reader.ConfigureAwait(false))
            {
                while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false)) rows.Add(map(reader));
            }
            return rows;
        }
    }

    /// <summary>Instants are stored as UTC ticks (comparable in SQL on every engine).</summary>
    public static long Ticks(DateTimeOffset value) => value.UtcTicks;
}
