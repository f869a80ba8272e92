using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using Cobranca.Connectors.MikroTik;
using Cobranca.Connectors.Testing.RouterOs;

namespace Cobranca.Connectors.Benchmarks;

/// <summary>
/// The two halves of a pipelined RouterOS add, measured apart (per command: Mean and Allocated are divided by the 1 000
/// commands of one invocation), no link delay:
/// <list type="bullet">
/// <item><b>client</b>: <c>RouterOsConnection.ExecuteAsync</c> for 1 000 <c>add</c>s started at once (window 128) against
/// <see cref="EchoRouter"/>, a minimal server that answers each sentence with a pre-built <c>!done =ret=</c> and its tag
/// (its own cost is a scan for the tag and a copy): encode, send, window, reply parsing, tag matching, result objects.</item>
/// <item><b>emulator</b>: the <c>RouterOsEmulator</c>'s side of the same 1 000 adds: a raw socket writes pre-encoded
/// sentences (128 in flight) and counts the <c>!done</c> replies: decoding, command handling, the table insert, the
/// reply encoding.</item>
/// </list>
/// Run: dotnet run -c Release --project bench/Cobranca.Connectors.Benchmarks -- --filter '*RouterOsHotPath*' (about 20 s)
/// </summary>
[Config(typeof(HotPathConfig))]
[MemoryDiagnoser]
public class RouterOsHotPathBenchmarks
{
    /// <summary>
    /// In-process (nothing to build), 3 warm-ups and 15 iterations of 1 000 commands; thread-pool work items and lock
    /// contentions per command; and the process CPU time per command, which a busy machine disturbs less than the wall clock.
    /// </summary>
    private sealed class HotPathConfig : ManualConfig
    {
        public HotPathConfig()
        {
            AddJob(Job.Default.WithToolchain(InProcessEmitToolchain.Instance)
                .WithLaunchCount(1).WithWarmupCount(3).WithIterationCount(15).WithInvocationCount(1).WithUnrollFactor(1).WithId("InProcess15"));
            AddDiagnoser(BenchmarkDotNet.Diagnosers.ThreadingDiagnoser.Default);
            AddColumn(CpuColumn());
        }
    }

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, (double CpuMs, long Ops)> Cpu = new();
    private TimeSpan _cpuAtStart;

    private void StartCpu() => _cpuAtStart = System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime;

    private void StopCpu(string method) => Cpu.AddOrUpdate(method,
        _ => ((System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime - _cpuAtStart).TotalMilliseconds, Commands),
        (_, v) => (v.CpuMs + (System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime - _cpuAtStart).TotalMilliseconds, v.Ops + Commands));

    [IterationSetup(Target = nameof(ClientAdds))]
    public void SetupClientRound() => StartCpu();

    [IterationCleanup(Target = nameof(ClientAdds))]
    public void CleanupClientRound() => StopCpu(nameof(ClientAdds));

    [IterationCleanup(Target = nameof(EmulatorAdds))]
    public void CleanupEmulatorRound() => StopCpu(nameof(EmulatorAdds));

    /// <summary>Process CPU time (all threads, both ends) per command, over every iteration including warm-ups.</summary>
    private static BenchColumn CpuColumn() => new("CPU/command", "Process CPU time per command (both ends of the socket), every iteration",
        (_, benchmarkCase) => Cpu.TryGetValue(benchmarkCase.Descriptor.WorkloadMethod.Name, out var v) && v.Ops > 0
            ? (v.CpuMs * 1000 / v.Ops).ToString("0.0", CultureInfo.InvariantCulture) + " us"
            : "?");

    private const int Commands = 1_000;
    private const int Window = 128;
    private EchoRouter _echo = null!;
    private RouterOsConnection _connection = null!;
    private RouterOsCommand[] _adds = [];
    private RouterOsEmulator _emulator = null!;
    private TcpClient _raw = null!;
    private NetworkStream _rawStream = null!;
    private byte[][] _rawAdds = [];
    private int _round;

