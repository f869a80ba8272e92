using System.Net;
using Cobranca.Connectors.Abstractions;

namespace Cobranca.Connectors.MikroTik.Tests.Access;

public sealed class ApplyAsyncTests
{
    private static Subscriber Ip(int i) => Subscriber.ForIp(IPAddress.Parse($"100.64.{i / 250}.{i % 250 + 1}"));

    private sealed class Recorder : IProgress<BatchProgress>
    {
        public List<BatchProgress> Reports { get; } = [];

        public void Report(BatchProgress value)
        {
            lock (Reports) Reports.Add(value);
        }
    }

    [Fact]
    public async Task Bulk_reads_once_diffs_locally_pipelines_adds_and_batches_removes()
    {
        await using var router = await Routers.StartAsync();
        for (var i = 0; i < 50; i++) router.AddressLists.Add(Routers.Row(("list", "bloqueados"), ("address", Ip(i).IpAddress!.ToString())));
        await using var controller = new MikroTikAccessController(Routers.Controller(router, MikroTikAccessStrategy.AddressList,
            o => o.BatchIdsPerCommand = 10));
        var commands = new List<AccessCommand>();
        commands.AddRange(Enumerable.Range(0, 30).Select(i => AccessCommand.ToUnblock(Ip(i))));      // present -> removed
        commands.AddRange(Enumerable.Range(30, 20).Select(i => AccessCommand.ToBlock(Ip(i))));       // present -> already
        commands.AddRange(Enumerable.Range(50, 40).Select(i => AccessCommand.ToBlock(Ip(i))));       // absent -> added
        commands.Add(AccessCommand.ToUnblock(Ip(500)));                                               // absent -> already
        commands.Add(AccessCommand.ToBlock(Subscriber.ForLogin("no-ip")));                            // invalid -> failed
        var progress = new Recorder();

        var result = await controller.ApplyAsync(commands, progress);

        Assert.Equal(70, result.Count(BatchItemOutcome.Applied));
        Assert.Equal(21, result.Count(BatchItemOutcome.AlreadyInState));
        var failed = Assert.Single(result.Items, i => i.Outcome == BatchItemOutcome.Failed);
        Assert.Equal(commands.Count - 1, failed.Index);
        Assert.Contains("IPv4", failed.Error);
        Assert.Equal(Enumerable.Range(0, commands.Count), result.Items.Select(i => i.Index));
        Assert.Equal(60, router.AddressLists.Count);
        Assert.Equal(1, router.CountCommands("/ip/firewall/address-list/print"));
        Assert.Equal(40, router.CountCommands("/ip/firewall/address-list/add"));
        Assert.Equal(3, router.CountCommands("/ip/firewall/address-list/remove"));
        Assert.Equal(new BatchProgress(commands.Count, commands.Count, 1), progress.Reports.MaxBy(p => p.Completed));
    }

    [Fact]
    public async Task The_last_command_for_a_subscriber_wins_and_earlier_ones_are_reported_not_attempted()
    {
        await using var router = await Routers.StartAsync();
        await using var controller = new MikroTikAccessController(Routers.Controller(router, MikroTikAccessStrategy.AddressList));

        var result = await controller.ApplyAsync([AccessCommand.ToBlock(Ip(1)), AccessCommand.ToUnblock(Ip(2)), AccessCommand.ToUnblock(Ip(1))]);

        Assert.Equal(BatchItemOutcome.NotAttempted, result.Items[0].Outcome);
        Assert.Contains("superseded", result.Items[0].Error);
        Assert.Equal(BatchItemOutcome.AlreadyInState, result.Items[2].Outcome);
        Assert.Equal(0, router.AddressLists.Count);
    }

