using System.Net;
using System.Text;
using Cobranca.Connectors.Abstractions;

namespace Cobranca.Connectors.MikroTik.Tests.Access;

/// <summary>Issue 9, MikroTik items 8-12: defects found by driving the SDK against independent RouterOS servers.</summary>
public sealed class FieldDefectTests
{
    private static readonly Encoding Windows1252 = CodePagesEncodingProvider.Instance.GetEncoding(1252)!;

    private static Subscriber Ip(int i) => Subscriber.ForIp(IPAddress.Parse($"100.64.{i / 250}.{i % 250 + 1}"));

    private static async Task WaitForAsync(Func<bool> condition)
    {
        for (var i = 0; i < 1000 && !condition(); i++) await Task.Delay(5);
        Assert.True(condition(), "condition not reached");
    }

    // Item 8
    [Fact]
    public async Task Writes_sent_but_unanswered_stay_unconfirmed_when_the_router_dies_mid_batch_and_stays_down()
    {
        await using var router = await Routers.StartAsync();
        router.CommandLatency = TimeSpan.FromMilliseconds(10);
        await using var controller = new MikroTikAccessController(Routers.Controller(router, MikroTikAccessStrategy.AddressList, o =>
        {
            o.MaxInFlight = 4;
            o.BatchResumeAttempts = 1;
            o.ConnectRetries = 0;
        }));
        await controller.Client.ConnectAsync();
        router.StayOfflineAfterDrop = true;
        router.DropConnectionAfterSentences = 21; // the print, then 20 adds reach the router; the router dies and stays down

        var result = await controller.ApplyAsync(Enumerable.Range(0, 60).Select(i => AccessCommand.ToBlock(Ip(i))).ToList());

        Assert.InRange(result.Count(BatchItemOutcome.Unconfirmed), 1, 4); // the writes in flight when it died
        Assert.Equal(0, result.Count(BatchItemOutcome.Failed));
        foreach (var item in result.Items)
        {
            var present = router.AddressLists.FindAll("address", item.Command.Subscriber.IpAddress!.ToString()).Count == 1;
            if (item.Outcome == BatchItemOutcome.Applied) Assert.True(present, $"item {item.Index} reported applied but is absent");
            if (item.Outcome == BatchItemOutcome.NotAttempted) Assert.False(present, $"item {item.Index} reported not sent but is present");
        }
        Assert.True(result.Count(BatchItemOutcome.Applied) + result.Count(BatchItemOutcome.Unconfirmed) >= router.AddressLists.Count);
    }

    // Item 9
    [Fact]
    public async Task Ppp_logins_typed_in_winbox_as_windows_1252_are_found_by_block_one_by_one_and_in_bulk()
    {
        await using var router = await Routers.StartAsync();
        router.PppSecrets.Add(Routers.Row(("name", "joão"), ("profile", "plano50")), Windows1252);
        router.PppActive.Add(Routers.Row(("name", "joão"), ("address", "100.64.9.1")), Windows1252);
        router.PppSecrets.Add(Routers.Row(("name", "conceição"), ("profile", "plano50")), Encoding.UTF8);
        var bulk = new List<AccessCommand>();
        for (var i = 0; i < 12; i++)
        {
            router.PppSecrets.Add(Routers.Row(("name", $"andré{i}")), i % 2 == 0 ? Windows1252 : Encoding.UTF8);
            bulk.Add(AccessCommand.ToBlock(Subscriber.ForLogin($"andré{i}")));
        }
        await using var controller = new MikroTikAccessController(Routers.Controller(router, MikroTikAccessStrategy.PppSecretDisable));

        var joao = await controller.BlockAsync(Subscriber.ForLogin("joão"), BlockRequest.Overdue);
        var conceicao = await controller.BlockAsync(Subscriber.ForLogin("conceição"), BlockRequest.Overdue);
        var batch = await controller.ApplyAsync(bulk);

        Assert.Equal(AccessChangeOutcome.Applied, joao.Outcome);
        Assert.Equal(AccessChangeOutcome.Applied, conceicao.Outcome);
        Assert.True(batch.AllSucceeded, batch.ToString());
        Assert.Equal(12, batch.Count(BatchItemOutcome.Applied));
        Assert.All(router.PppSecrets.Rows.Where(r => r["name"] != "default"), r => Assert.Equal("true", r["disabled"]));
        Assert.Equal(0, router.PppActive.Count); // joão's session was found and kicked
        Assert.Equal(AccessStatus.Blocked, (await controller.GetAccessStateAsync(Subscriber.ForLogin("joão"))).Status);
    }

