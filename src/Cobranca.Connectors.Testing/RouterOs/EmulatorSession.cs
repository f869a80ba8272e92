using System.Buffers;
using System.Collections.Concurrent;
using System.Globalization;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;

namespace Cobranca.Connectors.Testing.RouterOs;

/// <summary>One client connection to the <see cref="RouterOsEmulator"/>.</summary>
internal sealed class EmulatorSession : IDisposable
{
    private readonly RouterOsEmulator _router;
    private readonly TcpClient _client;
    private readonly NetworkStream _stream;
    private readonly CancellationTokenSource _cts;
    private readonly SemaphoreSlim _writeLock = new(1, 1);
    private readonly ConcurrentDictionary<string, CancellationTokenSource> _running = new(StringComparer.Ordinal);
    private readonly object _linesGate = new();
    private DelayLines? _lines;
    private volatile bool _loggedIn;
    private string? _challenge;

    public EmulatorSession(RouterOsEmulator router, TcpClient client, CancellationToken stop)
    {
        _router = router;
        _client = client;
        _client.NoDelay = true;
        _stream = client.GetStream();
        _cts = CancellationTokenSource.CreateLinkedTokenSource(stop);
    }

    private sealed record Request(string Path, Dictionary<string, string> Attributes, List<string> Queries, string? Tag);

    public async Task RunAsync()
    {
        // The wire decoder reads through its own buffer; replies are written to the socket directly (or via the delay line).
        var wire = new EmulatorWire(_stream);
        try
        {
            while (!_cts.IsCancellationRequested)
            {
                var words = await wire.ReadAsync(_cts.Token).ConfigureAwait(false);
                if (words is null) return;
                if (words.Count == 0) continue; // empty sentences are ignored
                var oneWay = _router.OneWayDelay;
                if (oneWay > TimeSpan.Zero)
                {
                    // Network model: the sentence reaches the router one way-delay after it was read, in order; the
                    // reply leaves one way-delay after it was produced. Many commands can be on the wire at once.
                    Lines().Inbound(words, oneWay);
                    continue;
                }
                if (!await HandleAsync(words).ConfigureAwait(false)) return;
            }
        }
        catch (Exception ex) when (ex is IOException or SocketException or OperationCanceledException or InvalidDataException or ObjectDisposedException)
        {
            // The client went away or broke the framing: close like a router would.
        }
        finally
        {
            Abort();
        }
    }

    /// <summary>Handles one sentence as the router; false when the connection must close.</summary>
    private async Task<bool> HandleAsync(List<string> words)
    {
        var request = Parse(words);
        if (!_loggedIn) return await LoginAsync(request).ConfigureAwait(false);
        var (drop, fatal) = _router.NextSentenceFault();
        if (fatal)
        {
            await SendAsync([["!fatal", EmulatorText.FromText(_router.FatalMessage)]], null, immediate: true).ConfigureAwait(false);
            Abort();
            return false;
        }
        if (drop)
        {
            _router.AfterDropFault();
            Abort();
            return false;
        }
        _router.CountCommand(request.Path);
        switch (request.Path)
        {
            case "/cancel":
                if (request.Attributes.TryGetValue("tag", out var target) && _running.TryRemove(target, out var running))
                    await running.CancelAsync().ConfigureAwait(false);
                await SendAsync([["!done"]], request.Tag).ConfigureAwait(false);
                return true;
            case "/quit":
                await SendAsync([["!fatal", "session terminated on request"]], null, immediate: true).ConfigureAwait(false);
                Abort();
                return false;
        }
        var latency = _router.ProcessingTimeFor(request.Path);
        if (latency <= TimeSpan.Zero)
            await SendAsync(Execute(request), request.Tag).ConfigureAwait(false);
        else
            StartDelayed(request, latency);
        return true;
    }

    /// <summary>
    /// The two directions of a link with a fixed one-way delay: sentences are released in order at their due time
    /// (<see cref="EmulatorDelayLine{T}"/>: a sub-millisecond sleep on a dedicated thread per direction, not a timer), so
    /// commands overlap on the wire (nothing is serialised behind a round trip) and a 1 ms delay is 1 ms.
    /// </summary>
    private sealed class DelayLines : IDisposable
    {
        private readonly EmulatorSession _session;
        private readonly EmulatorDelayLine<List<string>> _in;
        private readonly EmulatorDelayLine<byte[]> _out;
        private readonly MemoryStream _batch = new();

