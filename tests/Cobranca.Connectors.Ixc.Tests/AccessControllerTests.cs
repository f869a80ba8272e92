using System.Net;
using Cobranca.Connectors.Abstractions;
using Cobranca.Connectors.Testing.Ixc;
using static Cobranca.Connectors.Ixc.Tests.IxcTestHost;

namespace Cobranca.Connectors.Ixc.Tests;

public sealed class AccessControllerTests
{
    [Fact]
    public async Task Block_calls_15300_and_reports_the_re_read_state()
    {
        await using var host = await StartAsync();
        var access = host.Client.AsAccessController();

        var change = await access.BlockAsync(Subscriber.ForContract(IxcSandboxData.JoaoContractId), BlockRequest.Overdue);

        var request = Assert.Single(host.RequestsTo("cliente_contrato_15300"));
        Assert.Equal("POST", request.Method);
        Assert.Null(request.Header("ixcsoft"));
        Assert.Equal(host.ExpectedAuthorization, request.Header("Authorization"));
        Assert.Equal(Canonical("""{"id_contrato":"2002"}"""), Canonical(request.Body));
        Assert.Equal(AccessChangeOutcome.Applied, change.Outcome);
        Assert.Equal(AccessStatus.Blocked, change.State.Status);
        Assert.Equal("CM", change.State.RawCode);
        Assert.Equal("CM", host.Sandbox.GetRow("cliente_contrato", IxcSandboxData.JoaoContractId)!["status_internet"]);
        Assert.Empty(host.RequestsTo("desconectar_clientes")); // João is offline
    }

