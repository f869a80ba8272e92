using Cobranca.Connectors.Storage.CrashHost;
using Cobranca.Connectors.Workflows;

namespace Cobranca.Connectors.Storage.Tests;

/// <summary>
/// Real processes: a worker killed with SIGKILL between executing an action and recording it, then restarted (its
/// claims expire: the restart runs 30 minutes later by its clock); and several workers sharing one PostgreSQL.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class CrashAndScaleOutTests : IDisposable
{
    private readonly PostgresServer _postgres;
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "cobranca-crash-" + Guid.NewGuid().ToString("N")[..8]);
    private readonly string _tenant = "t" + Guid.NewGuid().ToString("N")[..10];

    public CrashAndScaleOutTests(PostgresServer postgres)
    {
        _postgres = postgres;
        Directory.CreateDirectory(_dir);
    }

    public static TheoryData<string> DurableKinds => new() { "sqlite", "postgresql" };

    public void Dispose()
    {
        try { Directory.Delete(_dir, recursive: true); } catch (IOException) { }
    }

    private string Connection(string kind) => kind == "sqlite" ? Path.Combine(_dir, "cobranca.db") : _postgres.ConnectionString;

    private string[] Args(string kind, string mode, string log, params string[] more) =>
        ["--store", kind, "--connection", Connection(kind), "--tenant", _tenant, "--mode", mode, "--log", log, .. more];

    private static List<string> Effects(params string[] logs) =>
        logs.Where(File.Exists).SelectMany(File.ReadAllLines).Where(l => l.Length > 0).ToList();

    [Theory, MemberData(nameof(DurableKinds))]
    public async Task Dunning_worker_killed_mid_run_then_restarted_executes_every_action_exactly_once(string kind)
    {
        const int customers = 40;
        var expected = await CrashScenario.ExpectedDunningKeysAsync(customers);
        var log = Path.Combine(_dir, "effects.log");

        using (var crashed = new WorkerProcess(Args(kind, "dunning", log, "--customers", "40", "--hang-after", "25")))
            await crashed.KillWhenHungAsync();
        var beforeRestart = Effects(log);
        Assert.True(beforeRestart.Count(l => l.StartsWith("send ", StringComparison.Ordinal)) >= 25);

        using var restarted = new WorkerProcess(Args(kind, "dunning", log, "--customers", "40", "--clock-offset-minutes", "30"));
        var summary = await restarted.CompleteAsync();
        Assert.Contains("failed=0", summary, StringComparison.Ordinal);

        // The ledger: every planned action exactly once.
        var store = CrashScenario.Store(kind, Connection(kind));
        var recorded = new List<string>();
        for (var i = 0; i < customers; i++)
            recorded.AddRange((await store.GetDunningLedger(_tenant).GetHistoryAsync(CrashScenario.CustomerId(i))).Select(e => e.Key));
        (store as IDisposable)?.Dispose();
        Assert.Equal(expected, recorded.Order(StringComparer.Ordinal));

        // The customer: every action reached the channel; the only keys sent twice are the ones the crash left
        // unconfirmed, re-sent with the same idempotency key and reported as such (a channel honouring the key delivers once).
        var sends = Effects(log).Where(l => l.StartsWith("send ", StringComparison.Ordinal)).Select(l => l[5..]).ToList();
        Assert.Equal(expected, sends.Distinct().Order(StringComparer.Ordinal));
        var twice = sends.GroupBy(s => s).Where(g => g.Count() > 1).Select(g => g.Key).Order(StringComparer.Ordinal).ToList();
        var resent = restarted.Lines.Where(l => l.StartsWith("resent ", StringComparison.Ordinal)).Select(l => l[7..]).Order(StringComparer.Ordinal).ToList();
        Assert.NotEmpty(resent); // the killed worker held at least the hung action's claim
        Assert.All(twice, key => Assert.Contains(key, resent));
        Assert.True(sends.GroupBy(s => s).All(g => g.Count() <= 2));
    }

    [Theory, MemberData(nameof(DurableKinds))]
    public async Task Unblock_worker_killed_mid_payment_then_restarted_completes_the_pending_unblocks(string kind)
    {
        const int payments = 30;
        var log = Path.Combine(_dir, "effects.log");

        using (var crashed = new WorkerProcess(Args(kind, "payments", log, "--customers", "30", "--paid", "30", "--hang-after", "21")))
            await crashed.KillWhenHungAsync();

        var store = CrashScenario.Store(kind, Connection(kind));
        var pendingAfterCrash = await store.GetUnblockLedger(_tenant).ListPendingAsync();
        Assert.NotEmpty(pendingAfterCrash); // the payments in flight stayed in the ledger, claimed by the dead worker

        // The PSP redelivers what was not acknowledged: the whole stream again (known payments are duplicates), then retries.
        using var restarted = new WorkerProcess(Args(kind, "payments", log, "--customers", "30", "--paid", "30", "--clock-offset-minutes", "30"));
        var summary = await restarted.CompleteAsync();
        Assert.EndsWith("pending=0", summary, StringComparison.Ordinal);

        var ledger = store.GetUnblockLedger(_tenant);
        for (var i = 0; i < payments; i++)
        {
            var entry = await ledger.GetAsync(CrashScenario.Payment(i).PaymentId);
            Assert.NotNull(entry);
            Assert.Equal(UnblockStatus.Restored, entry.Status);
        }
        (store as IDisposable)?.Dispose();

        // Every contract restored on both controllers; a call is repeated only when the crash cut it off before its
        // step was saved (unblock is idempotent: "already active").
        var unblocks = Effects(log).Where(l => l.StartsWith("unblock ", StringComparison.Ordinal)).ToList();
        Assert.Equal(payments * 2, unblocks.Distinct().Count());
        Assert.True(unblocks.Count - payments * 2 <= pendingAfterCrash.Count * 2);
    }

    [Fact]
    public async Task Three_workers_on_one_postgresql_share_the_days_dunning_and_the_payment_stream_exactly_once()
    {
        const int customers = 120;
        var expected = await CrashScenario.ExpectedDunningKeysAsync(customers);
        var logs = Enumerable.Range(0, 3).Select(i => Path.Combine(_dir, $"worker{i}.log")).ToArray();

        var go = Path.Combine(_dir, "go");
        var workers = logs.Select(log => new WorkerProcess(Args("postgresql", "dunning", log, "--customers", "120", "--latency-ms", "5", "--start-after", go))).ToList();
        var payers = logs.Select(log => new WorkerProcess(Args("postgresql", "payments", log + ".pay", "--customers", "120", "--paid", "60", "--latency-ms", "2", "--start-after", go))).ToList();
        await Task.WhenAll(workers.Concat(payers).Select(w => w.ReadyAsync())); // all started: then they run together
        await File.WriteAllTextAsync(go, "go");
        var summaries = await Task.WhenAll(workers.Concat(payers).Select(w => w.CompleteAsync()));
        foreach (var w in workers.Concat(payers)) w.Dispose();

        // Dunning: each action sent once in total, recorded once, and more than one worker did some of it.
        var sendsPerWorker = logs.Select(l => Effects(l).Count(e => e.StartsWith("send ", StringComparison.Ordinal))).ToList();
        var sends = Effects(logs).Where(l => l.StartsWith("send ", StringComparison.Ordinal)).Select(l => l[5..]).ToList();
        Assert.Equal(expected, sends.Order(StringComparer.Ordinal));
        Assert.True(sendsPerWorker.Count(c => c > 0) >= 2, "work shared: " + string.Join(",", sendsPerWorker));
        Assert.All(summaries.Take(3), s => Assert.Contains("failed=0", s, StringComparison.Ordinal));

        // Payments: the same stream delivered to all three; every unblock done once, every payment restored.
        var unblocks = Effects(logs.Select(l => l + ".pay").ToArray()).Where(l => l.StartsWith("unblock ", StringComparison.Ordinal)).ToList();
        Assert.Equal(60 * 2, unblocks.Count);
        Assert.Equal(60 * 2, unblocks.Distinct().Count());
        var store = CrashScenario.Store("postgresql", _postgres.ConnectionString);
        Assert.Empty(await store.GetUnblockLedger(_tenant).ListPendingAsync());
        (store as IDisposable)?.Dispose();
    }
}