        public DelayLines(EmulatorSession session)
        {
            _session = session;
            _in = new EmulatorDelayLine<List<string>>("RouterOsEmulator link in", DeliverInbound, Stopped);
            _out = new EmulatorDelayLine<byte[]>("RouterOsEmulator link out", DeliverOutbound, Stopped);
        }

        public void Inbound(List<string> words, TimeSpan delay) => _in.Enqueue(words, delay);

        public void Outbound(byte[] bytes, TimeSpan delay) => _out.Enqueue(bytes, delay);

        /// <summary>The router executes each arrived sentence in order (on this line's thread; replies go to the outbound line).</summary>
        private bool DeliverInbound(List<List<string>> sentences)
        {
            foreach (var words in sentences)
            {
                if (!_session.HandleAsync(words).GetAwaiter().GetResult()) return false;
            }
            return true;
        }

        /// <summary>Everything already due leaves in one write, like a router filling its send buffer.</summary>
        private bool DeliverOutbound(List<byte[]> chunks)
        {
            _batch.SetLength(0);
            foreach (var chunk in chunks) _batch.Write(chunk);
            _session.WriteRaw(_batch.GetBuffer().AsSpan(0, (int)_batch.Length));
            return true;
        }

        private void Stopped(Exception? error) => _session.Abort();

        public void Dispose()
        {
            _in.Dispose();
            _out.Dispose();
        }
    }

    /// <summary>The delay lines, created on first use (a session without latency has none); disposed with the session.</summary>
    private DelayLines Lines()
    {
        if (Volatile.Read(ref _lines) is { } lines) return lines;
        lock (_linesGate)
        {
            _lines ??= new DelayLines(this);
            if (_cts.IsCancellationRequested) _lines.Dispose();
            return _lines;
        }
    }

    public void Abort()
    {
        try
        {
            _cts.Cancel();
            _client.Client?.Shutdown(SocketShutdown.Both);
        }
        catch (Exception ex) when (ex is SocketException or ObjectDisposedException)
        {
            // already closed
        }
        lock (_linesGate) _lines?.Dispose();
        _client.Close();
    }

    public void Dispose()
    {
        _cts.Dispose();
        _writeLock.Dispose();
        _client.Dispose();
    }

    private void StartDelayed(Request request, TimeSpan latency)
    {
        var cts = CancellationTokenSource.CreateLinkedTokenSource(_cts.Token);
        if (request.Tag is not null) _running[request.Tag] = cts;
        _ = Task.Run(async () =>
        {
            try
            {
                try
                {
                    await Task.Delay(latency, cts.Token).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    if (!_cts.IsCancellationRequested)
                        await SendAsync([["!trap", "=category=2", "=message=interrupted"], ["!done"]], request.Tag).ConfigureAwait(false);
                    return;
                }
                if (request.Tag is not null) _running.TryRemove(request.Tag, out _);
                await SendAsync(Execute(request), request.Tag).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is IOException or SocketException or ObjectDisposedException or OperationCanceledException)
            {
                // connection closed while the command was running
            }
            finally
            {
                cts.Dispose();
            }
        });
    }

    private async Task SendAsync(List<List<string>> sentences, string? tag, bool immediate = false)
    {
        var ms = new ArrayBufferWriter<byte>(64);
        foreach (var sentence in sentences)
        {
            if (tag is not null) sentence.Insert(1, ".tag=" + tag);
            EmulatorWire.Encode(sentence, ms);
        }
        var oneWay = _router.OneWayDelay;
        if (oneWay > TimeSpan.Zero && !immediate)
        {
            Lines().Outbound(ms.WrittenSpan.ToArray(), oneWay);
            return;
        }
        await WriteRawAsync(ms.WrittenMemory).ConfigureAwait(false);
    }

    private void WriteRaw(ReadOnlySpan<byte> bytes)
    {
        _writeLock.Wait(_cts.Token);
        try
        {
            _stream.Write(bytes);
        }
        finally
        {
            _writeLock.Release();
        }
    }

    private async Task WriteRawAsync(ReadOnlyMemory<byte> bytes)
    {
        await _writeLock.WaitAsync(_cts.Token).ConfigureAwait(false);
        try
        {
            await _stream.WriteAsync(bytes, _cts.Token).ConfigureAwait(false);
        }
        finally
        {
            _writeLock.Release();
        }
    }

