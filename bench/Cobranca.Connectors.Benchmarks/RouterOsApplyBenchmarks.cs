using System.Globalization;
using System.Net;
using BenchmarkDotNet.Attributes;
using Cobranca.Connectors.Abstractions;
using Cobranca.Connectors.MikroTik;
using Cobranca.Connectors.Testing.RouterOs;

namespace Cobranca.Connectors.Benchmarks;

/// <summary>
/// Address-list changes against the RouterOS emulator with 2 ms injected latency per command.
/// Half of the changes unblock (remove) existing entries, half block (add) new ones.
/// Pipelined: <see cref="MikroTikAccessController.ApplyAsync"/> (one print with .proplist, local diff, pipelined adds,
/// comma-batched removes) on 10 000 and on 1 000 changes. Baseline: the same client sending one command per change and
/// awaiting each reply (remove by an id learned from one up-front read, add directly), on 1 000 changes only: 10 000
/// sequential round trips take about a minute per invocation, and the baseline is linear in round trips, so the
/// 10 000-change ratio is (10 x baseline mean) / pipelined 10 000 mean.
/// Run: dotnet run -c Release --project bench/Cobranca.Connectors.Benchmarks -- --filter '*RouterOsApply*'
/// </summary>
[SimpleJob(launchCount: 1, warmupCount: 1, iterationCount: 3, invocationCount: 1)]
[MemoryDiagnoser]
public class RouterOsApplyBenchmarks
{
    private const string List = "bloqueados";
    private RouterOsEmulator _router = null!;
    private MikroTikAccessController _controller = null!;
    private List<AccessCommand> _commands = [];

    private int _changes;

    [GlobalSetup]
    public async Task SetupAsync()
    {
        _router = await RouterOsEmulator.StartAsync(new RouterOsEmulatorOptions { Password = "bench" });
        _router.CommandLatency = TimeSpan.FromMilliseconds(2);
        _controller = new MikroTikAccessController(new MikroTikAccessControllerOptions
        {
            Host = _router.Host,
            Port = _router.Port,
            User = "admin",
            Password = "bench",
            AddressList = List,
        });
        await _controller.Client.ConnectAsync();
    }

    [IterationSetup(Targets = [nameof(Pipelined10k)])]
    public void Seed10k() => Seed(10_000);

    [IterationSetup(Targets = [nameof(Pipelined1k), nameof(OneAtATime1k)])]
    public void Seed1k() => Seed(1_000);

    private void Seed(int changes)
    {
        _changes = changes;
        _router.AddressLists.Clear();
        var half = changes / 2;
        for (var i = 0; i < half; i++)
            _router.AddressLists.Add(new Dictionary<string, string> { ["list"] = List, ["address"] = Ip(i) });
        _commands = Enumerable.Range(0, half).Select(i => AccessCommand.ToUnblock(Subscriber.ForIp(IPAddress.Parse(Ip(i)))))
            .Concat(Enumerable.Range(half, half).Select(i => AccessCommand.ToBlock(Subscriber.ForIp(IPAddress.Parse(Ip(i))))))
            .ToList();
    }

    [Benchmark(Description = "ApplyAsync (pipelined), 10 000 changes")]
    public Task<int> Pipelined10k() => PipelinedAsync();

    [Benchmark(Description = "ApplyAsync (pipelined), 1 000 changes")]
    public Task<int> Pipelined1k() => PipelinedAsync();

    [Benchmark(Baseline = true, Description = "one command at a time, 1 000 changes")]
    public async Task<int> OneAtATime1k()
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
        if (_router.AddressLists.Count != _changes / 2) throw new InvalidOperationException("baseline did not apply every change");
        return _commands.Count;
    }

    private async Task<int> PipelinedAsync()
    {
        var result = await _controller.ApplyAsync(_commands);
        if (!result.AllSucceeded || _router.AddressLists.Count != _changes / 2) throw new InvalidOperationException(result.ToString());
        return result.Items.Count;
    }

    [GlobalCleanup]
    public async Task CleanupAsync()
    {
        await _controller.DisposeAsync();
        await _router.DisposeAsync();
    }

    private static string Ip(int i) => string.Create(CultureInfo.InvariantCulture, $"100.{64 + (i >> 16)}.{(i >> 8) & 255}.{i & 255}");
}
