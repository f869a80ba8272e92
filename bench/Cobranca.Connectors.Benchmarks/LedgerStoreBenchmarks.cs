using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using Cobranca.Connectors.Abstractions;
using Cobranca.Connectors.Workflows;

namespace Cobranca.Connectors.Benchmarks;

/// <summary>
/// Ledger operations per second, memory (baseline) vs SQLite (one file, WAL, synchronous NORMAL) vs PostgreSQL (local
/// cluster on a unix socket), one operation per invocation, in the same run:
/// <list type="bullet">
/// <item><b>ClaimComplete</b>: what the dunning runner does per executed action (claim, then record as done);</item>
/// <item><b>History</b>: the per-customer history read the planner makes (customers with 2 entries, 2 000 customers);</item>
/// <item><b>UnblockAddSave</b>: a new payment added under a claim, then its attempt saved (payment → unblock per payment).</item>
/// </list>
/// Runs in process (BenchmarkDotNet's in-process toolchain). Run: --filter '*LedgerStore*'.
/// </summary>
[Config(typeof(InProcessShortConfig))]
[MemoryDiagnoser]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class LedgerStoreBenchmarks
{
    private const int Customers = 2_000;
    private static readonly DateTimeOffset At = new(2026, 3, 16, 10, 0, 0, TimeSpan.FromHours(-3));
    private BenchStores _stores = null!;
    private readonly Dictionary<string, ILedgerStore> _byKind = [];
    private long _counter;

    [GlobalSetup]
    public async Task SetupAsync()
    {
        _stores = new BenchStores();
        foreach (var kind in new[] { "memory", "sqlite", "postgresql" })
        {
            var store = _stores.Create(kind);
            await store.MigrateAsync();
            var ledger = store.GetDunningLedger("bench");
            for (var c = 0; c < Customers; c++)
            {
                await ledger.TryRecordAsync(Entry("H" + c, "d3"));
                await ledger.TryRecordAsync(Entry("H" + c, "d5"));
            }
            _byKind[kind] = store;
        }
    }

    [GlobalCleanup]
    public void Cleanup() => _stores.Dispose();

    private static DunningLedgerEntry Entry(string customer, string step) => new()
    {
        CustomerId = customer, StepKey = step, InvoiceId = "F" + customer, ScheduledDate = new DateOnly(2026, 3, 16),
        Action = DunningActionKind.Notify, ExecutedAt = At,
    };

    private async Task ClaimCompleteAsync(string kind)
    {
        var ledger = _byKind[kind].GetDunningLedger("bench");
        var entry = Entry("N" + Interlocked.Increment(ref _counter), "d1");
        var claim = new LedgerClaim(Guid.NewGuid().ToString("N"), At, At.AddMinutes(10));
        if (await ledger.TryClaimAsync(entry, claim) != DunningClaimStatus.Claimed || !await ledger.CompleteAsync(entry, claim))
            throw new InvalidOperationException("claim/complete failed");
    }

    private async Task<int> HistoryAsync(string kind) =>
        (await _byKind[kind].GetDunningLedger("bench").GetHistoryAsync("H" + (Interlocked.Increment(ref _counter) % Customers))).Count;

    private async Task UnblockAddSaveAsync(string kind)
    {
        var ledger = _byKind[kind].GetUnblockLedger("bench");
        var id = "P" + Interlocked.Increment(ref _counter);
        var entry = new UnblockLedgerEntry
        {
            Payment = new PaymentReceived { PaymentId = id, Source = "pix", Amount = 99.90m, PaidAt = At, InvoiceId = "F1", CustomerId = "C1" },
            Status = UnblockStatus.Pending, SeenAt = At, RestoreDeadline = At.AddDays(1), UpdatedAt = At,
        };
        var claim = new LedgerClaim(Guid.NewGuid().ToString("N"), At, At.AddMinutes(5));
        if (!await ledger.TryAddAsync(entry, claim)
            || !await ledger.SaveAttemptAsync(entry with { Status = UnblockStatus.Restored, RestoredAt = At, CompletedSteps = ["K1|0:erp", "K1|1:router"] }, claim))
            throw new InvalidOperationException("add/save failed");
    }

    /// <summary>In process (the database servers are separate processes anyway), short: the machine is shared.</summary>
    private sealed class InProcessShortConfig : ManualConfig
    {
        public InProcessShortConfig() =>
            AddJob(Job.Default.WithToolchain(new InProcessEmitToolchain(TimeSpan.FromMinutes(15), logOutput: true)).WithLaunchCount(1).WithWarmupCount(2).WithIterationCount(5));
    }

    [Benchmark(Baseline = true), BenchmarkCategory("ClaimComplete")]
    public Task Memory_ClaimComplete() => ClaimCompleteAsync("memory");

    [Benchmark, BenchmarkCategory("ClaimComplete")]
    public Task Sqlite_ClaimComplete() => ClaimCompleteAsync("sqlite");

    [Benchmark, BenchmarkCategory("ClaimComplete")]
    public Task PostgreSql_ClaimComplete() => ClaimCompleteAsync("postgresql");

    [Benchmark(Baseline = true), BenchmarkCategory("History")]
    public Task<int> Memory_History() => HistoryAsync("memory");

    [Benchmark, BenchmarkCategory("History")]
    public Task<int> Sqlite_History() => HistoryAsync("sqlite");

    [Benchmark, BenchmarkCategory("History")]
    public Task<int> PostgreSql_History() => HistoryAsync("postgresql");

    [Benchmark(Baseline = true), BenchmarkCategory("UnblockAddSave")]
    public Task Memory_UnblockAddSave() => UnblockAddSaveAsync("memory");

    [Benchmark, BenchmarkCategory("UnblockAddSave")]
    public Task Sqlite_UnblockAddSave() => UnblockAddSaveAsync("sqlite");

    [Benchmark, BenchmarkCategory("UnblockAddSave")]
    public Task PostgreSql_UnblockAddSave() => UnblockAddSaveAsync("postgresql");
}
