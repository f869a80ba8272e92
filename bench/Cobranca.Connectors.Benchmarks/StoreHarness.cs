using System.Diagnostics;
using System.Globalization;
using Cobranca.Connectors.Abstractions;
using Cobranca.Connectors.Testing;
using Cobranca.Connectors.Workflows;

namespace Cobranca.Connectors.Benchmarks;

/// <summary>
/// Long runs measured once per process (each run changes the state the next one sees), wall clock:
/// <list type="bullet">
/// <item><c>--store-dunning memory|sqlite|postgresql [customers]</c>: a whole dunning run (RGC 765 schedule) over a
/// generated ISP on the in-memory fakes with the ledger in the given store, then a same-day re-run; time, actions and
/// the peak managed heap (sampled every 20 ms, garbage not yet collected included) and the process' peak working set.</item>
/// <item><c>--payment-burst memory|sqlite|postgresql [payments]</c>: that many payments delivered at once to one
/// <see cref="PaymentToUnblock"/> (default options: 16 at a time, intake limit 10 000) over blocked customers, each
/// ERP/router call taking 2 ms; the latency of each delivery (arrival → outcome) as a distribution, then the same
/// deliveries again (nothing more may be written).</item>
/// </list>
/// Run: <c>dotnet run -c Release --project bench/Cobranca.Connectors.Benchmarks -- --store-dunning sqlite 60000</c>.
/// </summary>
public static class StoreHarness
{
    /// <summary>Selects the dunning run.</summary>
    public const string DunningFlag = "--store-dunning";

    private static readonly double LatencyMs = double.Parse(Environment.GetEnvironmentVariable("COBRANCA_BENCH_LATENCY_MS") ?? "2", CultureInfo.InvariantCulture);

    /// <summary>Selects the payment burst.</summary>
    public const string BurstFlag = "--payment-burst";

    /// <summary>Runs the harness named by the first argument.</summary>
    public static async Task RunAsync(string[] args)
    {
        var kind = args.Length > 1 ? args[1] : "sqlite";
        using var stores = new BenchStores();
        var store = stores.Create(kind);
        await store.MigrateAsync();
        if (args[0] == DunningFlag) await DunningAsync(store, kind, args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 60_000);
        else await BurstAsync(store, kind, args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 1_000);
    }

