using System.Net;
using System.Net.Sockets;
using Cobranca.Connectors.Abstractions;
using Cobranca.Connectors.MikroTik.Protocol;

namespace Cobranca.Connectors.MikroTik.Tests.Protocol;

/// <summary>Reply shapes the emulator does not produce on its own, scripted sentence by sentence.</summary>
public sealed class ScriptedRouterTests
{
    [Fact]
    public async Task Several_traps_before_done_become_one_error_with_every_message()
    {
        await using var server = new ScriptedRouter((words, tag) =>
        [
            ["!trap", "=category=1", "=message=input does not match any value of interface", tag],
            ["!trap", "=message=second problem", tag],
            ["!done", tag],
        ]);
        await using var connection = await RouterOsConnection.OpenAsync(server.Options);

        var trap = await Assert.ThrowsAsync<RouterOsTrapException>(() => connection.ExecuteAsync(new RouterOsCommand("/interface/set")));

        Assert.Equal(["input does not match any value of interface", "second problem"], trap.Messages);
        Assert.Equal(1, trap.Category);
        Assert.Equal("1", trap.ProviderErrorCode);
        Assert.True(connection.IsConnected);
    }

    [Fact]
    public async Task Unknown_reply_words_are_ignored_and_duplicate_keys_keep_the_last_value()
    {
        await using var server = new ScriptedRouter((words, tag) =>
        [
            ["!weird", tag],
            ["!re", "=port=1", "=port=2", tag],
            ["!done", "=ret=ok", tag],
        ]);
        await using var connection = await RouterOsConnection.OpenAsync(server.Options);

        var response = await connection.ExecuteAsync(new RouterOsCommand("/ip/ipsec/remote-peers/print"));

        Assert.Equal("2", Assert.Single(response.Rows)["port"]);
        Assert.Equal("ok", response.Ret);
    }

    [Fact]
    public async Task Eof_in_the_middle_of_a_reply_fails_the_command_as_unconfirmed()
    {
        await using var server = new ScriptedRouter((words, tag) => words[0] == "/system/reboot" ? null : [["!done", tag]]);
        await using var connection = await RouterOsConnection.OpenAsync(server.Options);

        var ex = await Assert.ThrowsAsync<ConnectorTransportException>(() => connection.ExecuteAsync(new RouterOsCommand("/system/reboot")));

        Assert.False(ex.RequestNotSent);
        Assert.Contains("may or may not", ex.Message);
        Assert.False(connection.IsConnected);
        var next = await Assert.ThrowsAsync<ConnectorTransportException>(() => connection.ExecuteAsync(new RouterOsCommand("/system/identity/print")));
        Assert.True(next.RequestNotSent);
    }

    [Fact]
    public async Task Every_command_including_login_is_tagged()
    {
        await using var server = new ScriptedRouter((words, tag) => [["!done", tag]]);
        await using var connection = await RouterOsConnection.OpenAsync(server.Options);
        await connection.ExecuteAsync(new RouterOsCommand("/system/identity/print"));
        var seen = server.Seen;

        Assert.Equal(2, seen.Count);
        Assert.All(seen, s => Assert.StartsWith(".tag=", s[^1]));
        Assert.Equal(["/login", "=name=admin", "=password=pw"], seen[0].Take(3));
    }

    /// <summary>
    /// A one-connection fake: every received sentence is passed to the script with its tag word; the script returns the
    /// reply sentences (null = close the connection with a half-written sentence).
    /// </summary>
    private sealed class ScriptedRouter : IAsyncDisposable
    {
        private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
        private readonly Task _loop;
        private readonly CancellationTokenSource _stop = new();

        public ScriptedRouter(Func<List<string>, string, List<List<string>>?> script)
        {
            _listener.Start();
            _loop = Task.Run(async () =>
            {
                using var client = await _listener.AcceptTcpClientAsync(_stop.Token);
                var stream = client.GetStream();
                var reader = new SentenceReader(stream, 1 << 20);
                while (await reader.ReadSentenceAsync(_stop.Token) is { } words)
                {
                    var tag = words.FirstOrDefault(w => w.StartsWith(".tag=", StringComparison.Ordinal)) ?? ".tag=";
                    lock (Seen) Seen.Add(words);
                    var reply = words[0] == "/login" ? [["!done", tag]] : script(words, tag);
                    if (reply is null)
                    {
                        await stream.WriteAsync(new byte[] { 0x03, (byte)'!', (byte)'r' });
                        return;
                    }
                    foreach (var sentence in reply) await stream.WriteAsync(SentenceWriter.Encode(sentence));
                }
            });
        }

        public List<List<string>> Seen { get; } = [];

        public RouterOsClientOptions Options => new()
        {
            Host = "127.0.0.1",
            Port = ((IPEndPoint)_listener.LocalEndpoint).Port,
            User = "admin",
            Password = "pw",
            ConnectTimeout = TimeSpan.FromSeconds(5),
        };

        public async ValueTask DisposeAsync()
        {
            await _stop.CancelAsync();
            _listener.Stop();
            try
            {
                await _loop;
            }
            catch (Exception)
            {
                // the loop ends with the connection
            }
            _stop.Dispose();
        }
    }
}
