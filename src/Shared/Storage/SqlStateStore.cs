using System.Data.Common;
using System.Runtime.CompilerServices;
using Cobranca.Connectors.Abstractions;

namespace Cobranca.Connectors.Storage;

/// <summary><see cref="IStateStore"/> over one table, primary key (tenant, collection, state_key). Keys compare
/// byte-wise on both engines (SQLite BINARY; the PostgreSQL column is <c>COLLATE "C"</c>), so paging by key is stable.</summary>
internal sealed class SqlStateStore(LedgerDatabase db, string tenant, string collection, TimeProvider time) : IStateStore
{
    private const int PageSize = 256;

    public string Collection => collection;

    public async Task<StateEntry?> GetAsync(string key, CancellationToken cancellationToken = default)
    {
        Check(key);
        var rows = await db.QueryAsync("""
            SELECT state_key, value, version, updated_at FROM cobranca_state
            WHERE tenant = @tenant AND collection = @collection AND state_key = @key
            """, Map, cancellationToken, ("@tenant", tenant), ("@collection", collection), ("@key", key)).ConfigureAwait(false);
        return rows.Count == 0 ? null : rows[0];
    }

    public async Task<bool> TryAddAsync(string key, string value, CancellationToken cancellationToken = default)
    {
        Check(key);
        ArgumentNullException.ThrowIfNull(value);
        return await db.ExecuteAsync("""
            INSERT INTO cobranca_state (tenant, collection, state_key, value, version, updated_at)
            VALUES (@tenant, @collection, @key, @value, 1, @now) ON CONFLICT (tenant, collection, state_key) DO NOTHING
            """, cancellationToken, ("@tenant", tenant), ("@collection", collection), ("@key", key), ("@value", value),
            ("@now", LedgerDatabase.Ticks(time.GetUtcNow()))).ConfigureAwait(false) == 1;
    }

    public async Task<StateEntry?> TryUpdateAsync(string key, string value, long expectedVersion, CancellationToken cancellationToken = default)
    {
        Check(key);
        ArgumentNullException.ThrowIfNull(value);
        var rows = await db.QueryAsync("""
            UPDATE cobranca_state SET value = @value, version = version + 1, updated_at = @now
            WHERE tenant = @tenant AND collection = @collection AND state_key = @key AND version = @expected
            RETURNING state_key, value, version, updated_at
            """, Map, cancellationToken, ("@value", value), ("@now", LedgerDatabase.Ticks(time.GetUtcNow())), ("@tenant", tenant),
            ("@collection", collection), ("@key", key), ("@expected", expectedVersion)).ConfigureAwait(false);
        return rows.Count == 0 ? null : rows[0];
    }

    public async Task<StateEntry> SetAsync(string key, string value, CancellationToken cancellationToken = default)
    {
        Check(key);
        ArgumentNullException.ThrowIfNull(value);
        var rows = await db.QueryAsync("""
            INSERT INTO cobranca_state (tenant, collection, state_key, value, version, updated_at)
            VALUES (@tenant, @collection, @key, @value, 1, @now)
            ON CONFLICT (tenant, collection, state_key)
            DO UPDATE SET value = excluded.value, version = cobranca_state.version + 1, updated_at = excluded.updated_at
            RETURNING state_key, value, version, updated_at
            """, Map, cancellationToken, ("@tenant", tenant), ("@collection", collection), ("@key", key), ("@value", value),
            ("@now", LedgerDatabase.Ticks(time.GetUtcNow()))).ConfigureAwait(false);
        return rows[0];
    }

    public async Task<bool> RemoveAsync(string key, CancellationToken cancellationToken = default)
    {
        Check(key);
        return await db.ExecuteAsync("DELETE FROM cobranca_state WHERE tenant = @tenant AND collection = @collection AND state_key = @key",
            cancellationToken, ("@tenant", tenant), ("@collection", collection), ("@key", key)).ConfigureAwait(false) == 1;
    }

    public async IAsyncEnumerable<StateEntry> ListAsync(string? keyPrefix = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var prefix = keyPrefix ?? "";
        // Keys sort byte-wise, so every key with the prefix is >= the prefix and they are contiguous: page forward from the
        // prefix and stop at the first key without it. The empty string is below every key (keys are never empty).
        var after = "";
        while (true)
        {
            var page = await db.QueryAsync("""
                SELECT state_key, value, version, updated_at FROM cobranca_state
                WHERE tenant = @tenant AND collection = @collection AND state_key >= @from AND state_key > @after
                ORDER BY state_key LIMIT @limit
                """, Map, cancellationToken, ("@tenant", tenant), ("@collection", collection), ("@from", prefix), ("@after", after),
                ("@limit", PageSize)).ConfigureAwait(false);
            foreach (var entry in page)
            {
                if (!entry.Key.StartsWith(prefix, StringComparison.Ordinal)) yield break;
                yield return entry;
            }
            if (page.Count < PageSize) yield break;
            after = page[^1].Key;
        }
    }

    public Task<int> RemoveOlderThanAsync(DateTimeOffset updatedBefore, CancellationToken cancellationToken = default) =>
        db.ExecuteAsync("DELETE FROM cobranca_state WHERE tenant = @tenant AND collection = @collection AND updated_at < @before",
            cancellationToken, ("@tenant", tenant), ("@collection", collection), ("@before", LedgerDatabase.Ticks(updatedBefore)));

    private static StateEntry Map(DbDataReader reader) =>
        new(reader.GetString(0), reader.GetString(1), reader.GetInt64(2), new DateTimeOffset(reader.GetInt64(3), TimeSpan.Zero));

    private static void Check(string key)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        if (key.Length > IStateStore.MaxKeyLength)
            throw new ArgumentException($"A state key is at most {IStateStore.MaxKeyLength} characters (got {key.Length}).", nameof(key));
    }
}
