using System.Net;
using Cobranca.Connectors.Abstractions;

namespace Cobranca.Connectors.MikroTik.Tests.Access;

public sealed class AddressListControllerTests
{
    private static Subscriber Sub(string ip, string contract = "42") => new() { ContractId = contract, IpAddress = IPAddress.Parse(ip) };

    [Fact]
    public async Task Block_and_unblock_are_idempotent_and_change_the_router()
    {
        await using var router = await Routers.StartAsync();
        await using var controller = new MikroTikAccessController(Routers.Controller(router, MikroTikAccessStrategy.AddressList));
        var sub = Sub("100.64.0.10", "João-7");

        var blocked = await controller.BlockAsync(sub, BlockRequest.Overdue);
        var again = await controller.BlockAsync(sub, BlockRequest.Overdue);
        var state = await controller.GetAccessStateAsync(sub);

        Assert.Equal(AccessChangeOutcome.Applied, blocked.Outcome);
        Assert.Equal(AccessStatus.Blocked, blocked.State.Status);
        Assert.Equal(AccessChangeOutcome.AlreadyInState, again.Outcome);
        Assert.Equal(AccessStatus.Blocked, state.Status);
        var entry = Assert.Single(router.AddressLists.Rows);
        Assert.Equal("bloqueados", entry["list"]);
        Assert.Equal("100.64.0.10", entry["address"]);
        Assert.Equal("cobranca:contract=Joao-7", entry["comment"]); // ASCII only

        var unblocked = await controller.UnblockAsync(sub);
        var unblockedAgain = await controller.UnblockAsync(sub);
        Assert.Equal(AccessChangeOutcome.Applied, unblocked.Outcome);
        Assert.Equal(AccessChangeOutcome.AlreadyInState, unblockedAgain.Outcome);
        Assert.Equal(0, router.AddressLists.Count);
        Assert.Equal(AccessStatus.Active, (await controller.GetAccessStateAsync(sub)).Status);
    }

    [Fact]
    public async Task Unblock_touches_only_the_configured_list()
    {
        await using var router = await Routers.StartAsync();
        router.AddressLists.Add(Routers.Row(("list", "bloqueados"), ("address", "100.64.0.10")));
        router.AddressLists.Add(Routers.Row(("list", "outra"), ("address", "100.64.0.10")));
        await using var controller = new MikroTikAccessController(Routers.Controller(router, MikroTikAccessStrategy.AddressList));

        var change = await controller.UnblockAsync(Sub("100.64.0.10"));

        Assert.Equal(AccessChangeOutcome.Applied, change.Outcome);
        Assert.Equal("outra", Assert.Single(router.AddressLists.Rows)["list"]);
    }

    [Fact]
    public async Task Duplicate_add_trap_after_a_race_maps_to_already_in_state()
    {
        await using var router = await Routers.StartAsync();
        router.SetLatency("/ip/firewall/address-list/add", TimeSpan.FromMilliseconds(600));
        await using var controller = new MikroTikAccessController(Routers.Controller(router, MikroTikAccessStrategy.AddressList));
        var sub = Sub("100.64.0.20");

        var block = controller.BlockAsync(sub, BlockRequest.Overdue);
        await Task.Delay(150); // the print has answered "absent"; the add is still on its way
        router.AddressLists.Add(Routers.Row(("list", "bloqueados"), ("address", "100.64.0.20"), ("comment", "someone else")));
        var change = await block;

        Assert.Equal(AccessChangeOutcome.AlreadyInState, change.Outcome);
        Assert.Equal(1, router.CountCommands("/ip/firewall/address-list/add"));
        Assert.Equal("someone else", Assert.Single(router.AddressLists.Rows)["comment"]);
    }

    [Fact]
    public async Task Timeout_from_the_request_or_options_is_sent_and_throttle_is_not_supported()
    {
        await using var router = await Routers.StartAsync();
        await using var controller = new MikroTikAccessController(Routers.Controller(router, MikroTikAccessStrategy.AddressList,
            o => o.AddressListTimeout = TimeSpan.FromDays(1)));

        await controller.BlockAsync(Sub("100.64.0.30"), BlockRequest.Overdue);
        await controller.BlockAsync(Sub("100.64.0.31"), new BlockRequest(Duration: TimeSpan.FromMinutes(90)));

        Assert.Equal("86400s", router.AddressLists.FindAll("address", "100.64.0.30").Single()["timeout"]);
        Assert.Equal("5400s", router.AddressLists.FindAll("address", "100.64.0.31").Single()["timeout"]);
        Assert.False(controller.Info.Supports(AccessCapabilities.Throttle));
        Assert.True(controller.Info.Supports(AccessCapabilities.Block | AccessCapabilities.Unblock | AccessCapabilities.ReadState | AccessCapabilities.Bulk));
        await Assert.ThrowsAsync<NotSupportedException>(() => controller.ThrottleAsync(Sub("100.64.0.30"), Bandwidth.FromMegabits(1)));
        await Assert.ThrowsAsync<NotSupportedException>(() => controller.KickAsync(Sub("100.64.0.30")));
        await Assert.ThrowsAsync<NotSupportedException>(() =>
            controller.ApplyAsync([AccessCommand.ToBlock(Sub("100.64.0.40")), AccessCommand.ToThrottle(Sub("100.64.0.41"), Bandwidth.FromMegabits(1))]));
        Assert.Empty(router.AddressLists.FindAll("address", "100.64.0.40")); // rejected before anything was sent
    }

    [Fact]
    public async Task A_subscriber_without_an_ip_is_a_validation_error()
    {
        await using var router = await Routers.StartAsync();
        await using var controller = new MikroTikAccessController(Routers.Controller(router, MikroTikAccessStrategy.AddressList));
        await Assert.ThrowsAsync<ConnectorValidationException>(() => controller.BlockAsync(Subscriber.ForLogin("x"), BlockRequest.Overdue));
        await Assert.ThrowsAsync<ConnectorValidationException>(() => controller.GetAccessStateAsync(Subscriber.ForLogin("x")));
    }
}
