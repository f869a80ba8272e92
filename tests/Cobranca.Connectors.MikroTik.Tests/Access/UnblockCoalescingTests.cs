using System.Net;
using Cobranca.Connectors.Abstractions;

namespace Cobranca.Connectors.MikroTik.Tests.Access;

/// <summary>Issue 19: concurrent unblocks (a burst of payments) go through the pipelined bulk path together.</summary>
public sealed class UnblockCoalescingTests
{
    private static Subscriber Ip(int i) => Subscriber.ForIp(IPAddress.Parse($"100.64.1.{i + 1}"));

    private static async Task<(BatchItemOutcome[] Outcomes, int Prints, int Removes)> BurstAsync(bool coalesce)
    {
        await using var router = await Routers.StartAsync();
        router.CommandLatency = TimeSpan.FromMilliseconds(10);
        for (var i = 0; i < 40; i++) router.AddressLists.Add(Routers.Row(("list", "bloqueados"), ("address", Ip(i).IpAddress!.ToString())));
        await using var controller = new MikroTikAccessController(Routers.Controller(router, MikroTikAccessStrategy.AddressList,
            o => o.CoalesceUnblocks = coalesce));
        await controller.Client.ConnectAsync();

        // 40 payments confirmed at once, plus the same customer paying twice.
        var changes = await Task.WhenAll(Enumerable.Range(0, 40).Append(7).Select(i => Task.Run(() => controller.UnblockAsync(Ip(i)))));

        Assert.Equal(0, router.AddressLists.Count);
        return (changes.Select(c => c.Outcome == AccessChangeOutcome.Applied ? BatchItemOutcome.Applied : BatchItemOutcome.AlreadyInState).ToArray(),
            router.CountCommands("/ip/firewall/address-list/print"), router.CountCommands("/ip/firewall/address-list/remove"));
    }

    [Fact]
    public async Task A_burst_of_concurrent_unblocks_takes_a_few_bulk_rounds_not_one_round_trip_pair_each()
    {
        var (outcomes, prints, removes) = await BurstAsync(coalesce: true);

        Assert.True(outcomes.Count(o => o == BatchItemOutcome.Applied) >= 40);
        Assert.InRange(prints, 1, 4);
        Assert.InRange(removes, 1, 4);
    }

    [Fact]
    public async Task Without_coalescing_each_unblock_pays_its_own_read_and_remove()
    {
        var (_, prints, removes) = await BurstAsync(coalesce: false);

        Assert.Equal(41, prints);
        Assert.InRange(removes, 40, 41); // the double payment races with itself
    }

    [Fact]
    public async Task Coalesced_unblocks_keep_their_own_errors_and_cancellation()
    {
        await using var router = await Routers.StartAsync();
        router.CommandLatency = TimeSpan.FromMilliseconds(10);
        router.AddressLists.Add(Routers.Row(("list", "bloqueados"), ("address", "100.64.1.1")));
        await using var controller = new MikroTikAccessController(Routers.Controller(router, MikroTikAccessStrategy.AddressList));
        await controller.Client.ConnectAsync();
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        var ok = controller.UnblockAsync(Ip(0));
        var invalid = controller.UnblockAsync(Subscriber.ForContract("no-address"));
        var gone = controller.UnblockAsync(Ip(5), cancelled.Token);

        Assert.Equal(AccessChangeOutcome.Applied, (await ok).Outcome);
        await Assert.ThrowsAsync<ConnectorValidationException>(() => invalid);
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => gone);
    }
}
