using System.Diagnostics;
using System.Globalization;
using Cobranca.Connectors.Abstractions;
using Cobranca.Connectors.Ixc;
using Cobranca.Connectors.Testing;
using Cobranca.Connectors.Testing.Ixc;
using Cobranca.Connectors.Workflows;

namespace Cobranca.Connectors.Benchmarks;

/// <summary>
/// The long-run harness for issue 19: a whole dunning run (<see cref="DunningRunner"/> with the RGC 765 schedule) over a
/// generated ISP, first run then a same-day re-run two hours later, on the in-memory fakes or on the IXC sandbox in this
/// same process (Kestrel on loopback, the real <see cref="IxcClient"/>). Not a BenchmarkDotNet suite: each run changes
/// the state the next one sees (ledger, blocks), so it is measured once per process, wall clock, with the ERP request
/// count and the peak managed heap (sampled every 20 ms, garbage not yet collected included).
/// Run: <c>dotnet run -c Release --project bench/Cobranca.Connectors.Benchmarks -- --dunning-scale fakes|ixc [customers] [concurrency]</c>.
/// </summary>
public static class DunningScaleHarness
{
    /// <summary>First argument that selects this harness.</summary>
    public const string Flag = "--dunning-scale";

    /// <summary>Runs the harness and prints one line per run.</summary>
    public static async Task RunAsync(string[] args)
    {
        var target = args.Length > 1 ? args[1] : "fakes";
        var customers = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 60_000;
        var concurrency = args.Length > 3 ? int.Parse(args[3], CultureInfo.InvariantCulture) : 8;

        // 10:00 in São Paulo today (a business-hours run whatever the machine's clock), shifted, not frozen: timeouts still work.
        var today = BrazilTime.Today(TimeProvider.System);
        var clock = new ShiftedClock(BrazilTime.FromLocal(today.ToDateTime(new TimeOnly(10, 0))) - TimeProvider.System.GetUtcNow());
        var generate = Stopwatch.StartNew();
        var data = IspDataGenerator.Generate(new IspDataGeneratorOptions { Seed = 19, CustomerCount = customers, Today = today });
        var open = data.Invoices.Count(i => i.Status is InvoiceStatus.Open or InvoiceStatus.PartiallyPaid && i.OpenAmount > 0);
        Console.WriteLine($"// {target}: {customers} customers, {data.Contracts.Count} contracts, {data.Invoices.Count} invoices ({open} open), " +
            $"generated in {generate.Elapsed.TotalSeconds:0.0} s; runner concurrency {concurrency}; {Environment.ProcessorCount} cores");

        IBillingSystem billing;
        IAccessController controller;
        Func<long> requests;
        IAsyncDisposable? sandbox = null;
        IDisposable? client = null;
        if (target == "ixc")
        {
            var ixc = await IxcSandbox.StartAsync(new IxcSandboxOptions { Data = data, TimeProvider = clock });
            sandbox = ixc;
            var ixcClient = new IxcClient(new IxcClientOptions { BaseUrl = ixc.BaseUrl.ToString(), UserId = ixc.UserId, Token = ixc.Token }, timeProvider: clock);
            client = ixcClient;
            billing = ixcClient.AsBillingSystem();
            controller = ixcClient.AsAccessController();
            requests = () => ixc.RequestCount;
        }
        else
        {
            var fake = new FakeBillingSystem(data, clock);
            billing = fake;
            controller = fake.AccessController;
            requests = () => fake.TotalCalls;
        }
        data = null!; // the generated set is now held by the target only
        var sender = new CountingSender();
        var runner = new DunningRunner(billing, DunningSchedule.Rgc765, sender, [controller],
            new DunningRunnerOptions { TimeProvider = clock, MaxConcurrency = concurrency });

        try
        {
            await MeasureAsync("first run", runner, requests, sender);
            clock.Shift += TimeSpan.FromHours(2);
            await MeasureAsync("same-day re-run (+2 h)", runner, requests, sender);
        }
        finally
        {
            client?.Dispose();
            if (sandbox is not null) await sandbox.DisposeAsync();
        }
    }

    private static async Task MeasureAsync(string name, DunningRunner runner, Func<long> requests, CountingSender sender)
    {
        var heapBefore = GC.GetTotalMemory(forceFullCollection: true);
        long peak = heapBefore;
        using var sampler = new Timer(_ =>
        {
            var now = GC.GetTotalMemory(false);
            long seen;
            while (now > (seen = Interlocked.Read(ref peak)) && Interlocked.CompareExchange(ref peak, now, seen) != seen) { }
        }, null, 0, 20);
        var requestsBefore = requests();
        var sentBefore = sender.Sent;
        var gcBefore = GC.CollectionCount(2);
        var watch = Stopwatch.StartNew();
        var report = await runner.RunAsync();
        watch.Stop();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"// {name}: {watch.Elapsed.TotalSeconds:0.00} s, {report.Customers} customers, {requests() - requestsBefore} ERP requests " +
            $"({report.DebtReads} per-customer debt reads), {report.Count(DunningResultStatus.Executed)} executed " +
            $"({sender.Sent - sentBefore} messages), {report.Count(DunningResultStatus.Deferred)} deferred, {report.Count(DunningResultStatus.Skipped)} skipped, " +
            $"{report.Count(DunningResultStatus.Failed)} failed, {report.CustomerFailures.Count} customers failed; " +
            $"managed heap {Mb(heapBefore)} MB before, peak {Mb(Interlocked.Read(ref peak))} MB; gen2 GCs {GC.CollectionCount(2) - gcBefore}"));
    }

    private static long Mb(long bytes) => bytes / (1024 * 1024);

    /// <summary>The system clock shifted by a settable offset (timers stay real).</summary>
    private sealed class ShiftedClock(TimeSpan shift) : TimeProvider
    {
        public TimeSpan Shift { get; set; } = shift;

        public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + Shift;
    }

    /// <summary>A channel that accepts every message at once (the run's own cost is measured, not a channel's).</summary>
    private sealed class CountingSender : INotificationSender
    {
        private long _sent;

        public long Sent => Interlocked.Read(ref _sent);

        public Task SendAsync(DunningNotification notification, CancellationToken cancellationToken = default)
        {
            Interlocked.Increment(ref _sent);
            return Task.CompletedTask;
        }
    }
}