    [GlobalSetup]
    public async Task SetupAsync()
    {
        _echo = EchoRouter.Start();
        _connection = await RouterOsConnection.OpenAsync(new RouterOsClientOptions
        {
            Host = "127.0.0.1", Port = _echo.Port, User = "admin", Password = "x", MaxInFlight = Window,
        });
        _adds = Enumerable.Range(0, Commands).Select(i => new RouterOsCommand("/ip/firewall/address-list/add")
            .With("list", "bloqueados").With("address", RouterOsApplyBenchmarks.Ip(i)).With("comment", "cobranca:contract=" + i)).ToArray();

        _emulator = await RouterOsEmulator.StartAsync(new RouterOsEmulatorOptions { Password = "bench" });
        _raw = new TcpClient { NoDelay = true };
        await _raw.ConnectAsync(IPAddress.Loopback, _emulator.Port);
        _rawStream = _raw.GetStream();
        await _rawStream.WriteAsync(Sentence("/login", "=name=admin", "=password=bench", ".tag=login"));
        await CountDonesAsync(1);
    }

    [IterationSetup(Target = nameof(EmulatorAdds))]
    public void SetupEmulatorRound()
    {
        _emulator.AddressLists.Clear();
        var round = _round++;
        _rawAdds = Enumerable.Range(0, Commands).Select(i => Sentence("/ip/firewall/address-list/add", "=list=bloqueados",
            "=address=" + RouterOsApplyBenchmarks.Ip(i), "=comment=cobranca:contract=" + i,
            ".tag=" + (round * Commands + i).ToString(CultureInfo.InvariantCulture))).ToArray();
        StartCpu();
    }

    [Benchmark(OperationsPerInvoke = Commands, Description = "client: pipelined add (encode, send, parse, match)")]
    public async Task<int> ClientAdds()
    {
        var tasks = new Task<RouterOsResponse>[Commands];
        for (var i = 0; i < tasks.Length; i++) tasks[i] = _connection.ExecuteAsync(_adds[i]);
        var done = await Task.WhenAll(tasks);
        return done.Length;
    }

    [Benchmark(OperationsPerInvoke = Commands, Description = "emulator: add handled (decode, execute, reply)")]
    public async Task<int> EmulatorAdds()
    {
        var slots = new SemaphoreSlim(Window);
        var reader = Task.Run(() => CountDonesAsync(Commands, slots));
        // At most Window commands unanswered, like the client's window; written 32 at a time.
        for (var i = 0; i < Commands; i += 32)
        {
            var batch = _rawAdds.Skip(i).Take(32).ToList();
            foreach (var _ in batch) await slots.WaitAsync();
            await _rawStream.WriteAsync(batch.SelectMany(b => b).ToArray());
        }
        var n = await reader;
        if (_emulator.AddressLists.Count != Commands) throw new InvalidOperationException("the emulator did not add every entry");
        return n;
    }

    private async Task<int> CountDonesAsync(int expected, SemaphoreSlim? slots = null)
    {
        var buffer = new byte[64 * 1024];
        var carry = new List<byte>();
        var dones = 0;
        while (dones < expected)
        {
            var read = await _rawStream.ReadAsync(buffer);
            if (read == 0) throw new EndOfStreamException();
            carry.AddRange(buffer.AsSpan(0, read));
            var n = CountCompleteDones(carry);
            dones += n;
            if (n > 0) slots?.Release(n);
        }
        return dones;
    }

    /// <summary>Removes the complete sentences at the start of <paramref name="bytes"/> and counts the <c>!done</c> ones.</summary>
    private static int CountCompleteDones(List<byte> bytes)
    {
        var span = System.Runtime.InteropServices.CollectionsMarshal.AsSpan(bytes);
        var at = 0;
        var dones = 0;
        while (true)
        {
            var p = at;
            var first = true;
            var isDone = false;
            var complete = false;
            while (p < span.Length)
            {
                int len = span[p];
                if (len >= 0x80) throw new InvalidDataException("the benchmark reader handles short words only");
                if (len == 0)
                {
                    p++;
                    complete = true;
                    break;
                }
                if (p + 1 + len > span.Length) break;
                if (first) isDone = span.Slice(p + 1, len).SequenceEqual("!done"u8);
                first = false;
                p += 1 + len;
            }
            if (!complete) break;
            if (isDone) dones++;
            at = p;
        }
        bytes.RemoveRange(0, at);
        return dones;
    }

