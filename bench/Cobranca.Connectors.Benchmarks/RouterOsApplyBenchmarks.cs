using System.Globalization;
using System.Net;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using Cobranca.Connectors.Abstractions;
using Cobranca.Connectors.MikroTik;
using Cobranca.Connectors.Testing.RouterOs;

namespace Cobranca.Connectors.Benchmarks;

/// <summary>
/// Address-list changes against the RouterOS emulator over a fair link model: <c>CommandLatency</c> = 2 ms round trip,
/// 1 ms on the way in and 1 ms on the way out, each chunk released at its due time (sub-millisecond, not a timer tick),
/// commands not serialised (a pipelining client has many on the wire). The link's actual one-command round trip is
/// measured at each setup and shown in the "Seq. RTT measured" column. Means are <b>per change</b>
/// (<c>OperationsPerInvoke</c>), so Ratio and Speed-up compare per-change costs against the group's baseline in the same run:
/// <list type="bullet">
/// <item><b>adds</b>: blocks only (every command is an <c>add</c>, the API has no multi-add): <c>ApplyAsync</c> on 1 000 and
/// 10 000, against the same client sending one <c>add</c> at a time and awaiting each reply (1 000; the one-at-a-time cost
/// is one round trip per add, so it is linear).</item>
/// <item><b>mixed</b>: half unblocks (removes, comma-batched by <c>ApplyAsync</c>) and half blocks, 1 000 changes, against one
/// command at a time (removes by an id learned from one up-front read).</item>
/// </list>
/// Short job (1 warm-up, 3 iterations, 1 invocation each); the "Load avg" column says how busy the machine was.
/// Run: dotnet run -c Release --project bench/Cobranca.Connectors.Benchmarks -- --filter '*RouterOsApply*'
/// </summary>
[Config(typeof(RouterOsBenchConfig))]
[MemoryDiagnoser]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class RouterOsApplyBenchmarks
{
    private const string List = "bloqueados";
    private RouterOsEmulator _router = null!;
    private MikroTikAccessController _controller = null!;
    private List<AccessCommand> _commands = [];
    private int _expected;

    [GlobalSetup]
    public async Task SetupAsync()
    {
        _router = await RouterOsEmulator.StartAsync(new RouterOsEmulatorOptions { Password = "bench" });
        _router.CommandLatency = RouterOsLink.Setting;
        _controller = new MikroTikAccessController(new MikroTikAccessControllerOptions
        {
            Host = _router.Host,
            Port = _router.Port,
            User = "admin",
            Password = "bench",
            AddressList = List,
        });
        await _controller.Client.ConnectAsync();
        await RouterOsLink.ProbeAsync(_controller.Client);
    }

    [IterationSetup(Targets = [nameof(AddsPipelined10k)])]
    public void SeedAdds10k() => Seed(10_000, removes: 0);

    [IterationSetup(Targets = [nameof(AddsPipelined1k), nameof(AddsOneAtATime1k)])]
    public void SeedAdds1k() => Seed(1_000, removes: 0);

    [IterationSetup(Targets = [nameof(MixedPipelined1k), nameof(MixedOneAtATime1k)])]
    public void SeedMixed1k() => Seed(1_000, removes: 500);

    private void Seed(int changes, int removes)
    {
        _router.AddressLists.Clear();
        for (var i = 0; i < removes; i++)
            _router.AddressLists.Add(new Dictionary<string, string> { ["list"] = List, ["address"] = Ip(i) });
        _commands = Enumerable.Range(0, removes).Select(i => AccessCommand.ToUnblock(Subscriber.ForIp(IPAddress.Parse(Ip(i)))))
            .Concat(Enumerable.Range(removes, changes - removes).Select(i => AccessCommand.ToBlock(Subscriber.ForIp(IPAddress.Parse(Ip(i))))))
            .ToList();
        _expected = changes - removes;
    }

    [BenchmarkCategory("adds"), Benchmark(Baseline = true, OperationsPerInvoke = 1_000, Description = "adds: one at a time")]
    public Task<int> AddsOneAtATime1k() => OneAtATimeAsync();

    [BenchmarkCategory("adds"), Benchmark(OperationsPerInvoke = 1_000, Description = "adds: ApplyAsync (pipelined)")]
    public Task<int> AddsPipelined1k() => PipelinedAsync();

    [BenchmarkCategory("adds"), Benchmark(OperationsPerInvoke = 10_000, Description = "adds: ApplyAsync (pipelined)")]
    public Task<int> AddsPipelined10k() => PipelinedAsync();

    [BenchmarkCategory("mixed"), Benchmark(Baseline = true, OperationsPerInvoke = 1_000, Description = "mixed: one at a time")]
    public Task<int> MixedOneAtATime1k() => OneAtATimeAsync();

    [BenchmarkCategory("mixed"), Benchmark(OperationsPerInvoke = 1_000, Description = "mixed: ApplyAsync (pipelined)")]
    public Task<int> MixedPipelined1k() => PipelinedAsync();

    private async Task<int> OneAtATimeAsync()
    {
        var client = _controller.Client;
        var ids = (await client.PrintAsync(new RouterOsCommand("/ip/firewall/address-list/print").Where("list", List).Proplist(".id", "address")))
            .ToDictionary(r => r["address"], r => r[".id"]);
        foreach (var command in _commands)
        {
            var ip = command.Subscriber.IpAddress!.ToString();
            if (command.Kind == AccessCommandKind.Unblock)
                await client.ExecuteAsync(new RouterOsCommand("/ip/firewall/address-list/remove").With(".id", ids[ip]));
            else
                await client.ExecuteAsync(new RouterOsCommand("/ip/firewall/address-list/add").With("list", List).With("address", ip));
        }
        if (_router.AddressLists.Count != _expected) throw new InvalidOperationException("baseline did not apply every change");
        return _commands.Count;
    }

    private async Task<int> PipelinedAsync()
    {
        var result = await _controller.ApplyAsync(_commands);
        if (!result.AllSucceeded || _router.AddressLists.Count != _expected) throw new InvalidOperationException(result.ToString());
        return result.Items.Count;
    }

    [GlobalCleanup]
    public async Task CleanupAsync()
    {
        await _controller.DisposeAsync();
        await _router.DisposeAsync();
    }

    internal static string Ip(int i) => string.Create(CultureInfo.InvariantCulture, $"100.{64 + (i >> 16)}.{(i >> 8) & 255}.{i & 255}");
}
