using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;

namespace Cobranca.Connectors.Testing.RouterOs;

/// <summary>
/// An in-process RouterOS API server on 127.0.0.1 (ephemeral port) that speaks the real wire protocol, so any client
/// (the SDK's, librouteros, node-routeros ...) can talk to it. It keeps in-memory menus
/// (<see cref="AddressLists"/>, <see cref="PppSecrets"/>, <see cref="PppActive"/>, <see cref="PppProfiles"/>,
/// <see cref="SimpleQueues"/>) with <c>print</c> (queries, <c>.proplist</c>, <c>count-only</c>), <c>add</c>, <c>set</c>,
/// <c>remove</c>, <c>enable</c>, <c>disable</c>; both login methods; tags on every reply; <c>/cancel</c>;
/// <c>!empty</c> from 7.18; router-like <c>!trap</c> texts ("failure: already have such entry", "no such item").
/// Faults can be injected at run time: per-command latency, a dropped connection or a <c>!fatal</c> after N sentences.
/// </summary>
/// <example>
/// <code>
/// await using var router = await RouterOsEmulator.StartAsync(new RouterOsEmulatorOptions { Password = "s3cret" });
/// router.CommandLatency = TimeSpan.FromMilliseconds(2);
/// // connect any RouterOS API client to router.Host : router.Port
/// </code>
/// </example>
public sealed class RouterOsEmulator : IAsyncDisposable
{
    private readonly TcpListener _listener;
    private readonly CancellationTokenSource _stop = new();
    private readonly ConcurrentDictionary<EmulatorSession, byte> _sessions = new();
    private readonly ConcurrentDictionary<string, TimeSpan> _latencyByCommand = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, int> _commandCounts = new(StringComparer.Ordinal);
    private readonly Dictionary<string, RouterOsEmulatorTable> _tables;
    private Task _acceptLoop = Task.CompletedTask;
    private int _dropAfter = -1;
    private int _fatalAfter = -1;
    private int _connections;
    private int _logins;
    private long _rowsExamined;

    private RouterOsEmulator(RouterOsEmulatorOptions options)
    {
        Options = options;
        _listener = new TcpListener(IPAddress.Loopback, 0);
        var no = new Dictionary<string, string>();
        Func<System.Text.Encoding> seed = () => Options.Windows1252Replies ? System.Text.Encoding.Latin1 : System.Text.Encoding.UTF8;
        AddressLists = new RouterOsEmulatorTable(Sync, seed, "/ip/firewall/address-list", ["list", "address"], "failure: already have such entry",
            ["list", "address"], new Dictionary<string, string> { ["disabled"] = "false", ["dynamic"] = "false" }, true, ["list", "address"]);
        Ipv6AddressLists = new RouterOsEmulatorTable(Sync, seed, "/ipv6/firewall/address-list", ["list", "address"], "failure: already have such entry",
            ["list", "address"], new Dictionary<string, string> { ["disabled"] = "false", ["dynamic"] = "false" }, true, ["list", "address"]);
        PppSecrets = new RouterOsEmulatorTable(Sync, seed, "/ppp/secret", ["name"], "failure: secret with the same name already exists",
            ["name"], new Dictionary<string, string> { ["service"] = "any", ["profile"] = "default", ["disabled"] = "false" }, true, ["name", "profile"]);
        PppActive = new RouterOsEmulatorTable(Sync, seed, "/ppp/active", [], string.Empty, ["name"],
            new Dictionary<string, string> { ["service"] = "pppoe", ["uptime"] = "1h" }, false, ["name", "address"]);
        PppProfiles = new RouterOsEmulatorTable(Sync, seed, "/ppp/profile", ["name"], "failure: profile with the same name already exists",
            ["name"], no, true, ["name"]);
        SimpleQueues = new RouterOsEmulatorTable(Sync, seed, "/queue/simple", ["name"], "failure: already have such name",
            ["name", "target"], new Dictionary<string, string> { ["max-limit"] = "0/0", ["disabled"] = "false" }, true, ["name", "target"]);
        PppProfiles.Add(new Dictionary<string, string> { ["name"] = "default" });
        _tables = new[] { AddressLists, Ipv6AddressLists, PppSecrets, PppActive, PppProfiles, SimpleQueues }.ToDictionary(t => t.Path, StringComparer.Ordinal);
    }