    private static byte[] Sentence(params string[] words)
    {
        var ms = new MemoryStream();
        foreach (var w in words)
        {
            var b = Encoding.UTF8.GetBytes(w);
            ms.WriteByte((byte)b.Length);
            ms.Write(b);
        }
        ms.WriteByte(0);
        return ms.ToArray();
    }

    [GlobalCleanup]
    public async Task CleanupAsync()
    {
        await _connection.DisposeAsync();
        await _echo.DisposeAsync();
        _raw.Dispose();
        await _emulator.DisposeAsync();
    }

    /// <summary>Answers every sentence with <c>!done =ret=*1 .tag=&lt;its tag&gt;</c> (words under 128 bytes only).</summary>
    private sealed class EchoRouter : IAsyncDisposable
    {
        private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
        private readonly CancellationTokenSource _stop = new();
        private Task _loop = Task.CompletedTask;

        public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

        public static EchoRouter Start()
        {
            var r = new EchoRouter();
            r._listener.Start();
            r._loop = Task.Run(r.ServeAsync);
            return r;
        }

        private async Task ServeAsync()
        {
            using var client = await _listener.AcceptTcpClientAsync(_stop.Token);
            client.NoDelay = true;
            var stream = client.GetStream();
            var input = new byte[256 * 1024];
            var output = new byte[256 * 1024];
            var have = 0;
            try
            {
                while (true)
                {
                    var read = await stream.ReadAsync(input.AsMemory(have), _stop.Token);
                    if (read == 0) return;
                    have += read;
                    int at = 0, outAt = 0;
                    while (TryReply(input.AsSpan(at, have - at), output.AsSpan(outAt), out var used, out var written))
                    {
                        at += used;
                        outAt += written;
                    }
                    input.AsSpan(at, have - at).CopyTo(input);
                    have -= at;
                    if (outAt > 0) await stream.WriteAsync(output.AsMemory(0, outAt), _stop.Token);
                }
            }
            catch (Exception ex) when (ex is IOException or OperationCanceledException or SocketException)
            {
                // closed
            }
        }

        private static bool TryReply(ReadOnlySpan<byte> input, Span<byte> output, out int used, out int written)
        {
            used = written = 0;
            var p = 0;
            ReadOnlySpan<byte> tag = default;
            var login = false;
            while (true)
            {
                if (p >= input.Length) return false;
                int len = input[p++];
                if (len == 0) break;
                if (p + len > input.Length) return false;
                var word = input.Slice(p, len);
                if (word.StartsWith(".tag="u8)) tag = word;
                if (word.SequenceEqual("/login"u8)) login = true;
                p += len;
            }
            used = p;
            ReadOnlySpan<byte> done = [5, (byte)'!', (byte)'d', (byte)'o', (byte)'n', (byte)'e', 7, (byte)'=', (byte)'r', (byte)'e', (byte)'t', (byte)'=', (byte)'*', (byte)'1'];
            if (login) done = done[..6]; // a plain login is answered with a bare !done
            done.CopyTo(output);
            written = done.Length;
            output[written++] = (byte)tag.Length;
            tag.CopyTo(output[written..]);
            written += tag.Length;
            output[written++] = 0;
            return true;
        }

        public async ValueTask DisposeAsync()
        {
            await _stop.CancelAsync();
            _listener.Stop();
            try
            {
                await _loop;
            }
            catch (Exception ex) when (ex is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                // stopped
            }
            _stop.Dispose();
        }
    }
}