    [Fact]
    public async Task Block_is_idempotent_and_sends_no_write_when_already_blocked()
    {
        await using var host = await StartAsync();

        var change = await host.Client.AsAccessController().BlockAsync(Subscriber.ForContract(IxcSandboxData.MariaContractId), BlockRequest.Overdue);

        Assert.Equal(AccessChangeOutcome.AlreadyInState, change.Outcome);
        Assert.Equal("CA", change.State.RawCode);
        Assert.DoesNotContain(host.Sandbox.Requests, r => r.Resource.StartsWith("cliente_contrato_", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Unblock_calls_15464_and_kicks_the_online_session()
    {
        await using var host = await StartAsync();

        var change = await host.Client.AsAccessController().UnblockAsync(Subscriber.ForLogin(IxcSandboxData.MariaLogin));

        Assert.Equal(Canonical("""{"id_contrato":"2001"}"""), Canonical(Assert.Single(host.RequestsTo("cliente_contrato_15464")).Body));
        Assert.Equal(Canonical("""{"id":"4001"}"""), Canonical(Assert.Single(host.RequestsTo("desconectar_clientes")).Body));
        Assert.Equal(AccessChangeOutcome.Applied, change.Outcome);
        Assert.Equal(AccessStatus.Active, change.State.Status);
        Assert.Contains("1 session(s) kicked", change.Detail, StringComparison.Ordinal);
        Assert.Equal("N", host.Sandbox.GetRow("radusuarios", IxcSandboxData.MariaRadiusUserId)!["online"]);
    }

    [Fact]
    public async Task Unblock_of_an_active_contract_is_already_in_state()
    {
        await using var host = await StartAsync(o => o.DisconnectSessionsOnAccessChange = false);
        var access = host.Client.AsAccessController();

        var change = await access.UnblockAsync(Subscriber.ForContract(IxcSandboxData.JoaoContractId));

        Assert.Equal(AccessChangeOutcome.AlreadyInState, change.Outcome);
        Assert.Empty(host.RequestsTo("cliente_contrato_15464"));
        Assert.False(access.Info.Supports(AccessCapabilities.KickSession));
    }

    [Fact]
    public async Task Throttle_is_not_supported_and_says_so_up_front()
    {
        await using var host = await StartAsync();
        var access = host.Client.AsAccessController();

        Assert.Equal("ixc", access.Info.Name);
        Assert.True(access.Info.Supports(AccessCapabilities.ReadState | AccessCapabilities.Block | AccessCapabilities.Unblock | AccessCapabilities.KickSession));
        Assert.False(access.Info.Supports(AccessCapabilities.Throttle));
        await Assert.ThrowsAsync<NotSupportedException>(() => access.ThrottleAsync(Subscriber.ForContract("2002"), Bandwidth.FromMegabits(1)));
        Assert.Empty(host.Sandbox.Requests);
    }

    [Fact]
    public async Task A_subscriber_ixc_cannot_resolve_is_a_clear_argument_error()
    {
        await using var host = await StartAsync();
        var access = host.Client.AsAccessController();

        await Assert.ThrowsAsync<ArgumentException>(() => access.GetAccessStateAsync(Subscriber.ForIp(IPAddress.Parse("100.64.12.34"))));
        await Assert.ThrowsAsync<ConnectorNotFoundException>(() => access.GetAccessStateAsync(Subscriber.ForContract(IxcSandboxData.MissingId)));
        await Assert.ThrowsAsync<ConnectorNotFoundException>(() => access.GetAccessStateAsync(Subscriber.ForLogin("nobody")));
    }

    [Fact]
    public async Task Apply_reports_one_outcome_per_command_in_order()
    {
        await using var host = await StartAsync();
        var progress = new List<BatchProgress>();

        var result = await host.Client.AsAccessController().ApplyAsync(
        [
            AccessCommand.ToBlock(Subscriber.ForContract(IxcSandboxData.JoaoContractId)),
            AccessCommand.ToUnblock(Subscriber.ForContract(IxcSandboxData.MariaContractId)),
            AccessCommand.ToBlock(Subscriber.ForContract(IxcSandboxData.JoaoContractId)),
            AccessCommand.ToThrottle(Subscriber.ForContract(IxcSandboxData.JoaoContractId), Bandwidth.FromMegabits(2)),
            AccessCommand.ToBlock(Subscriber.ForContract(IxcSandboxData.MissingId)),
        ], new SyncProgress(progress));

        Assert.Equal([BatchItemOutcome.Applied, BatchItemOutcome.Applied, BatchItemOutcome.AlreadyInState, BatchItemOutcome.Failed, BatchItemOutcome.Failed],
            result.Items.Select(i => i.Outcome));
        Assert.Contains("speed reduction", result.Items[3].Error, StringComparison.Ordinal);
        Assert.Equal(new BatchProgress(5, 5, 2), progress[^1]);
    }

    [Fact]
    public async Task A_partial_row_added_to_the_sandbox_behaves_like_a_full_ixc_row()
    {
        await using var host = await StartAsync();
        host.Sandbox.UpsertRow("cliente_contrato", new Dictionary<string, string>
        {
            ["id"] = "2999", ["id_cliente"] = IxcSandboxData.JoaoCustomerId, ["status"] = "A", ["status_internet"] = "CM",
        });
        var access = host.Client.AsAccessController();

        Assert.Equal(AccessStatus.Blocked, (await access.GetAccessStateAsync(Subscriber.ForContract("2999"))).Status);
        Assert.Equal(AccessChangeOutcome.Applied, (await access.UnblockAsync(Subscriber.ForContract("2999"))).Outcome);
        Assert.Equal("", host.Sandbox.GetRow("cliente_contrato", "2999")!["contrato"]);
    }

    [Theory]
    [InlineData("A", "A", "N", "N", "active")]
    [InlineData("A", "A", "S", "N", "trust-unlocked")]
    [InlineData("A", "A", "N", "R", "throttled")]
    [InlineData("A", "CM", "N", "N", "blocked")]
    [InlineData("A", "CA", "N", "N", "blocked")]
    [InlineData("A", "FA", "N", "N", "blocked")]
    [InlineData("A", "AA", "N", "N", "inactive")]
    [InlineData("A", "D", "N", "N", "inactive")]
    [InlineData("I", "A", "N", "N", "inactive")]
    [InlineData("A", "CE", "N", "N", "unknown")]
    [InlineData("A", "ZZ", "N", "N", "unknown")]
    public async Task Status_internet_maps_to_the_common_state_keeping_the_raw_code(string status, string statusInternet, string trust, string speed, string expected)
    {
        await using var host = await StartAsync();
        var row = host.Sandbox.GetRow("cliente_contrato", IxcSandboxData.JoaoContractId)!.ToDictionary();
        row["status"] = status;
        row["status_internet"] = statusInternet;
        row["desbloqueio_confianca_ativo"] = trust;
        row["status_velocidade"] = speed;
        host.Sandbox.UpsertRow("cliente_contrato", row);

        var state = await host.Client.AsAccessController().GetAccessStateAsync(Subscriber.ForContract(IxcSandboxData.JoaoContractId));

        Assert.Equal(new AccessStatus(expected), state.Status);
        Assert.Equal(statusInternet, state.RawCode);
    }

    private sealed class SyncProgress(List<BatchProgress> sink) : IProgress<BatchProgress>
    {
        public void Report(BatchProgress value) => sink.Add(value);
    }
}