    /// <summary>Starts an emulator listening on 127.0.0.1 with an ephemeral port.</summary>
    /// <param name="options">Settings; defaults when null.</param>
    /// <param name="cancellationToken">Cancels the start.</param>
    public static Task<RouterOsEmulator> StartAsync(RouterOsEmulatorOptions? options = null, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var emulator = new RouterOsEmulator(options ?? new RouterOsEmulatorOptions());
        emulator._listener.Start();
        emulator._acceptLoop = Task.Run(emulator.AcceptLoopAsync);
        return Task.FromResult(emulator);
    }

    /// <summary>The settings the emulator was started with (may be changed between connections).</summary>
    public RouterOsEmulatorOptions Options { get; }

    /// <summary>Host to connect to: <c>127.0.0.1</c>.</summary>
    public string Host => IPAddress.Loopback.ToString();

    /// <summary>The TCP port the emulator listens on.</summary>
    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    /// <summary><c>/ip/firewall/address-list</c>; unique by list + address.</summary>
    public RouterOsEmulatorTable AddressLists { get; }

    /// <summary><c>/ipv6/firewall/address-list</c>; unique by list + address (addresses are prefixes such as <c>2001:db8:100::/56</c>).</summary>
    public RouterOsEmulatorTable Ipv6AddressLists { get; }

    /// <summary><c>/ppp/secret</c>; unique by name.</summary>
    public RouterOsEmulatorTable PppSecrets { get; }

    /// <summary>
    /// <c>/ppp/active</c> (sessions; seed them here, the API can only print and remove = kick). Besides <c>name</c> and
    /// <c>address</c>, a dual-stack session can carry its IPv6 prefixes in <c>remote-ipv6-prefix</c> (the link prefix)
    /// and <c>delegated-ipv6-prefix</c> (DHCPv6-PD), e.g. <c>2001:db8:100::/56</c>.
    /// </summary>
    public RouterOsEmulatorTable PppActive { get; }

    /// <summary><c>/ppp/profile</c>; unique by name; starts with <c>default</c>.</summary>
    public RouterOsEmulatorTable PppProfiles { get; }

    /// <summary><c>/queue/simple</c>; unique by name.</summary>
    public RouterOsEmulatorTable SimpleQueues { get; }

    /// <summary>
    /// The network round trip: half of it delays each command on its way in (it executes on arrival, in order) and half
    /// delays each reply on its way out. Commands are not serialised: a pipelining client has many on the wire at once,
    /// so this models a WAN link fairly for pipelined and one-at-a-time clients alike. Each chunk is released at its own
    /// due time by a delivery thread per direction with a sub-millisecond sleep (not a timer tick), never early, so a
    /// 2 ms setting costs a one-at-a-time client about 2 ms plus its own work. Default zero.
    /// </summary>
    public TimeSpan CommandLatency { get; set; }

    /// <summary>
    /// When true, new connections are closed before login (the router is down or unreachable); existing ones are not
    /// touched. See also <see cref="StayOfflineAfterDrop"/>.
    /// </summary>
    public bool Offline { get; set; }

    /// <summary>When true, the <see cref="DropConnectionAfterSentences"/> fault also sets <see cref="Offline"/> (the router dies and stays down).</summary>
    public bool StayOfflineAfterDrop { get; set; }

    /// <summary>
    /// One-shot fault: the connection is dropped (plain EOF) when the N-th command sentence after login arrives; that
    /// sentence and those after it are not executed. Counted across connections; reset to null once it fires.
    /// </summary>
    public int? DropConnectionAfterSentences
    {
        get => _dropAfter < 0 ? null : _dropAfter;
        set => Interlocked.Exchange(ref _dropAfter, value ?? -1);
    }

    /// <summary>One-shot fault like <see cref="DropConnectionAfterSentences"/> but the router first sends <c>!fatal</c>.</summary>
    public int? FatalAfterSentences
    {
        get => _fatalAfter < 0 ? null : _fatalAfter;
        set => Interlocked.Exchange(ref _fatalAfter, value ?? -1);
    }