    // Item 11
    [Fact]
    public async Task Dual_stack_block_covers_the_ipv6_prefix_given_in_the_subscriber()
    {
        await using var router = await Routers.StartAsync();
        await using var controller = new MikroTikAccessController(Routers.Controller(router, MikroTikAccessStrategy.AddressList));
        var subscriber = new Subscriber
        {
            ContractId = "77", IpAddress = IPAddress.Parse("100.64.0.7"), Ipv6Prefix = IPNetwork.Parse("2001:db8:77::/56"),
        };

        var block = await controller.BlockAsync(subscriber, BlockRequest.Overdue);
        var state = await controller.GetAccessStateAsync(subscriber);

        Assert.Equal(AccessChangeOutcome.Applied, block.Outcome);
        Assert.Equal("100.64.0.7", Assert.Single(router.AddressLists.Rows)["address"]);
        var v6 = Assert.Single(router.Ipv6AddressLists.Rows);
        Assert.Equal(("bloqueados", "2001:db8:77::/56", "cobranca:contract=77"), (v6["list"], v6["address"], v6["comment"]));
        Assert.Equal(AccessStatus.Blocked, state.Status);
        Assert.Contains("IPv4 and IPv6", state.Detail);
        Assert.Equal(AccessChangeOutcome.AlreadyInState, (await controller.BlockAsync(subscriber, BlockRequest.Overdue)).Outcome);

        var unblock = await controller.UnblockAsync(subscriber);

        Assert.Equal(AccessChangeOutcome.Applied, unblock.Outcome);
        Assert.Equal(0, router.AddressLists.Count);
        Assert.Equal(0, router.Ipv6AddressLists.Count);
    }

    [Fact]
    public async Task Dual_stack_block_by_login_takes_the_address_and_delegated_prefix_from_the_ppp_session_and_unblock_finds_them_offline()
    {
        await using var router = await Routers.StartAsync();
        router.PppActive.Add(Routers.Row(("name", "maria"), ("address", "100.64.3.3"), ("delegated-ipv6-prefix", "2001:db8:300::/56"),
            ("remote-ipv6-prefix", "2001:db8:ffff:3::/64")));
        await using var controller = new MikroTikAccessController(Routers.Controller(router, MikroTikAccessStrategy.AddressList));
        var subscriber = new Subscriber { ContractId = "300", Login = "maria" };

        var block = await controller.BlockAsync(subscriber, BlockRequest.Overdue);

        Assert.Equal(AccessChangeOutcome.Applied, block.Outcome);
        Assert.Equal("100.64.3.3", Assert.Single(router.AddressLists.Rows)["address"]);
        Assert.Equal(["2001:db8:300::/56", "2001:db8:ffff:3::/64"], router.Ipv6AddressLists.Rows.Select(r => r["address"]).Order());

        router.PppActive.Clear(); // the CPE went offline: the session no longer tells the addresses
        var unblock = await controller.UnblockAsync(subscriber);

        Assert.Equal(AccessChangeOutcome.Applied, unblock.Outcome);
        Assert.Equal(0, router.AddressLists.Count);
        Assert.Equal(0, router.Ipv6AddressLists.Count);
    }

    // Item 12: cancellation keeps the per-item report
    [Fact]
    public async Task Cancelling_a_batch_throws_with_the_outcomes_known_so_far_and_leaves_the_controller_usable()
    {
        await using var router = await Routers.StartAsync();
        router.CommandLatency = TimeSpan.FromMilliseconds(20);
        await using var controller = new MikroTikAccessController(Routers.Controller(router, MikroTikAccessStrategy.AddressList,
            o => o.MaxInFlight = 2));
        await controller.Client.ConnectAsync();
        var commands = Enumerable.Range(0, 200).Select(i => AccessCommand.ToBlock(Ip(i))).ToList();
        using var cts = new CancellationTokenSource();
        var apply = controller.ApplyAsync(commands, cancellationToken: cts.Token);
        await WaitForAsync(() => router.AddressLists.Count >= 4);
        await cts.CancelAsync();

        var ex = await Assert.ThrowsAsync<BatchCanceledException>(() => apply);

        Assert.IsAssignableFrom<OperationCanceledException>(ex);
        var partial = ex.PartialResult!;
        Assert.Equal(Enumerable.Range(0, 200), partial.Items.Select(i => i.Index));
        Assert.True(partial.Count(BatchItemOutcome.Applied) >= 2, partial.ToString());
        Assert.True(partial.Count(BatchItemOutcome.Applied) + partial.Count(BatchItemOutcome.Unconfirmed) >= 4, partial.ToString());
        Assert.True(partial.Count(BatchItemOutcome.NotAttempted) > 100, partial.ToString());
        Assert.InRange(partial.Count(BatchItemOutcome.Unconfirmed), 0, 2); // at most the window (MaxInFlight) can be unanswered
        router.CommandLatency = TimeSpan.Zero;
        foreach (var item in partial.Items)
        {
            var present = router.AddressLists.FindAll("address", item.Command.Subscriber.IpAddress!.ToString()).Count == 1;
            if (item.Outcome == BatchItemOutcome.Applied) Assert.True(present);
            if (item.Outcome == BatchItemOutcome.NotAttempted) Assert.False(present);
        }
        Assert.Equal(AccessChangeOutcome.Applied, (await controller.BlockAsync(Ip(999), BlockRequest.Overdue)).Outcome);
        Assert.Equal(1, router.ConnectionCount);
    }