    [Fact]
    public async Task A_remove_batch_hitting_a_vanished_id_falls_back_to_single_removes()
    {
        await using var router = await Routers.StartAsync();
        for (var i = 0; i < 12; i++) router.AddressLists.Add(Routers.Row(("list", "bloqueados"), ("address", Ip(i).IpAddress!.ToString())));
        router.SetLatency("/ip/firewall/address-list/remove", TimeSpan.FromMilliseconds(500));
        await using var controller = new MikroTikAccessController(Routers.Controller(router, MikroTikAccessStrategy.AddressList));

        var apply = controller.ApplyAsync(Enumerable.Range(0, 12).Select(i => AccessCommand.ToUnblock(Ip(i))).ToList());
        await Task.Delay(200);
        var vanished = router.AddressLists.FindAll("address", Ip(3).IpAddress!.ToString()).Single()[".id"];
        router.SetLatency("/ip/firewall/address-list/remove", TimeSpan.Zero);
        await using (var other = new RouterOsClient(Routers.Options(router)))
            await other.ExecuteAsync(new RouterOsCommand("/ip/firewall/address-list/remove").With(".id", vanished));
        var result = await apply;

        Assert.Equal(0, router.AddressLists.Count);
        Assert.Equal(BatchItemOutcome.AlreadyInState, result.Items[3].Outcome);
        Assert.Equal(11, result.Count(BatchItemOutcome.Applied));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Connection_loss_mid_batch_gives_a_truthful_report_and_a_reconnectable_client(bool fatal)
    {
        await using var router = await Routers.StartAsync();
        router.CommandLatency = TimeSpan.FromMilliseconds(5);
        await using var controller = new MikroTikAccessController(Routers.Controller(router, MikroTikAccessStrategy.AddressList, o =>
        {
            o.BatchResumeAttempts = 0;
            o.MaxInFlight = 4;
        }));
        var commands = Enumerable.Range(0, 60).Select(i => AccessCommand.ToBlock(Ip(i))).ToList();
        if (fatal) router.FatalAfterSentences = 21; // the print, then 20 adds go through
        else router.DropConnectionAfterSentences = 21;

        var first = await controller.ApplyAsync(commands);

        Assert.False(first.AllSucceeded);
        Assert.True(first.Count(BatchItemOutcome.NotAttempted) > 0);
        Assert.Equal(0, first.Count(BatchItemOutcome.Failed));
        foreach (var item in first.Items)
        {
            var present = router.AddressLists.FindAll("address", item.Command.Subscriber.IpAddress!.ToString()).Count == 1;
            if (item.Outcome == BatchItemOutcome.Applied) Assert.True(present, $"item {item.Index} reported applied but is absent");
            if (item.Outcome == BatchItemOutcome.NotAttempted) Assert.False(present, $"item {item.Index} reported not attempted but is present");
        }
        var alreadyThere = router.AddressLists.Count;
        Assert.InRange(alreadyThere, 1, 20);

        // Same batch again on the same controller: it reconnects, re-reads, and only adds what is missing.
        var addsBefore = router.CountCommands("/ip/firewall/address-list/add");
        var second = await controller.ApplyAsync(commands);

        Assert.True(second.AllSucceeded);
        Assert.Equal(alreadyThere, second.Count(BatchItemOutcome.AlreadyInState));
        Assert.Equal(60 - alreadyThere, router.CountCommands("/ip/firewall/address-list/add") - addsBefore);
        Assert.Equal(60, router.AddressLists.Count);
        Assert.Equal(2, router.ConnectionCount);
    }

    [Fact]
    public async Task With_resume_enabled_a_dropped_batch_re_reads_and_finishes_without_re_sending_confirmed_writes()
    {
        await using var router = await Routers.StartAsync();
        router.CommandLatency = TimeSpan.FromMilliseconds(5);
        await using var controller = new MikroTikAccessController(Routers.Controller(router, MikroTikAccessStrategy.AddressList,
            o => o.MaxInFlight = 4));
        var commands = Enumerable.Range(0, 60).Select(i => AccessCommand.ToBlock(Ip(i))).ToList();
        router.DropConnectionAfterSentences = 21;

        var result = await controller.ApplyAsync(commands);

        Assert.True(result.AllSucceeded, result.ToString());
        Assert.Equal(60, result.Count(BatchItemOutcome.Applied));
        Assert.Equal(60, router.AddressLists.Count);
        Assert.Equal(2, router.CountCommands("/ip/firewall/address-list/print"));
        Assert.InRange(router.CountCommands("/ip/firewall/address-list/add"), 60, 60 + 4); // only in-flight adds can repeat as reads proved them absent
        Assert.Equal(2, router.ConnectionCount);
    }
}
