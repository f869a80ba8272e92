using System.Diagnostics;

namespace Cobranca.Connectors.MikroTik.Tests.Protocol;

/// <summary>
/// The emulator's link model (<c>CommandLatency</c>): never faster than the setting, in order, and commands overlap. How
/// close to the setting a round trip comes is measured, not asserted (see the "Seq. RTT measured" column of the RouterOS
/// benchmarks): on a busy machine any wake-up can be late.
/// </summary>
public sealed class EmulatorLinkTests
{
    [Fact]
    public async Task A_round_trip_never_takes_less_than_the_set_latency()
    {
        await using var router = await Routers.StartAsync();
        router.CommandLatency = TimeSpan.FromMilliseconds(2);
        await using var connection = await RouterOsConnection.OpenAsync(Routers.Options(router));
        var command = new RouterOsCommand("/system/identity/print");

        for (var i = 0; i < 25; i++)
        {
            var start = Stopwatch.GetTimestamp();
            var reply = await connection.ExecuteAsync(command);
            var elapsed = Stopwatch.GetElapsedTime(start);

            Assert.Equal("emulator", Assert.Single(reply.Rows)["name"]);
            Assert.True(elapsed >= TimeSpan.FromMilliseconds(2), $"round trip {i} took {elapsed.TotalMilliseconds:0.000} ms");
        }
    }

    [Fact]
    public async Task Pipelined_commands_overlap_on_the_link_and_arrive_in_the_order_sent()
    {
        await using var router = await Routers.StartAsync();
        router.CommandLatency = TimeSpan.FromMilliseconds(50);
        await using var connection = await RouterOsConnection.OpenAsync(Routers.Options(router));

        var start = Stopwatch.GetTimestamp();
        var replies = await Task.WhenAll(Enumerable.Range(1, 20).Select(i =>
            connection.ExecuteAsync(new RouterOsCommand("/ip/firewall/address-list/add").With("list", "x").With("address", $"10.9.0.{i}"))));
        var elapsed = Stopwatch.GetElapsedTime(start);

        // The router numbered the entries in arrival order: the link kept the order in which they were sent.
        var ids = replies.Select(r => Convert.ToInt32(r.Ret![1..], 16)).ToList();
        Assert.Equal(ids.Order(), ids);
        Assert.Equal(Enumerable.Range(1, 20).Select(i => $"10.9.0.{i}"), router.AddressLists.Rows.Select(r => r["address"]));
        // One at a time would take 20 x 50 ms; on the wire together they take about one round trip.
        Assert.InRange(elapsed, TimeSpan.FromMilliseconds(50), TimeSpan.FromMilliseconds(20 * 50) - TimeSpan.FromTicks(1));
    }
}