    // Item 12: a disabled entry does not block
    [Fact]
    public async Task A_disabled_address_list_entry_is_not_blocked_and_block_enables_it()
    {
        await using var router = await Routers.StartAsync();
        router.AddressLists.Add(Routers.Row(("list", "bloqueados"), ("address", "100.64.0.5"), ("disabled", "true")));
        await using var controller = new MikroTikAccessController(Routers.Controller(router, MikroTikAccessStrategy.AddressList));
        var subscriber = Subscriber.ForIp(IPAddress.Parse("100.64.0.5"));

        Assert.Equal(AccessStatus.Active, (await controller.GetAccessStateAsync(subscriber)).Status);
        Assert.Equal(AccessChangeOutcome.AlreadyInState, (await controller.UnblockAsync(subscriber)).Outcome);
        var block = await controller.BlockAsync(subscriber, BlockRequest.Overdue);

        Assert.Equal(AccessChangeOutcome.Applied, block.Outcome);
        Assert.Equal("false", Assert.Single(router.AddressLists.Rows)["disabled"]);
        Assert.Equal(AccessStatus.Blocked, (await controller.GetAccessStateAsync(subscriber)).Status);
    }

    // Item 12: no kick when the profile change failed
    [Fact]
    public async Task A_failed_profile_change_never_kicks_the_session()
    {
        await using var router = await Routers.StartAsync();
        var secret = router.PppSecrets.Add(Routers.Row(("name", "ana"), ("profile", "plano50")));
        router.PppActive.Add(Routers.Row(("name", "ana"), ("address", "100.64.4.4")));
        router.SetLatency("/ppp/secret/set", TimeSpan.FromMilliseconds(300));
        await using var controller = new MikroTikAccessController(Routers.Controller(router, MikroTikAccessStrategy.PppProfileSwap,
            o => o.BlockProfile = "bloqueio"));

        var block = controller.BlockAsync(Subscriber.ForLogin("ana"), BlockRequest.Overdue);
        await WaitForAsync(() => router.CountCommands("/ppp/secret/set") == 1);
        await using (var other = new RouterOsClient(Routers.Options(router)))
            await other.ExecuteAsync(new RouterOsCommand("/ppp/secret/remove").With(".id", secret)); // the set will find no such item

        await Assert.ThrowsAsync<RouterOsTrapException>(() => block);
        Assert.Equal(0, router.CountCommands("/ppp/active/remove"));
        Assert.Equal(1, router.PppActive.Count);
    }

    // Item 12: "session kicked" only when a session was kicked
    [Fact]
    public async Task Kick_only_says_a_session_was_kicked_only_when_there_was_one()
    {
        await using var router = await Routers.StartAsync();
        await using var controller = new MikroTikAccessController(Routers.Controller(router, MikroTikAccessStrategy.KickOnly));

        var none = await controller.UnblockAsync(Subscriber.ForLogin("offline"));
        router.PppActive.Add(Routers.Row(("name", "online"), ("address", "100.64.5.5")));
        var kicked = await controller.UnblockAsync(Subscriber.ForLogin("online"));

        Assert.Equal(AccessChangeOutcome.AlreadyInState, none.Outcome);
        Assert.DoesNotContain("session kicked", none.State.Detail);
        Assert.DoesNotContain("session kicked", none.Detail ?? string.Empty);
        Assert.Equal(AccessChangeOutcome.Applied, kicked.Outcome);
        Assert.Contains("session kicked", kicked.State.Detail);
        Assert.Equal(0, router.PppActive.Count);
    }
}