    /// <summary>The reason word sent with an injected <c>!fatal</c>.</summary>
    public string FatalMessage { get; set; } = "session terminated on request";

    /// <summary>
    /// Rows evaluated by <c>print</c> queries so far. An equality query on an indexed property (name, address, list,
    /// target) examines only the matching rows, not the whole table.
    /// </summary>
    public long RowsExamined => Interlocked.Read(ref _rowsExamined);

    /// <summary>Connections accepted so far.</summary>
    public int ConnectionCount => Volatile.Read(ref _connections);

    /// <summary>Successful logins so far.</summary>
    public int LoginCount => Volatile.Read(ref _logins);

    /// <summary>Connections currently open.</summary>
    public int OpenConnections => _sessions.Count;

    internal object Sync { get; } = new();

    /// <summary>
    /// Sets a processing time for one command word (e.g. <c>/ppp/active/print</c>), spent on the router after the command
    /// arrived and before its reply leaves (on top of <see cref="CommandLatency"/>); other commands are not held up.
    /// </summary>
    public void SetLatency(string command, TimeSpan latency) => _latencyByCommand[command] = latency;

    /// <summary>How many times a command word (e.g. <c>/ip/firewall/address-list/add</c>) was received after login.</summary>
    public int CountCommands(string command) => _commandCounts.TryGetValue(command, out var n) ? n : 0;

    /// <summary>The menu at <paramref name="path"/> (e.g. <c>/queue/simple</c>).</summary>
    public RouterOsEmulatorTable Table(string path) =>
        _tables.TryGetValue(path, out var t) ? t : throw new KeyNotFoundException($"The emulator has no menu {path}.");

    /// <summary>Closes every client connection (plain EOF), as a router reboot would.</summary>
    public void DisconnectAll()
    {
        foreach (var s in _sessions.Keys) s.Abort();
    }

    internal bool TryGetTable(string path, out RouterOsEmulatorTable table) => _tables.TryGetValue(path, out table!);

    internal TimeSpan ProcessingTimeFor(string command) => _latencyByCommand.TryGetValue(command, out var l) ? l : TimeSpan.Zero;

    internal TimeSpan OneWayDelay => CommandLatency / 2;

    internal void AfterDropFault()
    {
        if (StayOfflineAfterDrop) Offline = true;
    }

    internal void CountCommand(string command) => _commandCounts.AddOrUpdate(command, 1, (_, n) => n + 1);

    internal void CountExamined(int rows) => Interlocked.Add(ref _rowsExamined, rows);

    internal void CountLogin() => Interlocked.Increment(ref _logins);

    /// <summary>Decrements the one-shot fault counters; returns which fault fires for this sentence.</summary>
    internal (bool Drop, bool Fatal) NextSentenceFault()
    {
        return (Fire(ref _dropAfter), Fire(ref _fatalAfter));

        static bool Fire(ref int counter)
        {
            while (true)
            {
                var current = Volatile.Read(ref counter);
                if (current < 0) return false;
                var next = current <= 1 ? -1 : current - 1;
                if (Interlocked.CompareExchange(ref counter, next, current) == current) return current <= 1;
            }
        }
    }

    internal static string Normalize(string key, string value) => key is "disabled" or "dynamic" or "invalid"
        ? value switch { "yes" or "true" => "true", "no" or "false" => "false", _ => value }
        : value;

    private async Task AcceptLoopAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync(_stop.Token).ConfigureAwait(false);
            }
            catch (Exception) when (_stop.IsCancellationRequested)
            {
                return;
            }
            catch (SocketException)
            {
                continue;
            }
            Interlocked.Increment(ref _connections);
            if (Offline)
            {
                client.Dispose();
                continue;
            }
            var session = new EmulatorSession(this, client, _stop.Token);
            _sessions[session] = 0;
            _ = Task.Run(async () =>
            {
                try
                {
                    await session.RunAsync().ConfigureAwait(false);
                }
                finally
                {
                    _sessions.TryRemove(session, out _);
                    session.Dispose();
                }
            });
        }
    }

    /// <summary>Stops listening and closes every connection.</summary>
    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        _listener.Stop();
        DisconnectAll();
        try
        {
            await _acceptLoop.ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // stopping
        }
        _stop.Dispose();
    }
}