    private static Request Parse(List<string> words)
    {
        var attributes = new Dictionary<string, string>(StringComparer.Ordinal);
        var queries = new List<string>();
        string? tag = null;
        for (var i = 1; i < words.Count; i++)
        {
            var w = words[i];
            if (w.StartsWith(".tag=", StringComparison.Ordinal)) tag = w[5..];
            else if (w.StartsWith('?')) queries.Add(w);
            else if (w.StartsWith('='))
            {
                var eq = w.IndexOf('=', 1);
                if (eq < 0) attributes[w[1..]] = string.Empty;
                else attributes[w[1..eq]] = w[(eq + 1)..];
            }
        }
        return new Request(words[0], attributes, queries, tag);
    }

    private async Task<bool> LoginAsync(Request request)
    {
        var options = _router.Options;
        if (request.Path != "/login")
        {
            await SendAsync([["!trap", "=message=not logged in"], ["!done"]], request.Tag).ConfigureAwait(false);
            return true;
        }
        var a = request.Attributes;
        var legacyOnly = options.Version < new Version(6, 43);
        if (a.TryGetValue("response", out var response))
        {
            var ok = _challenge is not null && a.GetValueOrDefault("name") == EmulatorText.FromText(options.User) &&
                     string.Equals(response, ExpectedResponse(options.Password, _challenge), StringComparison.OrdinalIgnoreCase);
            return await FinishLoginAsync(ok, request.Tag).ConfigureAwait(false);
        }
        if (legacyOnly || !a.ContainsKey("password"))
        {
            _challenge = options.LoginChallenge ?? Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
            await SendAsync([["!done", "=ret=" + _challenge]], request.Tag).ConfigureAwait(false);
            return true;
        }
        var plainOk = a.GetValueOrDefault("name") == EmulatorText.FromText(options.User) && a["password"] == EmulatorText.FromText(options.Password);
        return await FinishLoginAsync(plainOk, request.Tag).ConfigureAwait(false);
    }

    private async Task<bool> FinishLoginAsync(bool ok, string? tag)
    {
        if (ok)
        {
            _loggedIn = true;
            _router.CountLogin();
            await SendAsync([["!done"]], tag).ConfigureAwait(false);
            return true;
        }
        const string message = "invalid user name or password (6)";
        if (_router.Options.FatalOnBadLogin)
        {
            await SendAsync([["!fatal", message]], null, immediate: true).ConfigureAwait(false);
            return false;
        }
        await SendAsync([["!trap", "=message=" + message], ["!done"]], tag).ConfigureAwait(false);
        return true;
    }

    private static string ExpectedResponse(string password, string challenge)
    {
        var pw = Encoding.UTF8.GetBytes(password);
        var data = new byte[] { 0 }.Concat(pw).Concat(Convert.FromHexString(challenge)).ToArray();
#pragma warning disable CA5351 // the legacy RouterOS login is MD5 by definition
        return "00" + Convert.ToHexStringLower(MD5.HashData(data));
#pragma warning restore CA5351
    }

    private List<List<string>> Execute(Request request)
    {
        var slash = request.Path.LastIndexOf('/');
        var menu = slash <= 0 ? request.Path : request.Path[..slash];
        var verb = request.Path[(slash + 1)..];
        if (menu == "/system/identity" && verb == "print")
            return [["!re", "=name=" + EmulatorText.FromText(_router.Options.Identity)], ["!done"]];
        if (menu == "/system/resource" && verb == "print")
            return [["!re", "=version=" + _router.Options.Version.ToString(2) + " (stable)", "=board-name=CHR", "=platform=MikroTik"], ["!done"]];
        if (!_router.TryGetTable(menu, out var table))
            return Trap("no such command prefix", 0);

        lock (_router.Sync)
        {
            return verb switch
            {
                "print" or "getall" => Print(table, request),
                "add" when table.AllowAdd => Add(table, request),
                "set" when table.AllowAdd => Set(table, request, request.Attributes),
                "enable" when table.AllowAdd => Set(table, request, new Dictionary<string, string> { ["disabled"] = "false" }),
                "disable" when table.AllowAdd => Set(table, request, new Dictionary<string, string> { ["disabled"] = "true" }),
                "remove" => Remove(table, request),
                _ => Trap("no such command", 0),
            };
        }
    }

