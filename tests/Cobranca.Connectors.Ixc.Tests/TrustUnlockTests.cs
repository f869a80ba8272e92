using Cobranca.Connectors.Abstractions;
using Cobranca.Connectors.Testing.Ixc;
using static Cobranca.Connectors.Ixc.Tests.IxcTestHost;

namespace Cobranca.Connectors.Ixc.Tests;

public sealed class TrustUnlockTests
{
    [Fact]
    public async Task Granted_trust_unlock_releases_the_contract_until_the_return_date()
    {
        await using var host = await StartAsync();

        var result = await host.Client.AsBillingSystem().RequestTrustUnlockAsync(IxcSandboxData.MariaContractId);

        var request = Assert.Single(host.RequestsTo("desbloqueio_confianca"));
        Assert.Equal("POST", request.Method);
        Assert.Null(request.Header("ixcsoft"));
        Assert.Equal(Canonical("""{"id":"2001"}"""), Canonical(request.Body));
        Assert.Equal(TrustUnlockOutcome.Granted, result.Outcome);
        Assert.True(result.IsSuccess);
        Assert.Equal(new DateTimeOffset(2025, 3, 23, 0, 0, 0, TimeSpan.FromHours(-3)), result.Until);

        var state = await host.Client.AsAccessController().GetAccessStateAsync(Subscriber.ForContract(IxcSandboxData.MariaContractId));
        Assert.Equal(AccessStatus.TrustUnlocked, state.Status);
        Assert.Equal("A", state.RawCode);
    }

    [Fact]
    public async Task Code_107_already_active_is_an_idempotent_success()
    {
        await using var host = await StartAsync();

        var result = await host.Client.RequestTrustUnlockAsync(IxcSandboxData.JoaoContractId);

        Assert.Equal(TrustUnlockOutcome.AlreadyActive, result.Outcome);
        Assert.True(result.IsSuccess);
        Assert.Equal("107", result.ProviderCode);
    }

    [Fact]
    public async Task Code_109_inactive_contract_is_not_eligible()
    {
        await using var host = await StartAsync();

        var result = await host.Client.RequestTrustUnlockAsync(IxcSandboxData.PedroContractId);

        Assert.Equal(TrustUnlockOutcome.NotEligible, result.Outcome);
        Assert.Equal("109", result.ProviderCode);
        Assert.Contains("inativo", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Code_113_used_and_unpaid_is_limit_reached_until_the_overdue_invoice_is_paid()
    {
        await using var host = await StartAsync();

        var refused = await host.Client.RequestTrustUnlockAsync(IxcSandboxData.AnaContractId);
        Assert.Equal(TrustUnlockOutcome.LimitReached, refused.Outcome);
        Assert.Equal("113", refused.ProviderCode);
        Assert.Contains("será habilitado novamente", refused.Reason, StringComparison.Ordinal);

        host.Sandbox.PayInvoice(IxcSandboxData.AnaOverdueInvoiceId, 10m); // a partial payment of an overdue invoice re-enables it
        var granted = await host.Client.RequestTrustUnlockAsync(IxcSandboxData.AnaContractId);
        Assert.Equal(TrustUnlockOutcome.Granted, granted.Outcome);
    }

    [Fact]
    public async Task Trust_unlock_is_once_until_paid()
    {
        await using var host = await StartAsync();
        Assert.Equal(TrustUnlockOutcome.Granted, (await host.Client.RequestTrustUnlockAsync(IxcSandboxData.MariaContractId)).Outcome);

        // Three days later the unlock ends and IXC blocks again: a second unlock is refused while the debt is unpaid.
        host.Time.Advance(TimeSpan.FromDays(3));
        var access = host.Client.AsAccessController();
        var state = await access.GetAccessStateAsync(Subscriber.ForContract(IxcSandboxData.MariaContractId));
        Assert.Equal(AccessStatus.Blocked, state.Status);
        Assert.Equal("CA", state.RawCode);
        Assert.Equal(TrustUnlockOutcome.LimitReached, (await host.Client.RequestTrustUnlockAsync(IxcSandboxData.MariaContractId)).Outcome);

        // Paying everything overdue releases the contract (IXC's automatic release).
        foreach (var id in new[] { IxcSandboxData.MariaOverdueInvoiceId, IxcSandboxData.MariaPartialInvoiceId, IxcSandboxData.MariaAvulsoInvoiceId })
            host.Sandbox.PayInvoice(id);
        Assert.Equal(AccessStatus.Active, (await access.GetAccessStateAsync(Subscriber.ForContract(IxcSandboxData.MariaContractId))).Status);
    }

    [Fact]
    public async Task Code_106_unknown_contract_throws_not_found()
    {
        await using var host = await StartAsync();

        var ex = await Assert.ThrowsAsync<ConnectorNotFoundException>(() => host.Client.RequestTrustUnlockAsync(IxcSandboxData.MissingId));

        Assert.Equal("106", ex.ProviderErrorCode);
        Assert.Single(host.Sandbox.Requests);
    }
}
