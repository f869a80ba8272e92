using Cobranca.Connectors.Abstractions;
using Cobranca.Connectors.Storage.PostgreSql;
using Cobranca.Connectors.Storage.Sqlite;
using Cobranca.Connectors.Workflows;

namespace Cobranca.Connectors.Storage.Tests;

/// <summary>The store contract, one class run over memory, SQLite and PostgreSQL (each test uses a fresh tenant).</summary>
[Collection(PostgresCollection.Name)]
public sealed class LedgerStoreContractTests : IDisposable
{
    private static readonly DateTimeOffset T0 = new(2026, 3, 2, 12, 0, 0, TimeSpan.FromHours(-3));
    private readonly PostgresServer _postgres;
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "cobranca-store-" + Guid.NewGuid().ToString("N")[..8]);
    private readonly string _tenant = "t" + Guid.NewGuid().ToString("N")[..10];
    private readonly List<IDisposable> _disposables = [];

    public LedgerStoreContractTests(PostgresServer postgres)
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
                return new InMemoryLedgerStore();
            case "sqlite":
                return new SqliteLedgerStore(new SqliteLedgerStoreOptions { Path = Path.Combine(_dir, "cobranca.db") });
            default:
                var store = new PostgreSqlLedgerStore(new PostgreSqlLedgerStoreOptions { ConnectionString = _postgres.ConnectionString });
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

    private static LedgerClaim Claim(DateTimeOffset at, TimeSpan? lease = null) =>
        new(Guid.NewGuid().ToString("N"), at, at + (lease ?? TimeSpan.FromMinutes(10)));

    private static DunningLedgerEntry Action(string customer, string step = "d3", string invoice = "F1", int day = 2, DunningActionKind kind = DunningActionKind.Notify) => new()
    {
        CustomerId = customer, StepKey = step, InvoiceId = invoice, ScheduledDate = new DateOnly(2026, 3, day), Action = kind,
        IsSuspensionNotice = step == "d15", ExecutedAt = T0,
    };

    private static UnblockLedgerEntry Payment(string id, int minute, UnblockStatus status = UnblockStatus.Pending) => new()
    {
        Payment = new PaymentReceived { PaymentId = id, Source = "pix", Amount = 99.90m, PaidAt = T0, InvoiceId = "F" + id, Reference = "tx" + id },
        Status = status,
        SeenAt = T0.AddMinutes(minute),
        RestoreDeadline = T0.AddMinutes(minute).AddDays(1),
        UpdatedAt = T0.AddMinutes(minute),
        CustomerId = "C" + id,
        Message = "Received; not processed yet.",
    };

    // ---- dunning ledger ----

    [Theory, MemberData(nameof(Kinds))]
    public async Task Dunning_claim_then_complete_records_once_and_shows_in_history(string kind)
    {
        var ledger = Store(kind).GetDunningLedger(_tenant);
        var entry = Action("C1");
        var claim = Claim(T0);

        Assert.Equal(DunningClaimStatus.Claimed, await ledger.TryClaimAsync(entry, claim));
        Assert.Empty(await ledger.GetHistoryAsync("C1")); // a claim is not history
        Assert.True(await ledger.CompleteAsync(entry with { ExecutedAt = T0.AddSeconds(1) }, claim));

        var history = Assert.Single(await ledger.GetHistoryAsync("C1"));
        Assert.Equal(entry.Key, history.Key);
        Assert.Equal(T0.AddSeconds(1), history.ExecutedAt);
        Assert.Equal(DunningActionKind.Notify, history.Action);
        Assert.Equal(DunningClaimStatus.AlreadyDone, await ledger.TryClaimAsync(entry, Claim(T0.AddDays(1))));
        Assert.False(await ledger.CompleteAsync(entry, claim)); // completing twice records nothing more
        Assert.Single(await ledger.GetHistoryAsync("C1"));
    }

    [Theory, MemberData(nameof(Kinds))]
    public async Task Dunning_concurrent_claims_let_exactly_one_worker_through(string kind)
    {
        var store = Store(kind);
        var entry = Action("C2");
        var results = await Task.WhenAll(Enumerable.Range(0, 8).Select(i => Task.Run(() =>
            store.GetDunningLedger(_tenant).TryClaimAsync(entry, Claim(T0.AddMilliseconds(i))))));

        Assert.Equal(1, results.Count(r => r == DunningClaimStatus.Claimed));
        Assert.Equal(7, results.Count(r => r == DunningClaimStatus.Busy));
    }

    [Theory, MemberData(nameof(Kinds))]
    public async Task Dunning_expired_claim_is_taken_over_as_unconfirmed_and_the_old_holder_cannot_complete(string kind)
    {
        var ledger = Store(kind).GetDunningLedger(_tenant);
        var entry = Action("C3", kind: DunningActionKind.Block);
        var crashed = Claim(T0, TimeSpan.FromMinutes(10));
        Assert.Equal(DunningClaimStatus.Claimed, await ledger.TryClaimAsync(entry, crashed));

        Assert.Equal(DunningClaimStatus.Busy, await ledger.TryClaimAsync(entry, Claim(T0.AddMinutes(9))));
        var takeover = Claim(T0.AddMinutes(11));
        Assert.Equal(DunningClaimStatus.ClaimedUnconfirmed, await ledger.TryClaimAsync(entry, takeover));

        Assert.False(await ledger.CompleteAsync(entry, crashed));
        await ledger.ReleaseAsync(entry.Key, crashed); // not the holder: no effect
        Assert.True(await ledger.CompleteAsync(entry, takeover));
        Assert.Single(await ledger.GetHistoryAsync("C3"));
    }

    [Theory, MemberData(nameof(Kinds))]
    public async Task Dunning_released_claim_is_claimed_fresh_again(string kind)
    {
        var ledger = Store(kind).GetDunningLedger(_tenant);
        var entry = Action("C4");
        var first = Claim(T0);
        Assert.Equal(DunningClaimStatus.Claimed, await ledger.TryClaimAsync(entry, first));
        await ledger.ReleaseAsync(entry.Key, first);

        Assert.Equal(DunningClaimStatus.Claimed, await ledger.TryClaimAsync(entry, Claim(T0.AddSeconds(1))));
        Assert.Empty(await ledger.GetHistoryAsync("C4"));
    }

    [Theory, MemberData(nameof(Kinds))]
    public async Task Dunning_history_is_per_customer_ordered_and_per_tenant(string kind)
    {
        var store = Store(kind);
        var ledger = store.GetDunningLedger(_tenant);
        Assert.True(await ledger.TryRecordAsync(Action("C5", "d15", day: 5) with { ExecutedAt = T0.AddDays(3) }));
        Assert.True(await ledger.TryRecordAsync(Action("C5", "d3") with { ExecutedAt = T0 }));
        Assert.True(await ledger.TryRecordAsync(Action("C6", "d3")));
        Assert.False(await ledger.TryRecordAsync(Action("C5", "d3"))); // same key

        var history = await ledger.GetHistoryAsync("C5");
        Assert.Equal(["d3", "d15"], history.Select(h => h.StepKey));
        Assert.True(history[1].IsSuspensionNotice);
        Assert.Equal(new DateOnly(2026, 3, 5), history[1].ScheduledDate);
        Assert.Empty(await store.GetDunningLedger(_tenant + "x").GetHistoryAsync("C5"));
    }

    // ---- unblock ledger ----

    [Theory, MemberData(nameof(Kinds))]
    public async Task Unblock_add_dedupes_and_round_trips_the_entry(string kind)
    {
        var ledger = Store(kind).GetUnblockLedger(_tenant);
        var entry = Payment("P1", 0) with { CompletedSteps = ["K1|0:erp"], Attempts = 2, Reason = UnblockReason.AccessControllerFailed };

        Assert.True(await ledger.TryAddAsync(entry, null));
        Assert.False(await ledger.TryAddAsync(entry with { Message = "again" }, null));

        var stored = await ledger.GetAsync("P1");
        Assert.NotNull(stored);
        Assert.Equal(entry.Payment.Amount, stored.Payment.Amount);
        Assert.Equal(entry.SeenAt, stored.SeenAt);
        Assert.Equal(["K1|0:erp"], stored.CompletedSteps);
        Assert.Equal(UnblockReason.AccessControllerFailed, stored.Reason);
        Assert.Equal("Received; not processed yet.", stored.Message);
        Assert.Null(await ledger.GetAsync("nope"));
    }

    [Theory, MemberData(nameof(Kinds))]
    public async Task Unblock_claims_skip_held_entries_and_take_over_expired_ones(string kind)
    {
        var ledger = Store(kind).GetUnblockLedger(_tenant);
        var worker = Claim(T0, TimeSpan.FromMinutes(5));
        Assert.True(await ledger.TryAddAsync(Payment("P1", 0), worker));     // being worked
        Assert.True(await ledger.TryAddAsync(Payment("P2", 1), null));       // pending, free
        Assert.True(await ledger.TryAddAsync(Payment("P3", 2, UnblockStatus.Restored), null));

        var first = await ledger.ClaimPendingAsync(10, Claim(T0.AddMinutes(1)));
        Assert.Equal(["P2"], first.Select(e => e.PaymentId));
        Assert.Empty(await ledger.ClaimPendingAsync(10, Claim(T0.AddMinutes(2))));

        var takeover = Claim(T0.AddMinutes(20));
        var second = await ledger.ClaimPendingAsync(10, takeover); // both claims lapsed
        Assert.Equal(["P1", "P2"], second.Select(e => e.PaymentId));

        Assert.False(await ledger.SaveAttemptAsync(Payment("P1", 0) with { Status = UnblockStatus.Restored }, worker)); // lapsed
        Assert.True(await ledger.SaveAttemptAsync(Payment("P1", 0) with { Status = UnblockStatus.Restored, Attempts = 2 }, takeover));
        Assert.Equal(UnblockStatus.Restored, (await ledger.GetAsync("P1"))!.Status);
        Assert.Equal(["P2"], (await ledger.ListPendingAsync()).Select(e => e.PaymentId));
    }

    [Theory, MemberData(nameof(Kinds))]
    public async Task Unblock_concurrent_claimers_get_disjoint_entries_covering_all(string kind)
    {
        var store = Store(kind);
        for (var i = 0; i < 60; i++) Assert.True(await store.GetUnblockLedger(_tenant).TryAddAsync(Payment($"Q{i:00}", i), null));

        var batches = await Task.WhenAll(Enumerable.Range(0, 6).Select(w => Task.Run(async () =>
        {
            var mine = new List<string>();
            while (true)
            {
                var got = await store.GetUnblockLedger(_tenant).ClaimPendingAsync(7, Claim(T0.AddHours(1)));
                if (got.Count == 0) return mine;
                mine.AddRange(got.Select(e => e.PaymentId));
            }
        })));

        var all = batches.SelectMany(b => b).ToList();
        Assert.Equal(60, all.Count);
        Assert.Equal(60, all.Distinct().Count());
    }

    [Theory, MemberData(nameof(Kinds))]
    public async Task Unblock_claims_least_recently_attempted_first_and_lists_pending_by_seen_time(string kind)
    {
        var ledger = Store(kind).GetUnblockLedger(_tenant);
        Assert.True(await ledger.TryAddAsync(Payment("A", 0), null));
        Assert.True(await ledger.TryAddAsync(Payment("B", 1), null));
        var claim = Claim(T0.AddMinutes(2));
        var a = Assert.Single(await ledger.ClaimPendingAsync(1, claim));
        Assert.Equal("A", a.PaymentId);
        Assert.True(await ledger.SaveAttemptAsync(a with { UpdatedAt = T0.AddMinutes(3), Attempts = 1 }, claim)); // still pending

        Assert.Equal("B", Assert.Single(await ledger.ClaimPendingAsync(1, Claim(T0.AddMinutes(4)))).PaymentId);
        Assert.Equal(["A", "B"], (await ledger.ListPendingAsync()).Select(e => e.PaymentId));
    }

    // ---- processed-payment ledger ----

    [Theory, MemberData(nameof(Kinds))]
    public async Task Payments_claim_complete_release_and_expiry(string kind)
    {
        var ledger = Store(kind).GetProcessedPaymentLedger(_tenant);
        var first = Claim(T0, TimeSpan.FromMinutes(5));
        Assert.True(await ledger.TryClaimAsync("E1", first));
        Assert.False(await ledger.TryClaimAsync("E1", Claim(T0.AddMinutes(1))));
        await ledger.ReleaseAsync("E1", first);
        var second = Claim(T0.AddMinutes(2), TimeSpan.FromMinutes(5));
        Assert.True(await ledger.TryClaimAsync("E1", second));
        Assert.False(await ledger.IsCompletedAsync("E1"));

        var takeover = Claim(T0.AddMinutes(10)); // second crashed: its claim lapsed
        Assert.True(await ledger.TryClaimAsync("E1", takeover));
        Assert.False(await ledger.CompleteAsync("E1", second));
        Assert.True(await ledger.CompleteAsync("E1", takeover));
        Assert.True(await ledger.IsCompletedAsync("E1"));
        Assert.False(await ledger.TryClaimAsync("E1", Claim(T0.AddDays(2))));
    }

    [Theory, MemberData(nameof(Kinds))]
    public async Task Payments_concurrent_claims_let_one_through(string kind)
    {
        var store = Store(kind);
        var results = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() =>
            store.GetProcessedPaymentLedger(_tenant).TryClaimAsync("E2", Claim(T0)))));
        Assert.Equal(1, results.Count(r => r));
    }

    // ---- durability ----

    [Theory, MemberData(nameof(DurableKinds))]
    public async Task Durable_store_migrates_idempotently_and_a_new_instance_sees_the_data(string kind)
    {
        var first = Store(kind);
        await first.MigrateAsync();
        await first.MigrateAsync();
        Assert.True(await first.GetDunningLedger(_tenant).TryRecordAsync(Action("C9")));
        Assert.True(await first.GetUnblockLedger(_tenant).TryAddAsync(Payment("P9", 0), null));

        var second = Store(kind);
        Assert.True(second.IsDurable);
        await second.MigrateAsync();
        Assert.Single(await second.GetDunningLedger(_tenant).GetHistoryAsync("C9"));
        Assert.NotNull(await second.GetUnblockLedger(_tenant).GetAsync("P9"));
    }
}
