using System.Net;
using BenchmarkDotNet.Attributes;
using Cobranca.Connectors.Abstractions;
using Cobranca.Connectors.MikroTik;
using Cobranca.Connectors.Testing.RouterOs;

namespace Cobranca.Connectors.Benchmarks;

/// <summary>
/// A payment burst: 1 000 <c>UnblockAsync</c> calls started at once (address-list strategy, every subscriber blocked),
/// emulator link 2 ms round trip (1 ms each way). Coalesced (default): concurrent unblocks run as bulk rounds (one read,
/// comma-batched removes). Baseline: <c>CoalesceUnblocks = false</c>, each call does its own read and remove, pipelined on
/// the same connection. Short job; read the ratio.
/// Run: dotnet run -c Release --project bench/Cobranca.Connectors.Benchmarks -- --filter '*UnblockBurst*'
/// </summary>
[Config(typeof(RouterOsBenchConfig))]
[MemoryDiagnoser]
public class RouterOsUnblockBurstBenchmarks
{
    private const int Payments = 1_000;
    private RouterOsEmulator _router = null!;
    private MikroTikAccessController _coalesced = null!;
    private MikroTikAccessController _separate = null!;

    [GlobalSetup]
    public async Task SetupAsync()
    {
        _router = await RouterOsEmulator.StartAsync(new RouterOsEmulatorOptions { Password = "bench" });
        _router.CommandLatency = RouterOsLink.Setting;
        _coalesced = Create(coalesce: true);
        _separate = Create(coalesce: false);
        await _coalesced.Client.ConnectAsync();
        await _separate.Client.ConnectAsync();
        await RouterOsLink.ProbeAsync(_separate.Client);
    }

    private MikroTikAccessController Create(bool coalesce) => new(new MikroTikAccessControllerOptions
    {
        Host = _router.Host, Port = _router.Port, User = "admin", Password = "bench", CoalesceUnblocks = coalesce,
    });

    [IterationSetup]
    public void Seed()
    {
        _router.AddressLists.Clear();
        for (var i = 0; i < Payments; i++)
            _router.AddressLists.Add(new Dictionary<string, string> { ["list"] = "bloqueados", ["address"] = RouterOsApplyBenchmarks.Ip(i) });
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = Payments, Description = "concurrent unblocks, each on its own")]
    public Task<int> Separate() => BurstAsync(_separate);

    [Benchmark(OperationsPerInvoke = Payments, Description = "concurrent unblocks, coalesced")]
    public Task<int> Coalesced() => BurstAsync(_coalesced);

    private async Task<int> BurstAsync(MikroTikAccessController controller)
    {
        var changes = await Task.WhenAll(Enumerable.Range(0, Payments)
            .Select(i => controller.UnblockAsync(Subscriber.ForIp(IPAddress.Parse(RouterOsApplyBenchmarks.Ip(i))))));
        if (_router.AddressLists.Count != 0 || changes.Any(c => c.Outcome != AccessChangeOutcome.Applied))
            throw new InvalidOperationException("not every unblock applied");
        return changes.Length;
    }

    [GlobalCleanup]
    public async Task CleanupAsync()
    {
        await _coalesced.DisposeAsync();
        await _separate.DisposeAsync();
        await _router.DisposeAsync();
    }
}
