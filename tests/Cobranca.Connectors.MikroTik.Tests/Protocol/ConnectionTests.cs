using Cobranca.Connectors.Abstractions;
using Cobranca.Connectors.Testing.RouterOs;

namespace Cobranca.Connectors.MikroTik.Tests.Protocol;

public sealed class ConnectionTests
{
    [Fact]
    public async Task Plain_login_then_print_with_query_and_proplist()
    {
        await using var router = await Routers.StartAsync();
        router.AddressLists.Add(Routers.Row(("list", "bloqueados"), ("address", "100.64.0.10"), ("comment", "a")));
        router.AddressLists.Add(Routers.Row(("list", "outra"), ("address", "100.64.0.11")));
        await using var connection = await RouterOsConnection.OpenAsync(Routers.Options(router));

        var response = await connection.ExecuteAsync(new RouterOsCommand("/ip/firewall/address-list/print")
            .Where("list", "bloqueados").Proplist(".id", "address"));

        var row = Assert.Single(response.Rows);
        Assert.Equal(["*1", "100.64.0.10"], new[] { row[".id"], row["address"] });
        Assert.False(row.ContainsKey("comment"));
        Assert.Equal(1, router.LoginCount);
    }

    [Fact]
    public async Task Md5_challenge_login_on_a_pre_6_43_router()
    {
        await using var router = await Routers.StartAsync(new Version(6, 40));
        await using var connection = await RouterOsConnection.OpenAsync(Routers.Options(router));
        Assert.True(connection.IsConnected);
        Assert.Equal(1, router.LoginCount); // a 6.40 router refuses the plain form, so this went through the MD5 step
        await Assert.ThrowsAsync<ConnectorAuthenticationException>(() => RouterOsConnection.OpenAsync(Routers.Options(router, "wrong")));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Wrong_password_is_an_authentication_error_with_trap_or_fatal(bool fatal)
    {
        await using var router = await Routers.StartAsync(fatalOnBadLogin: fatal);
        var ex = await Assert.ThrowsAsync<ConnectorAuthenticationException>(() => RouterOsConnection.OpenAsync(Routers.Options(router, "wrong")));
        Assert.Contains("invalid user name or password", ex.Message);
        Assert.DoesNotContain("wrong", ex.Message);
    }

    [Theory]
    [InlineData(7, 18, true)]
    [InlineData(7, 17, false)]
    public async Task Empty_print_is_no_rows_with_or_without_the_7_18_empty_reply(int major, int minor, bool expectEmptyWord)
    {
        await using var router = await Routers.StartAsync(new Version(major, minor));
        await using var connection = await RouterOsConnection.OpenAsync(Routers.Options(router));
        var response = await connection.ExecuteAsync(new RouterOsCommand("/ppp/secret/print"));
        Assert.Empty(response.Rows);
        Assert.Equal(expectEmptyWord, response.WasEmpty);
        Assert.True(connection.IsConnected);
    }

    [Fact]
    public async Task Add_returns_ret_and_duplicate_add_traps_with_the_router_text()
    {
        await using var router = await Routers.StartAsync();
        await using var connection = await RouterOsConnection.OpenAsync(Routers.Options(router));
        var add = new RouterOsCommand("/ip/firewall/address-list/add").With("list", "x").With("address", "10.0.0.1");

        var first = await connection.ExecuteAsync(add);
        var trap = await Assert.ThrowsAsync<RouterOsTrapException>(() => connection.ExecuteAsync(add));

        Assert.Equal("*1", first.Ret);
        Assert.True(trap.IsAlreadyExists);
        Assert.Equal("failure: already have such entry", Assert.Single(trap.Messages));
        Assert.True(connection.IsConnected);
        var missing = await Assert.ThrowsAsync<RouterOsTrapException>(() =>
            connection.ExecuteAsync(new RouterOsCommand("/ip/firewall/address-list/remove").With(".id", "*99")));
        Assert.True(missing.IsNoSuchItem);
    }

    [Fact]
    public async Task Query_stack_operations_and_comma_separated_ids()
    {
        await using var router = await Routers.StartAsync();
        foreach (var (list, ip) in new[] { ("a", "10.0.0.1"), ("b", "10.0.0.2"), ("c", "10.0.0.3") })
            router.AddressLists.Add(Routers.Row(("list", list), ("address", ip)));
        await using var connection = await RouterOsConnection.OpenAsync(Routers.Options(router));

        var or = await connection.ExecuteAsync(new RouterOsCommand("/ip/firewall/address-list/print")
            .Where("list", "a").Where("list", "b").Query("?#|").Proplist("address"));
        var notOr = await connection.ExecuteAsync(new RouterOsCommand("/ip/firewall/address-list/print")
            .Where("list", "a").Where("list", "b").Query("?#|!").Proplist("address"));
        var noComment = await connection.ExecuteAsync(new RouterOsCommand("/ip/firewall/address-list/print").Query("?-comment").Proplist("address"));
        await connection.ExecuteAsync(new RouterOsCommand("/ip/firewall/address-list/remove").With(".id", "*1,*3"));

        Assert.Equal(["10.0.0.1", "10.0.0.2"], or.Rows.Select(r => r["address"]));
        Assert.Equal(["10.0.0.3"], notOr.Rows.Select(r => r["address"]));
        Assert.Equal(3, noComment.Rows.Count);
        Assert.Equal("10.0.0.2", Assert.Single(router.AddressLists.Rows)["address"]);
    }

    [Fact]
    public async Task Many_commands_in_flight_on_one_connection_get_their_own_replies()
    {
        await using var router = await Routers.StartAsync();
        router.CommandLatency = TimeSpan.FromMilliseconds(20);
        var options = Routers.Options(router);
        options.MaxInFlight = 16;
        await using var connection = await RouterOsConnection.OpenAsync(options);

        var adds = Enumerable.Range(1, 100).Select(i => connection.ExecuteAsync(new RouterOsCommand("/ip/firewall/address-list/add")
            .With("list", "x").With("address", $"10.1.0.{i}"))).ToList();
        var responses = await Task.WhenAll(adds);

        Assert.Equal(100, responses.Select(r => r.Ret).Distinct().Count());
        Assert.Equal(100, router.AddressLists.Count);
        foreach (var (response, i) in responses.Select((r, i) => (r, i + 1)))
            Assert.Equal($"10.1.0.{i}", router.AddressLists.Rows.Single(r => r[".id"] == response.Ret)["address"]);
        Assert.Equal(1, router.ConnectionCount);
    }

    [Fact]
    public async Task Cancellation_sends_cancel_to_the_router_and_keeps_the_connection_usable()
    {
        await using var router = await Routers.StartAsync();
        router.SetLatency("/ppp/active/print", TimeSpan.FromSeconds(30));
        await using var connection = await RouterOsConnection.OpenAsync(Routers.Options(router));
        using var cts = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => connection.ExecuteAsync(new RouterOsCommand("/ppp/active/print"), cts.Token));
        var after = await connection.ExecuteAsync(new RouterOsCommand("/system/identity/print"));

        Assert.Equal("emulator", Assert.Single(after.Rows)["name"]);
        Assert.True(connection.IsConnected);
        Assert.Equal(1, router.CountCommands("/cancel"));
        Assert.Equal(1, router.ConnectionCount);
    }

