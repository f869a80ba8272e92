using Cobranca.Connectors.Abstractions;
using Cobranca.Connectors.Testing.Ixc;
using static Cobranca.Connectors.Ixc.Tests.IxcTestHost;

namespace Cobranca.Connectors.Ixc.Tests;

/// <summary>A write IXC accepted is reported as done even when the re-read that follows it fails.</summary>
public sealed class WriteOutcomeTests
{
    /// <summary>Makes every read of <c>cliente_contrato</c> that follows a call to <paramref name="write"/> fail (504, beyond the retries).</summary>
    private static void FailReadsAfter(IxcTestHost host, string write) =>
        host.Sandbox.RequestReceived = request =>
        {
            if (request.Resource == write) host.Sandbox.InjectFault(IxcSandboxFault.HttpStatus(504), "cliente_contrato", times: 20);
        };

    [Fact]
    public async Task A_granted_trust_unlock_is_granted_even_when_the_re_read_fails()
    {
        await using var host = await StartAsync();
        FailReadsAfter(host, "desbloqueio_confianca");

        var result = await host.Client.AsBillingSystem().RequestTrustUnlockAsync(IxcSandboxData.MariaContractId);

        Assert.Equal(TrustUnlockOutcome.Granted, result.Outcome);
        Assert.Null(result.Until); // the return date comes from the re-read, which failed
        Assert.Equal("A", host.Sandbox.GetRow("cliente_contrato", IxcSandboxData.MariaContractId)!["status_internet"]);
        Assert.Single(host.RequestsTo("desbloqueio_confianca"));
        Assert.NotEmpty(host.RequestsTo("cliente_contrato")); // the re-read was attempted
    }

    [Fact]
    public async Task A_block_is_applied_even_when_the_re_read_fails()
    {
        await using var host = await StartAsync();
        FailReadsAfter(host, "cliente_contrato_15300");

        var change = await host.Client.AsAccessController().BlockAsync(Subscriber.ForContract(IxcSandboxData.JoaoContractId), BlockRequest.Overdue);

        Assert.Equal(AccessChangeOutcome.Applied, change.Outcome);
        Assert.Equal(AccessStatus.Blocked, change.State.Status);
        Assert.Null(change.State.RawCode); // not read back
        Assert.Contains("not confirmed", change.Detail, StringComparison.Ordinal);
        Assert.Equal("CM", host.Sandbox.GetRow("cliente_contrato", IxcSandboxData.JoaoContractId)!["status_internet"]);
        Assert.Single(host.RequestsTo("cliente_contrato_15300"));
    }

    [Fact]
    public async Task An_unblock_in_a_batch_is_applied_not_failed_when_the_re_read_fails()
    {
        await using var host = await StartAsync();
        FailReadsAfter(host, "cliente_contrato_15464");

        var result = await host.Client.AsAccessController().ApplyAsync([AccessCommand.ToUnblock(Subscriber.ForContract(IxcSandboxData.MariaContractId))]);

        var item = Assert.Single(result.Items);
        Assert.Equal(BatchItemOutcome.Applied, item.Outcome);
        Assert.Equal("A", host.Sandbox.GetRow("cliente_contrato", IxcSandboxData.MariaContractId)!["status_internet"]);
    }
}
