using System.Net;
using Cobranca.Connectors.Abstractions;

namespace Cobranca.Connectors.MikroTik.Tests.Access;

public sealed class PppAndQueueStrategyTests
{
    [Fact]
    public async Task Ppp_secret_disable_blocks_kicks_and_unblocks_idempotently()
    {
        await using var router = await Routers.StartAsync();
        router.PppSecrets.Add(Routers.Row(("name", "maria"), ("password", "x"), ("profile", "plano100")));
        router.PppActive.Add(Routers.Row(("name", "maria"), ("address", "100.64.1.2")));
        router.PppActive.Add(Routers.Row(("name", "jose"), ("address", "100.64.1.3")));
        await using var controller = new MikroTikAccessController(Routers.Controller(router, MikroTikAccessStrategy.PppSecretDisable));
        var maria = Subscriber.ForLogin("maria");

        var block = await controller.BlockAsync(maria, BlockRequest.Overdue);
        Assert.Equal(AccessChangeOutcome.Applied, block.Outcome);
        Assert.Equal("true", router.PppSecrets.FindAll("name", "maria").Single()["disabled"]);
        Assert.Equal("jose", Assert.Single(router.PppActive.Rows)["name"]);
        Assert.Equal(AccessChangeOutcome.AlreadyInState, (await controller.BlockAsync(maria, BlockRequest.Overdue)).Outcome);
        Assert.Equal(AccessStatus.Blocked, (await controller.GetAccessStateAsync(maria)).Status);

        Assert.Equal(AccessChangeOutcome.Applied, (await controller.UnblockAsync(maria)).Outcome);
        Assert.Equal("false", router.PppSecrets.FindAll("name", "maria").Single()["disabled"]);
        Assert.Equal(AccessChangeOutcome.AlreadyInState, (await controller.UnblockAsync(maria)).Outcome);
        Assert.Equal(AccessStatus.Active, (await controller.GetAccessStateAsync(maria)).Status);
    }

    [Fact]
    public async Task Ppp_secret_disable_reports_an_unknown_login_as_not_found()
    {
        await using var router = await Routers.StartAsync();
        await using var controller = new MikroTikAccessController(Routers.Controller(router, MikroTikAccessStrategy.PppSecretDisable));
        await Assert.ThrowsAsync<ConnectorNotFoundException>(() => controller.BlockAsync(Subscriber.ForLogin("ghost"), BlockRequest.Overdue));
        var batch = await controller.ApplyAsync([AccessCommand.ToBlock(Subscriber.ForLogin("ghost"))]);
        Assert.Equal(BatchItemOutcome.Failed, batch.Items[0].Outcome);
    }

    [Fact]
    public async Task Ppp_bulk_disables_with_one_batched_set_and_one_batched_kick()
    {
        await using var router = await Routers.StartAsync();
        for (var i = 0; i < 20; i++)
        {
            router.PppSecrets.Add(Routers.Row(("name", $"c{i}")));
            router.PppActive.Add(Routers.Row(("name", $"c{i}")));
        }
        await using var controller = new MikroTikAccessController(Routers.Controller(router, MikroTikAccessStrategy.PppSecretDisable));

        var result = await controller.ApplyAsync(Enumerable.Range(0, 20).Select(i => AccessCommand.ToBlock(Subscriber.ForLogin($"c{i}"))).ToList());

        Assert.Equal(20, result.Count(BatchItemOutcome.Applied));
        Assert.All(router.PppSecrets.Rows, r => Assert.Equal("true", r["disabled"]));
        Assert.Equal(0, router.PppActive.Count);
        Assert.Equal(1, router.CountCommands("/ppp/secret/set"));
        Assert.Equal(1, router.CountCommands("/ppp/active/remove"));
        Assert.Equal(1, router.CountCommands("/ppp/secret/print"));
    }