    [Fact]
    public async Task Receive_timeout_cancels_on_the_router_and_reports_a_transport_error()
    {
        await using var router = await Routers.StartAsync();
        router.SetLatency("/ppp/active/print", TimeSpan.FromSeconds(30));
        var options = Routers.Options(router);
        options.ReceiveTimeout = TimeSpan.FromMilliseconds(200);
        await using var connection = await RouterOsConnection.OpenAsync(options);

        var ex = await Assert.ThrowsAsync<ConnectorTransportException>(() => connection.ExecuteAsync(new RouterOsCommand("/ppp/active/print")));

        Assert.Contains("did not answer", ex.Message);
        Assert.False(ex.RequestNotSent);
        Assert.Single((await connection.ExecuteAsync(new RouterOsCommand("/system/identity/print"))).Rows);
    }

    [Fact]
    public async Task Fatal_fails_pending_commands_and_the_client_reconnects()
    {
        await using var router = await Routers.StartAsync();
        await using var client = new RouterOsClient(Routers.Options(router));
        await client.ConnectAsync();
        router.FatalAfterSentences = 1;

        var ex = await Assert.ThrowsAsync<ConnectorTransportException>(() => client.ExecuteAsync(new RouterOsCommand("/system/identity/print")));
        Assert.Contains("session terminated on request", ex.Message);
        Assert.False(ex.RequestNotSent);
        Assert.False(client.IsConnected);

        var again = await client.ExecuteAsync(new RouterOsCommand("/system/identity/print"));
        Assert.Single(again.Rows);
        Assert.Equal(2, router.ConnectionCount);
    }

    [Fact]
    public async Task A_command_after_a_dropped_connection_goes_out_on_a_new_one()
    {
        await using var router = await Routers.StartAsync();
        await using var client = new RouterOsClient(Routers.Options(router));
        await client.ConnectAsync();
        router.DisconnectAll();
        await Task.Delay(100);

        var rows = await client.PrintAsync(new RouterOsCommand("/system/identity/print"));

        Assert.Single(rows);
        Assert.Equal(2, router.LoginCount);
    }

    [Fact]
    public async Task Windows_1252_bytes_from_winbox_are_decoded()
    {
        await using var router = await RouterOsEmulator.StartAsync(new RouterOsEmulatorOptions { Password = Routers.Password, Windows1252Replies = true });
        router.PppSecrets.Add(Routers.Row(("name", "joao"), ("comment", "João Conceição")));
        await using var connection = await RouterOsConnection.OpenAsync(Routers.Options(router));
        var rows = (await connection.ExecuteAsync(new RouterOsCommand("/ppp/secret/print").Proplist("comment"))).Rows;
        Assert.Equal("João Conceição", Assert.Single(rows)["comment"]);
    }

    [Fact]
    public async Task Unreachable_router_is_a_transport_error_marked_not_sent()
    {
        var port = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        port.Start();
        var free = ((System.Net.IPEndPoint)port.LocalEndpoint).Port;
        port.Stop();
        var ex = await Assert.ThrowsAsync<ConnectorTransportException>(() => RouterOsConnection.OpenAsync(new RouterOsClientOptions
        {
            Host = "127.0.0.1", Port = free, User = "admin", ConnectTimeout = TimeSpan.FromSeconds(2),
        }));
        Assert.True(ex.RequestNotSent);
    }

    [Fact]
    public void Invalid_options_are_rejected_with_every_problem_named()
    {
        var options = new RouterOsClientOptions { MaxInFlight = 0, Password = "do-not-print" };
        options.PinnedCertificateThumbprints.Add("abc");
        var ex = Assert.Throws<ArgumentException>(() => new RouterOsClient(options)); // invalid options: ArgumentException, never ConnectorValidationException
        Assert.Contains("Host", ex.Message);
        Assert.Contains("User", ex.Message);
        Assert.Contains("MaxInFlight", ex.Message);
        Assert.Contains("PinnedCertificateThumbprints[0]", ex.Message);
        Assert.Contains("UseTls", ex.Message);
        Assert.DoesNotContain("do-not-print", ex.Message);
    }
}
