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
/// generated ISP, first run then a same-day re-run two hours later, on the in-memory fakes, on the IXC sandbox in this
/// same process (<c>ixc</c>: Kestrel on loopback, the real <see cref="IxcClient"/>), or on the IXC sandbox in a child
/// process (<c>ixc-child</c>: this process then holds only the SDK, so its heap is the SDK's own). Not a BenchmarkDotNet
/// suite: each run changes the state the next one sees (ledger, blocks), so it is measured once per process: wall clock,
/// process CPU time, ERP requests, and the peak managed heap (sampled every 20 ms, garbage not yet collected included).
/// Run: <c>dotnet run -c Release --project bench/Cobranca.Connectors.Benchmarks -- --dunning-scale fakes|ixc|ixc-child [customers] [concurrency] [--phases]</c>.
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
        IspDataSet? data = null;
        if (target != "ixc-child")
        {
            var generate = Stopwatch.StartNew();
            data = IspDataGenerator.Generate(new IspDataGeneratorOptions { Seed = 19, CustomerCount = customers, Today = today });
            var open = data.Invoices.Count(i => i.Status is InvoiceStatus.Open or InvoiceStatus.PartiallyPaid && i.OpenAmount > 0);
            Console.WriteLine($"// {target}: {customers} customers, {data.Contracts.Count} contracts, {data.Invoices.Count} invoices ({open} open), " +
                $"generated in {generate.Elapsed.TotalSeconds:0.0} s; runner concurrency {concurrency}; {Environment.ProcessorCount} cores");
        }

        IBillingSystem billing;
        IAccessController controller;
        Func<long> requests;
        IAsyncDisposable? sandbox = null;
        IDisposable? client = null;
        IDisposable? child = null;
        if (target == "ixc-child")
        {
            var server = IxcSandboxProcess.Start(generatedCustomers: customers);
            child = server;
            Console.WriteLine($"// ixc-child: {customers} customers in the child sandbox ({server.OpenInvoices} open invoices); runner concurrency {concurrency}; {Environment.ProcessorCount} cores");
            var ixcClient = new IxcClient(new IxcClientOptions { BaseAddress = server.BaseUrl, UserId = server.UserId, Token = server.Token }, timeProvider: clock);
            client = ixcClient;
            billing = ixcClient.AsBillingSystem();
            controller = ixcClient.AsAccessController();
            requests = () => -1; // counted in the child; see the in-process "ixc" run for request counts
        }
        else if (target == "ixc")
        {
            var ixc = await IxcSandbox.StartAsync(new IxcSandboxOptions { Data = data, TimeProvider = clock });
            sandbox = ixc;
            var ixcClient = new IxcClient(new IxcClientOptions { BaseAddress = ixc.BaseUrl, UserId = ixc.UserId, Token = ixc.Token }, timeProvider: clock);
            client = ixcClient;
            billing = ixcClient.AsBillingSystem();
            controller = ixcClient.AsAccessController();
            requests = () => ixc.RequestCount;
        }
        else
        {
            var fake = new FakeBillingSystem(data!, clock);
            billing = fake;
            controller = fake.AccessController;
            requests = () => fake.TotalCalls;
        }
        data = null; // the generated set is now held by the target only
        var sender = new CountingSender();
        var runner = new DunningRunner(billing, DunningSchedule.Rgc765, sender, [controller],
            new DunningRunnerOptions { TimeProvider = clock, MaxConcurrency = concurrency });

        try
        {
            if (args.Contains("--phases"))
            {
                GC.Collect();
                await PhasesAsync(billing, runner.Planner, clock);
            }
            await MeasureAsync("first run", runner, requests, sender);
            if (int.TryParse(Environment.GetEnvironmentVariable("DUNNING_SCALE_PAUSE_SECONDS"), CultureInfo.InvariantCulture, out var pause) && pause > 0)
            {
                // Diagnostics: time to take a heap snapshot of what stays live between the runs (dotnet-gcdump collect -p PID).
                Console.WriteLine($"// paused {pause} s after the first run: pid {Environment.ProcessId}, live {Mb(GC.GetTotalMemory(true))} MB");
                var info = GC.GetGCMemoryInfo(GCKind.FullBlocking);
                Console.WriteLine($"// GCMemoryInfo: heap {Mb(info.HeapSizeBytes)} MB, fragmented {Mb(info.FragmentedBytes)} MB, committed {Mb(info.TotalCommittedBytes)} MB, promoted {Mb(info.PromotedBytes)} MB; " +
                    string.Join(", ", Enumerable.Range(0, info.GenerationInfo.Length).Select(g =>
                        $"gen{g} {Mb(info.GenerationInfo[g].SizeAfterBytes)} MB (frag {Mb(info.GenerationInfo[g].FragmentationAfterBytes)})")));
                Console.WriteLine($"// GC.GetTotalAllocatedBytes {Mb(GC.GetTotalAllocatedBytes())} MB; threads {System.Diagnostics.Process.GetCurrentProcess().Threads.Count}");
                await Task.Delay(TimeSpan.FromSeconds(pause));
            }
            clock.Shift += TimeSpan.FromHours(2);
            await MeasureAsync("same-day re-run (+2 h)", runner, requests, sender);
            if (Environment.GetEnvironmentVariable("DUNNING_SCALE_DEBUG") == "1")
            {
                Console.WriteLine($"// debug: live {Mb(GC.GetTotalMemory(true))} MB with runner, client and target");
                runner = null!;
                Console.WriteLine($"// debug: live {Mb(GC.GetTotalMemory(true))} MB without the runner (ledger)");
                client?.Dispose();
                client = null;
                billing = null!;
                controller = null!;
                Console.WriteLine($"// debug: live {Mb(GC.GetTotalMemory(true))} MB without the client");
            }
        }
        finally
        {
            client?.Dispose();
            child?.Dispose();
            if (sandbox is not null) await sandbox.DisposeAsync();
        }
    }

    private static async Task MeasureAsync(string name, DunningRunner runner, Func<long> requests, CountingSender sender)
    {
        // Leave the previous run's stack first: its continuation chain runs inline on top of the finished run's frames.
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
        using var process = Process.GetCurrentProcess();
        var cpuBefore = process.TotalProcessorTime;
        var watch = Stopwatch.StartNew();
        var report = await runner.RunAsync();
        watch.Stop();
        process.Refresh();
        var cpu = process.TotalProcessorTime - cpuBefore;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"// {name}: {watch.Elapsed.TotalSeconds:0.00} s (CPU {cpu.TotalSeconds:0.00} s), {report.Customers} customers, " +
            $"{(requestsBefore < 0 ? "n/a" : (requests() - requestsBefore).ToString(CultureInfo.InvariantCulture))} ERP requests " +
            $"({report.DebtReads} per-customer debt reads), {report.Count(DunningResultStatus.Executed)} executed " +
            $"({sender.Sent - sentBefore} messages), {report.Count(DunningResultStatus.Deferred)} deferred, {report.Count(DunningResultStatus.Skipped)} skipped, " +
            $"{report.Count(DunningResultStatus.Failed)} failed, {report.CustomerFailures.Count} customers failed; " +
            $"managed heap {Mb(heapBefore)} MB before, peak {Mb(Interlocked.Read(ref peak))} MB (+{Mb(Interlocked.Read(ref peak) - heapBefore)} MB), " +
            $"{Mb(GC.GetTotalMemory(forceFullCollection: true))} MB live after; gen2 GCs {GC.CollectionCount(2) - gcBefore}"));
    }

    /// <summary>Diagnostics: the listing alone, then planning alone (no I/O), so a slow run can be attributed.</summary>
    private static async Task PhasesAsync(IBillingSystem billing, DunningPlanner planner, TimeProvider clock)
    {
        var watch = Stopwatch.StartNew();
        var byCustomer = new Dictionary<string, List<Invoice>>(StringComparer.Ordinal);
        await foreach (var invoice in billing.ListOpenInvoicesAsync(InvoiceQuery.All))
        {
            if (!byCustomer.TryGetValue(invoice.CustomerId, out var list)) byCustomer[invoice.CustomerId] = list = [];
            list.Add(invoice);
        }
        var listing = watch.Elapsed;
        watch.Restart();
        var at = BrazilTime.Now(clock);
        var today = DateOnly.FromDateTime(at.DateTime);
        var actions = 0;
        foreach (var (id, invoices) in byCustomer)
            actions += planner.Plan(DebtStatus.FromInvoices(id, today, invoices), at).Count;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"// phases: listing {listing.TotalSeconds:0.00} s ({byCustomer.Count} customers), planning alone {watch.Elapsed.TotalSeconds:0.00} s ({actions} actions, one thread)"));
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