    [Fact]
    public async Task Ppp_profile_swap_remembers_and_restores_the_plan_profile()
    {
        await using var router = await Routers.StartAsync();
        router.PppSecrets.Add(Routers.Row(("name", "ana"), ("profile", "plano100"), ("comment", "cliente 42")));
        router.PppActive.Add(Routers.Row(("name", "ana")));
        await using var controller = new MikroTikAccessController(Routers.Controller(router, MikroTikAccessStrategy.PppProfileSwap, o =>
        {
            o.BlockProfile = "bloqueio";
            o.ThrottleProfile = "reduzido";
        }));
        var ana = Subscriber.ForLogin("ana");
        IReadOnlyDictionary<string, string> Secret() => router.PppSecrets.FindAll("name", "ana").Single();

        Assert.Equal(AccessChangeOutcome.Applied, (await controller.ThrottleAsync(ana, Bandwidth.FromMegabits(2))).Outcome);
        Assert.Equal("reduzido", Secret()["profile"]);
        Assert.Equal("cobranca:restore=plano100;cliente 42", Secret()["comment"]);
        Assert.Equal(0, router.PppActive.Count); // kicked
        Assert.Equal(AccessStatus.Throttled, (await controller.GetAccessStateAsync(ana)).Status);

        Assert.Equal(AccessChangeOutcome.Applied, (await controller.BlockAsync(ana, BlockRequest.Overdue)).Outcome);
        Assert.Equal("bloqueio", Secret()["profile"]);
        Assert.Equal("cobranca:restore=plano100;cliente 42", Secret()["comment"]); // still the plan, not the throttle profile
        Assert.Equal(AccessChangeOutcome.AlreadyInState, (await controller.BlockAsync(ana, BlockRequest.Overdue)).Outcome);

        Assert.Equal(AccessChangeOutcome.Applied, (await controller.UnblockAsync(ana)).Outcome);
        Assert.Equal("plano100", Secret()["profile"]);
        Assert.Equal("cliente 42", Secret()["comment"]);
        Assert.Equal(AccessChangeOutcome.AlreadyInState, (await controller.UnblockAsync(ana)).Outcome);
    }

    [Theory]
    [InlineData("utf-8")]
    [InlineData("windows-1252")]
    public async Task Ppp_profile_swap_keeps_a_foreign_comment_byte_for_byte_and_never_refuses_because_of_it(string storedAs)
    {
        // Issue 9 item 10: an accented comment (typed in Winbox, any encoding) used to make block/throttle refuse.
        await using var router = await Routers.StartAsync();
        var encoding = storedAs == "utf-8" ? System.Text.Encoding.UTF8 : System.Text.CodePagesEncodingProvider.Instance.GetEncoding(1252)!;
        var id = router.PppSecrets.Add(Routers.Row(("name", "ze"), ("profile", "plano50"), ("comment", "José da Conceição")), encoding);
        var original = router.PppSecrets.GetRawValue(id, "comment")!;
        await using var controller = new MikroTikAccessController(Routers.Controller(router, MikroTikAccessStrategy.PppProfileSwap,
            o => o.BlockProfile = "bloqueio"));

        var block = await controller.BlockAsync(Subscriber.ForLogin("ze"), BlockRequest.Overdue);

        Assert.Equal(AccessChangeOutcome.Applied, block.Outcome);
        Assert.Equal("bloqueio", router.PppSecrets.Rows.Single()["profile"]);
        Assert.Equal("cobranca:restore=plano50;José da Conceição", router.PppSecrets.Rows.Single()["comment"]);
        var marked = router.PppSecrets.GetRawValue(id, "comment")!;
        Assert.Equal(original, marked[^original.Length..]); // the original bytes follow the ASCII marker unchanged

        var unblock = await controller.UnblockAsync(Subscriber.ForLogin("ze"));

        Assert.Equal(AccessChangeOutcome.Applied, unblock.Outcome);
        Assert.Equal("plano50", router.PppSecrets.Rows.Single()["profile"]);
        Assert.Equal(original, router.PppSecrets.GetRawValue(id, "comment"));
        Assert.False(controller.Info.Supports(AccessCapabilities.Throttle));
        await Assert.ThrowsAsync<NotSupportedException>(() => controller.ThrottleAsync(Subscriber.ForLogin("ze"), Bandwidth.FromMegabits(1)));
    }

    [Fact]
    public async Task Simple_queue_throttle_keeps_a_windows_1252_comment_and_restores_it_exactly()
    {
        await using var router = await Routers.StartAsync();
        var id = router.SimpleQueues.Add(Routers.Row(("name", "joão"), ("target", "100.64.2.10/32"), ("max-limit", "50M/100M"),
            ("comment", "Cliente João – plano família")), System.Text.CodePagesEncodingProvider.Instance.GetEncoding(1252)!);
        var original = router.SimpleQueues.GetRawValue(id, "comment")!;
        await using var controller = new MikroTikAccessController(Routers.Controller(router, MikroTikAccessStrategy.SimpleQueue));

        var throttle = await controller.ThrottleAsync(Subscriber.ForLogin("joão"), Bandwidth.FromMegabits(1, 2));
        Assert.Equal(AccessChangeOutcome.Applied, throttle.Outcome);
        var unblock = await controller.UnblockAsync(Subscriber.ForLogin("joão"));

        Assert.Equal(AccessChangeOutcome.Applied, unblock.Outcome);
        Assert.Equal("50M/100M", router.SimpleQueues.Rows.Single()["max-limit"]);
        Assert.Equal(original, router.SimpleQueues.GetRawValue(id, "comment"));
    }