    private static async Task DunningAsync(ILedgerStore store, string kind, int customers)
    {
        var today = BrazilTime.Today(TimeProvider.System);
        var clock = new ShiftedClock(BrazilTime.FromLocal(today.ToDateTime(new TimeOnly(10, 0))) - TimeProvider.System.GetUtcNow());
        var data = IspDataGenerator.Generate(new IspDataGeneratorOptions { Seed = 19, CustomerCount = customers, Today = today });
        var open = data.Invoices.Count(i => i.Status is InvoiceStatus.Open or InvoiceStatus.PartiallyPaid && i.OpenAmount > 0);
        var fake = new FakeBillingSystem(data, clock);
        data = null!;
        Console.WriteLine($"// dunning on {kind}: {customers} customers, {open} open invoices; {Environment.ProcessorCount} cores");
        var runner = new DunningRunner(fake, DunningSchedule.Rgc765, new NullSender(), [fake.AccessController],
            new DunningRunnerOptions { TimeProvider = clock, MaxConcurrency = 8, Ledger = store.GetDunningLedger("bench") });

        foreach (var name in new[] { "first run", "same-day re-run (+2 h)" })
        {
            var heapBefore = GC.GetTotalMemory(forceFullCollection: true);
            long peak = heapBefore;
            using var sampler = new Timer(_ =>
            {
                var now = GC.GetTotalMemory(false);
                long seen;
                while (now > (seen = Interlocked.Read(ref peak)) && Interlocked.CompareExchange(ref peak, now, seen) != seen) { }
            }, null, 0, 20);
            var watch = Stopwatch.StartNew();
            var report = await runner.RunAsync();
            watch.Stop();
            using var process = Process.GetCurrentProcess();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"// {name}: {watch.Elapsed.TotalSeconds:0.00} s, {report.Customers} customers, {report.Count(DunningResultStatus.Executed)} executed, " +
                $"{report.Count(DunningResultStatus.Deferred)} deferred, {report.Count(DunningResultStatus.Skipped)} skipped, {report.Count(DunningResultStatus.Failed)} failed; " +
                $"managed heap {heapBefore >> 20} MB before, peak {Interlocked.Read(ref peak) >> 20} MB; peak working set {process.PeakWorkingSet64 >> 20} MB"));
            clock.Shift += TimeSpan.FromHours(2);
        }
    }

    private static async Task BurstAsync(ILedgerStore store, string kind, int count)
    {
        var time = TimeProvider.System;
        var erp = new FakeBillingSystem(time) { Latency = TimeSpan.FromMilliseconds(LatencyMs) };
        var router = new FakeAccessController(time) { Latency = TimeSpan.FromMilliseconds(LatencyMs) };
        erp.AccessController.Latency = TimeSpan.FromMilliseconds(LatencyMs);
        var payments = new List<PaymentReceived>(count);
        var tag = Guid.NewGuid().ToString("N")[..6];
        for (var i = 0; i < count; i++)
        {
            var id = i.ToString("00000", CultureInfo.InvariantCulture);
            erp.AddCustomer(new Customer { Id = id, Name = "Cliente " + id });
            erp.AddContract(new Contract { Id = "K" + id, CustomerId = id, Login = "l" + id, Access = AccessState.Blocked });
            erp.AddInvoice(new Invoice { Id = "F" + id, CustomerId = id, ContractId = "K" + id, DueDate = BrazilTime.Today(time).AddDays(-20), Amount = 99.90m, OpenAmount = 99.90m });
            erp.RecordPayment("F" + id, 99.90m, time.GetUtcNow());
            payments.Add(new PaymentReceived { PaymentId = $"E2E{tag}{id}", Source = "pix", InvoiceId = "F" + id, CustomerId = id, Amount = 99.90m, PaidAt = time.GetUtcNow() });
        }
        var workflow = new PaymentToUnblock(erp, [erp.AccessController, router], new PaymentToUnblockOptions { Ledger = store.GetUnblockLedger("bench") });

        for (var round = 1; round <= 2; round++)
        {
            var changesBefore = erp.AccessController.Changes.Count + router.Changes.Count;
            var start = Stopwatch.GetTimestamp();
            var latencies = new double[count];
            var outcomes = await Task.WhenAll(payments.Select(async (p, i) =>
            {
                var outcome = await workflow.ProcessAsync(p);
                latencies[i] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
                return outcome;
            }));
            var total = Stopwatch.GetElapsedTime(start);
            Array.Sort(latencies);
            double P(double q) => latencies[Math.Min(count - 1, (int)Math.Ceiling(q * count) - 1)];
            var writes = erp.AccessController.Changes.Count + router.Changes.Count - changesBefore;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"// {(round == 1 ? "burst" : "second delivery")} on {kind}: {count} payments in {total.TotalMilliseconds:0} ms; " +
                $"restored {outcomes.Count(o => !o.IsDuplicate && o.Status == UnblockStatus.Restored)}, deferred {outcomes.Count(o => o.Reason == UnblockReason.IntakeLimitReached)}, " +
                $"duplicates {outcomes.Count(o => o.IsDuplicate)}, other {outcomes.Count(o => !o.IsDuplicate && o.Status != UnblockStatus.Restored && o.Reason != UnblockReason.IntakeLimitReached)}; " +
                $"access writes {writes}; latency ms p50 {P(0.50):0} p90 {P(0.90):0} p99 {P(0.99):0} max {latencies[^1]:0}"));
        }
    }

    private sealed class ShiftedClock(TimeSpan shift) : TimeProvider
    {
        public TimeSpan Shift { get; set; } = shift;

        public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + Shift;
    }

    private sealed class NullSender : INotificationSender
    {
        public Task SendAsync(DunningNotification notification, CancellationToken cancellationToken = default) => Task.CompletedTask;
    }
}
