using Cobranca.Connectors.Abstractions;
using Cobranca.Connectors.Storage.PostgreSql;
using Cobranca.Connectors.Storage.Sqlite;
using Cobranca.Connectors.Workflows;
using Microsoft.Extensions.Time.Testing;

namespace Cobranca.Connectors.Storage.Tests;

/// <summary>The <see cref="IStateStore"/> contract, one class run over memory, SQLite and PostgreSQL (fresh tenant per test).</summary>
[Collection(PostgresCollection.Name)]
public sealed class StateStoreContractTests : IDisposable
{
    private readonly PostgresServer _postgres;
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 3, 2, 15, 0, 0, TimeSpan.Zero));
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "cobranca-state-" + Guid.NewGuid().ToString("N")[..8]);
    private readonly string _tenant = "t" + Guid.NewGuid().ToString("N")[..10];
    private readonly List<IDisposable> _disposables = [];

    public StateStoreContractTests(PostgresServer postgres)
    {
        _postgres = postgres;
        Directory.CreateDirectory(_dir);
    }

    public static TheoryData<string> Kinds => new() { "memory", "sqlite", "postgresql" };

    public static TheoryData<string> DurableKinds => new() { "sqlite", "postgresql" };

    private ILedgerStore Store(string kind)
    {
        switch (kind)
        {
            case "memory":
                return new InMemoryLedgerStore(_time);
            case "sqlite":
                return new SqliteLedgerStore(new SqliteLedgerStoreOptions { Path = Path.Combine(_dir, "cobranca.db") }, _time);
            default:
                var store = new PostgreSqlLedgerStore(new PostgreSqlLedgerStoreOptions { ConnectionString = _postgres.ConnectionString }, _time);
                _disposables.Add(store);
                return store;
        }
    }

    public void Dispose()
    {
        foreach (var d in _disposables) d.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { Directory.Delete(_dir, recursive: true); } catch (IOException) { }
    }

    private static async Task<List<StateEntry>> All(IStateStore store, string? prefix = null)
    {
        var list = new List<StateEntry>();
        await foreach (var entry in store.ListAsync(prefix)) list.Add(entry);
        return list;
    }

    [Theory, MemberData(nameof(Kinds))]
    public async Task Add_is_insert_if_absent_and_get_round_trips(string kind)
    {
        var state = Store(kind).GetStateStore(_tenant, "test.add");
        Assert.Equal("test.add", state.Collection);
        Assert.Null(await state.GetAsync("k1"));

        Assert.True(await state.TryAddAsync("k1", """{"a":"ção €"}"""));
        Assert.False(await state.TryAddAsync("k1", """{"a":2}"""));

        var entry = await state.GetAsync("k1");
        Assert.NotNull(entry);
        Assert.Equal("k1", entry.Key);
        Assert.Equal("""{"a":"ção €"}""", entry.Value);
        Assert.Equal(1, entry.Version);
        Assert.Equal(_time.GetUtcNow(), entry.UpdatedAt);
    }

    [Theory, MemberData(nameof(Kinds))]
    public async Task Update_needs_the_version_read_and_bumps_it(string kind)
    {
        var state = Store(kind).GetStateStore(_tenant, "test.update");
        Assert.Null(await state.TryUpdateAsync("missing", "x", 1));
        await state.TryAddAsync("k", "v1");
        _time.Advance(TimeSpan.FromMinutes(5));

        var updated = await state.TryUpdateAsync("k", "v2", 1);
        Assert.NotNull(updated);
        Assert.Equal(("v2", 2L, _time.GetUtcNow()), (updated.Value, updated.Version, updated.UpdatedAt));
        Assert.Null(await state.TryUpdateAsync("k", "stale", 1));
        Assert.Equal("v2", (await state.GetAsync("k"))!.Value);
    }

    [Theory, MemberData(nameof(Kinds))]
    public async Task Concurrent_updates_from_one_version_let_exactly_one_through(string kind)
    {
        var state = Store(kind).GetStateStore(_tenant, "test.race");
        await state.TryAddAsync("k", "0");
        var results = await Task.WhenAll(Enumerable.Range(0, 8).Select(i => state.TryUpdateAsync("k", i.ToString(System.Globalization.CultureInfo.InvariantCulture), 1)));
        Assert.Single(results, r => r is not null);
        Assert.Equal(2, (await state.GetAsync("k"))!.Version);
    }

    [Theory, MemberData(nameof(Kinds))]
    public async Task Concurrent_adds_of_one_key_let_exactly_one_through(string kind)
    {
        var state = Store(kind).GetStateStore(_tenant, "test.claim");
        var results = await Task.WhenAll(Enumerable.Range(0, 8).Select(i => state.TryAddAsync("invoice-1", "ref" + i)));
        Assert.Equal(1, results.Count(r => r));
    }

    [Theory, MemberData(nameof(Kinds))]
    public async Task Set_inserts_then_replaces_and_remove_deletes(string kind)
    {
        var state = Store(kind).GetStateStore(_tenant, "test.set");
        Assert.Equal(1, (await state.SetAsync("k", "a")).Version);
        var second = await state.SetAsync("k", "b");
        Assert.Equal(("b", 2L), (second.Value, second.Version));
        Assert.True(await state.RemoveAsync("k"));
        Assert.False(await state.RemoveAsync("k"));
        Assert.Null(await state.GetAsync("k"));
        Assert.True(await state.TryAddAsync("k", "again"));
    }

    [Theory, MemberData(nameof(Kinds))]
    public async Task List_filters_by_prefix_in_ordinal_order_across_pages(string kind)
    {
        var store = Store(kind);
        var state = store.GetStateStore(_tenant, "test.list");
        // 600 keys under "c:" (more than one page), a few around them that must not leak in.
        var expected = Enumerable.Range(0, 600).Select(i => "c:" + i.ToString("D4", System.Globalization.CultureInfo.InvariantCulture)).ToList();
        foreach (var key in expected.AsEnumerable().Reverse()) await state.TryAddAsync(key, "v");
        foreach (var key in new[] { "b:1", "c", "c;0", "d:1", "C:1" }) await state.TryAddAsync(key, "other");
        await store.GetStateStore(_tenant, "test.other").TryAddAsync("c:0001", "other collection");
        await store.GetStateStore(_tenant + "x", "test.list").TryAddAsync("c:0002", "other tenant");

        var listed = await All(state, "c:");
        Assert.Equal(expected, listed.Select(e => e.Key));
        Assert.All(listed, e => Assert.Equal("v", e.Value));

        var everything = await All(state);
        Assert.Equal(605, everything.Count);
        Assert.Equal(everything.Select(e => e.Key).Order(StringComparer.Ordinal), everything.Select(e => e.Key));
        Assert.Empty(await All(state, "zz"));
    }

    [Theory, MemberData(nameof(Kinds))]
    public async Task Remove_older_than_removes_only_entries_last_written_before_the_cut(string kind)
    {
        var state = Store(kind).GetStateStore(_tenant, "test.purge");
        await state.TryAddAsync("old", "1");
        await state.TryAddAsync("touched", "1");
        _time.Advance(TimeSpan.FromDays(8));
        await state.SetAsync("touched", "2");
        await state.TryAddAsync("new", "1");

        Assert.Equal(1, await state.RemoveOlderThanAsync(_time.GetUtcNow().AddDays(-7)));
        Assert.Equal(["new", "touched"], (await All(state)).Select(e => e.Key));
    }

    [Theory, MemberData(nameof(Kinds))]
    public async Task Bad_keys_are_refused_with_argument_errors(string kind)
    {
        var store = Store(kind);
        Assert.ThrowsAny<ArgumentException>(() => store.GetStateStore(_tenant, ""));
        Assert.ThrowsAny<ArgumentException>(() => store.GetStateStore(" ", "c"));
        var state = store.GetStateStore(_tenant, "test.bad");
        await Assert.ThrowsAnyAsync<ArgumentException>(() => state.GetAsync(""));
        await Assert.ThrowsAnyAsync<ArgumentException>(() => state.TryAddAsync(new string('k', IStateStore.MaxKeyLength + 1), "v"));
        await Assert.ThrowsAsync<ArgumentNullException>(() => state.SetAsync("k", null!));
        Assert.True(await state.TryAddAsync(new string('k', IStateStore.MaxKeyLength), "v"));
    }

    [Theory, MemberData(nameof(DurableKinds))]
    public async Task A_new_store_instance_on_the_same_database_sees_the_state(string kind)
    {
        var first = Store(kind).GetStateStore(_tenant, "test.durable");
        await first.TryAddAsync("conversation:5511", """{"step":"menu"}""");
        var updated = await first.TryUpdateAsync("conversation:5511", """{"step":"paid"}""", 1);
        Assert.NotNull(updated);

        var second = Store(kind).GetStateStore(_tenant, "test.durable");
        var entry = await second.GetAsync("conversation:5511");
        Assert.Equal(("""{"step":"paid"}""", 2L), (entry!.Value, entry.Version));
    }

    [Fact]
    public void A_store_written_before_state_collections_says_so()
    {
        ILedgerStore legacy = new LegacyStore();
        var ex = Assert.Throws<NotSupportedException>(() => legacy.GetStateStore("t", "c"));
        Assert.Contains("legacy", ex.Message, StringComparison.Ordinal);
    }

    private sealed class LegacyStore : ILedgerStore
    {
        public string Kind => "legacy";
        public bool IsDurable => false;
        public Task MigrateAsync(CancellationToken cancellationToken = default) => Task.CompletedTask;
        public IDunningLedger GetDunningLedger(string tenant) => throw new NotImplementedException();
        public IUnblockLedger GetUnblockLedger(string tenant) => throw new NotImplementedException();
        public IProcessedPaymentLedger GetProcessedPaymentLedger(string tenant) => throw new NotImplementedException();
    }
}