    [Fact]
    public async Task Simple_queue_throttle_and_restore()
    {
        await using var router = await Routers.StartAsync();
        router.SimpleQueues.Add(Routers.Row(("name", "loja-centro"), ("target", "100.64.2.9/32"), ("max-limit", "50M/100M")));
        await using var controller = new MikroTikAccessController(Routers.Controller(router, MikroTikAccessStrategy.SimpleQueue));
        var byIp = Subscriber.ForIp(IPAddress.Parse("100.64.2.9"));
        IReadOnlyDictionary<string, string> Queue() => router.SimpleQueues.Rows.Single();

        var throttle = await controller.ThrottleAsync(byIp, Bandwidth.FromMegabits(2, 1));
        Assert.Equal(AccessChangeOutcome.Applied, throttle.Outcome);
        Assert.Equal("1000000/2000000", Queue()["max-limit"]); // upload/download, the router's order
        Assert.Equal(AccessChangeOutcome.AlreadyInState, (await controller.ThrottleAsync(byIp, Bandwidth.FromMegabits(2, 1))).Outcome);
        var state = await controller.GetAccessStateAsync(byIp);
        Assert.Equal(AccessStatus.Throttled, state.Status);
        Assert.Equal(Bandwidth.FromMegabits(2, 1), state.Limit);

        Assert.Equal(AccessChangeOutcome.Applied, (await controller.UnblockAsync(byIp)).Outcome);
        Assert.Equal("50M/100M", Queue()["max-limit"]);
        Assert.Equal(string.Empty, Queue()["comment"]);
        Assert.Equal(AccessChangeOutcome.AlreadyInState, (await controller.UnblockAsync(byIp)).Outcome);
        await Assert.ThrowsAsync<NotSupportedException>(() => controller.BlockAsync(byIp, BlockRequest.Overdue));
        await Assert.ThrowsAsync<ConnectorNotFoundException>(() => controller.ThrottleAsync(Subscriber.ForLogin("none"), Bandwidth.FromMegabits(1)));
    }

    [Fact]
    public async Task Kick_only_touches_nothing_but_the_session()
    {
        await using var router = await Routers.StartAsync();
        router.PppSecrets.Add(Routers.Row(("name", "rad")));
        router.PppActive.Add(Routers.Row(("name", "rad"), ("address", "100.64.3.3")));
        await using var controller = new MikroTikAccessController(Routers.Controller(router, MikroTikAccessStrategy.KickOnly));

        var kick = await controller.BlockAsync(Subscriber.ForLogin("rad"), BlockRequest.Overdue);
        var again = await controller.UnblockAsync(Subscriber.ForLogin("rad"));

        Assert.Equal(AccessChangeOutcome.Applied, kick.Outcome);
        Assert.Equal(AccessStatus.Unknown, kick.State.Status);
        Assert.Equal(AccessChangeOutcome.AlreadyInState, again.Outcome);
        Assert.Equal(0, router.PppActive.Count);
        Assert.Equal("false", router.PppSecrets.Rows.Single()["disabled"]);
        Assert.Equal(0, router.CountCommands("/ppp/secret/set"));
        Assert.False(controller.Info.Supports(AccessCapabilities.ReadState));
        await Assert.ThrowsAsync<NotSupportedException>(() => controller.GetAccessStateAsync(Subscriber.ForLogin("rad")));
    }

    [Fact]
    public async Task Kick_by_ip_on_a_ppp_controller()
    {
        await using var router = await Routers.StartAsync();
        router.PppActive.Add(Routers.Row(("name", "x"), ("address", "100.64.4.4")));
        await using var controller = new MikroTikAccessController(Routers.Controller(router, MikroTikAccessStrategy.PppSecretDisable));

        Assert.Equal(AccessChangeOutcome.Applied, (await controller.KickAsync(Subscriber.ForIp(IPAddress.Parse("100.64.4.4")))).Outcome);
        Assert.Equal(0, router.PppActive.Count);
    }
}
