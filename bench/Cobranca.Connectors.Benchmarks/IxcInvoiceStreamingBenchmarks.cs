using System.Diagnostics;
using BenchmarkDotNet.Attributes;
using Cobranca.Connectors.Abstractions;
using Cobranca.Connectors.Ixc;

namespace Cobranca.Connectors.Benchmarks;

/// <summary>
/// Streams about 100 000 open invoices from the IXC sandbox through <see cref="IBillingSystem.ListOpenInvoicesAsync"/>
/// (paged, next page prefetched while the current one is consumed), the way a dunning run reads the whole base.
/// The sandbox runs in a child process serving an <see cref="Testing.IspDataGenerator"/> ISP of 59 000 customers
/// (≈ 100 000 open invoices, rendered as IXC rows: ~45 string fields each). Baseline: materialising everything into a
/// list first. Each case runs in its own process, so besides BenchmarkDotNet's allocations the peak managed heap
/// (sampled every 1 000 invoices, garbage not yet collected included) and the process' peak working set are printed
/// as "// peak" lines. Run: --filter '*IxcInvoiceStreaming*'.
/// </summary>
[SimpleJob(launchCount: 1, warmupCount: 1, iterationCount: 3, invocationCount: 1)]
[MemoryDiagnoser]
public class IxcInvoiceStreamingBenchmarks
{
    private const int Customers = 59_000;
    private IxcSandboxProcess _server = null!;
    private IxcClient _client = null!;
    private IBillingSystem _billing = null!;
    private long _heapBefore;
    private long _heapPeak;

    [GlobalSetup]
    public void Setup()
    {
        _server = IxcSandboxProcess.Start(generatedCustomers: Customers);
        _client = new IxcClient(new IxcClientOptions { BaseAddress = _server.BaseUrl, UserId = _server.UserId, Token = _server.Token });
        _billing = _client.AsBillingSystem();
        Console.WriteLine($"// sandbox serves {_server.OpenInvoices} open invoices");
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _client.Dispose();
        _server.Dispose();
    }

    [IterationSetup]
    public void StartSampling()
    {
        _heapBefore = GC.GetTotalMemory(forceFullCollection: true);
        _heapPeak = _heapBefore;
    }

    [IterationCleanup]
    public void Report()
    {
        using var process = Process.GetCurrentProcess();
        Console.WriteLine($"// peak managed heap {Mb(_heapPeak)} MB (+{Mb(_heapPeak - _heapBefore)} MB over the {Mb(_heapBefore)} MB before), " +
            $"peak working set {Mb(process.PeakWorkingSet64)} MB");
    }

    [Benchmark(Baseline = true)]
    public async Task<int> Materialise_ToList_Page500()
    {
        var all = new List<Invoice>();
        await foreach (var invoice in _billing.ListOpenInvoicesAsync(new InvoiceQuery { PageSize = 500 }))
        {
            all.Add(invoice);
            Sample(all.Count);
        }
        return Check(all.Count);
    }

    [Benchmark]
    public Task<int> Stream_Page500() => StreamAsync(500);

    [Benchmark]
    public Task<int> Stream_Page2000() => StreamAsync(2000);

    private async Task<int> StreamAsync(int pageSize)
    {
        var count = 0;
        var total = 0m;
        await foreach (var invoice in _billing.ListOpenInvoicesAsync(new InvoiceQuery { PageSize = pageSize }))
        {
            total += invoice.OpenAmount; // what a dunning run does: look at each invoice once, keep nothing
            Sample(++count);
        }
        return total > 0 ? Check(count) : 0;
    }

    private void Sample(int count)
    {
        if (count % 1000 != 0) return;
        var heap = GC.GetTotalMemory(forceFullCollection: false);
        if (heap > _heapPeak) _heapPeak = heap;
    }

    private int Check(int count) =>
        count == _server.OpenInvoices ? count : throw new InvalidOperationException($"Streamed {count} of {_server.OpenInvoices} open invoices.");

    private static string Mb(long bytes) => (bytes / (1024.0 * 1024.0)).ToString("0.0", System.Globalization.CultureInfo.InvariantCulture);
}