    private List<List<string>> Print(RouterOsEmulatorTable table, Request request)
    {
        List<IReadOnlyDictionary<string, string>> rows;
        try
        {
            var candidates = table.CandidatesLocked(request.Queries);
            rows = [];
            var examined = 0;
            foreach (var r in candidates)
            {
                examined++;
                if (EmulatorQuery.Matches(r, request.Queries)) rows.Add(r);
            }
            _router.CountExamined(examined);
        }
        catch (FormatException ex)
        {
            return Trap(ex.Message, 1);
        }
        if (request.Attributes.ContainsKey("count-only"))
            return [["!done", "=ret=" + rows.Count.ToString(CultureInfo.InvariantCulture)]];
        string[]? proplist = request.Attributes.TryGetValue(".proplist", out var p) ? p.Split(',', StringSplitOptions.RemoveEmptyEntries) : null;
        var reply = new List<List<string>>(rows.Count + 2);
        foreach (var row in rows)
        {
            var sentence = new List<string> { "!re" };
            if (proplist is null)
            {
                sentence.Add("=.id=" + row[".id"]);
                sentence.AddRange(row.Where(kv => kv.Key != ".id").Select(kv => $"={kv.Key}={kv.Value}"));
            }
            else
            {
                foreach (var name in proplist)
                {
                    if (row.TryGetValue(name, out var v)) sentence.Add($"={name}={v}");
                }
            }
            reply.Add(sentence);
        }
        if (rows.Count == 0 && _router.Options.Version >= new Version(7, 18)) reply.Add(["!empty"]);
        reply.Add(["!done"]);
        return reply;
    }

    private static List<List<string>> Add(RouterOsEmulatorTable table, Request request)
    {
        var properties = request.Attributes; // the request's own map: nothing else reads it after this
        properties.Remove(".id");
        if (table.Path.EndsWith("/firewall/address-list", StringComparison.Ordinal) && properties.ContainsKey("timeout")) properties["dynamic"] = "true";
        return table.TryAddLocked(properties, out var id, out var error) ? [["!done", "=ret=" + id]] : Trap(error, null);
    }

    private static List<List<string>> Set(RouterOsEmulatorTable table, Request request, Dictionary<string, string> changes)
    {
        if (!TryResolve(table, request, out var rows, out var trap)) return trap;
        var updated = new List<(Dictionary<string, string> Row, Dictionary<string, string> Copy)>();
        foreach (var row in rows)
        {
            var copy = new Dictionary<string, string>(row, StringComparer.Ordinal);
            foreach (var (k, v) in changes)
            {
                if (k is ".id" or "numbers") continue;
                copy[k] = RouterOsEmulator.Normalize(k, v);
            }
            if (table.IsDuplicateLocked(copy, row)) return Trap(table.DuplicateMessage, null);
            updated.Add((row, copy));
        }
        foreach (var (row, copy) in updated) table.UpdateLocked(row, copy);
        return [["!done"]];
    }

    private static List<List<string>> Remove(RouterOsEmulatorTable table, Request request)
    {
        if (!TryResolve(table, request, out var rows, out var trap)) return trap;
        table.RemoveLocked(rows);
        return [["!done"]];
    }

    /// <summary>Resolves <c>=.id=</c> / <c>=numbers=</c> (comma lists of ids or names); all must exist (nothing changes otherwise).</summary>
    private static bool TryResolve(RouterOsEmulatorTable table, Request request, out List<Dictionary<string, string>> rows,
        out List<List<string>> trap)
    {
        rows = [];
        trap = [];
        if (!request.Attributes.TryGetValue(".id", out var ids) && !request.Attributes.TryGetValue("numbers", out ids))
        {
            trap = Trap("no such item", null);
            return false;
        }
        foreach (var id in ids.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var row = table.FindLocked(id);
            if (row is null)
            {
                trap = Trap("no such item", null);
                return false;
            }
            if (!rows.Contains(row)) rows.Add(row);
        }
        if (rows.Count > 0) return true;
        trap = Trap("no such item", null);
        return false;
    }

    private static List<List<string>> Trap(string message, int? category)
    {
        var trap = new List<string> { "!trap" };
        if (category is { } c) trap.Add("=category=" + c.ToString(CultureInfo.InvariantCulture));
        trap.Add("=message=" + EmulatorText.FromText(message));
        return [trap, ["!done"]];
    }
}
