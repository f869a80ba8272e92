using Cobranca.Connectors.Abstractions;
using Cobranca.Connectors.Testing.Ixc;
using static Cobranca.Connectors.Ixc.Tests.IxcTestHost;

namespace Cobranca.Connectors.Ixc.Tests;

/// <summary>A collections-only webservice user (cliente, cliente_contrato, fn_areceber; no radusuarios) is common.</summary>
public sealed class RadiusPermissionTests
{
    private static Task<IxcTestHost> StartWithoutRadiusAsync(LoggingTests.ListLoggerFactory? log = null) =>
        StartAsync(sandbox: s => s.RefusedResources.Add("radusuarios"), loggerFactory: log);

    [Fact]
    public async Task Contracts_and_debt_come_without_the_login_when_radusuarios_is_refused()
    {
        await using var host = await StartWithoutRadiusAsync();

        var contracts = await host.Client.GetContractsAsync(IxcSandboxData.MariaCustomerId);
        var contract = await host.Client.GetContractAsync(IxcSandboxData.MariaContractId);
        var debt = await host.Client.AsBillingSystem().GetDebtStatusAsync(IxcSandboxData.MariaCustomerId);

        Assert.Equal(IxcSandboxData.MariaContractId, Assert.Single(contracts).Id);
        Assert.Null(contracts[0].Login);
        Assert.NotNull(contract);
        Assert.Null(contract.Login);
        Assert.Equal(AccessStatus.Blocked, contract.Access.Status);
        Assert.NotEmpty(debt.Overdue);
        Assert.Equal(AccessStatus.Blocked, Assert.Single(debt.Contracts).Access.Status);
    }

    [Fact]
    public async Task The_access_controller_reads_blocks_and_unblocks_without_radusuarios()
    {
        await using var host = await StartWithoutRadiusAsync();
        var access = host.Client.AsAccessController();

        var state = await access.GetAccessStateAsync(Subscriber.ForContract(IxcSandboxData.MariaContractId));
        var unblock = await access.UnblockAsync(Subscriber.ForContract(IxcSandboxData.MariaContractId));
        var block = await access.BlockAsync(Subscriber.ForContract(IxcSandboxData.JoaoContractId), BlockRequest.Overdue);

        Assert.Equal(AccessStatus.Blocked, state.Status);
        Assert.Equal(AccessChangeOutcome.Applied, unblock.Outcome);
        Assert.Equal(AccessStatus.Active, unblock.State.Status);
        Assert.Contains("not kicked", unblock.Detail, StringComparison.Ordinal);
        Assert.Equal(AccessChangeOutcome.Applied, block.Outcome);
        Assert.Equal("CM", host.Sandbox.GetRow("cliente_contrato", IxcSandboxData.JoaoContractId)!["status_internet"]);
        Assert.DoesNotContain(host.Sandbox.Requests, r => r.Resource == "desconectar_clientes");
    }

    [Fact]
    public async Task The_refusal_is_warned_about_once_per_client_and_shown_in_the_capabilities()
    {
        var log = new LoggingTests.ListLoggerFactory();
        await using var host = await StartWithoutRadiusAsync(log);
        Assert.True(host.Client.AsBillingSystem().Info.Supports(BillingCapabilities.FindByLogin)); // not known yet

        for (var i = 0; i < 3; i++) await host.Client.GetDebtStatusAsync(IxcSandboxData.MariaCustomerId);

        Assert.Single(log.Lines, l => l.Contains("IxcRadiusRefused", StringComparison.Ordinal));
        Assert.False(host.Client.RadiusUsersAvailable);
        Assert.False(host.Client.AsBillingSystem().Info.Supports(BillingCapabilities.FindByLogin));
        Assert.True(host.Client.AsBillingSystem().Info.Supports(BillingCapabilities.DebtStatus));
        Assert.False(host.Client.AsAccessController().Info.Supports(AccessCapabilities.KickSession));
        Assert.True(host.Client.AsAccessController().Info.Supports(AccessCapabilities.Block));
        // The refusal is remembered: later contract reads do not ask for radusuarios again (until it is re-probed).
        Assert.Single(host.RequestsTo("radusuarios"));
    }

    [Fact]
    public async Task Finding_by_login_fails_with_a_message_that_says_what_is_missing()
    {
        await using var host = await StartWithoutRadiusAsync();

        var ex = await Assert.ThrowsAsync<ConnectorAuthenticationException>(() =>
            host.Client.AsBillingSystem().FindCustomersAsync(CustomerLookup.ByLogin(IxcSandboxData.MariaLogin)));
        var viaAccess = await Assert.ThrowsAsync<ConnectorAuthenticationException>(() =>
            host.Client.AsAccessController().GetAccessStateAsync(Subscriber.ForLogin(IxcSandboxData.MariaLogin)));

        Assert.Contains("radusuarios", ex.Message, StringComparison.Ordinal);
        Assert.Contains("permission", ex.Message, StringComparison.Ordinal);
        Assert.Equal("resource-unavailable", ex.ProviderErrorCode);
        Assert.Contains("radusuarios", viaAccess.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Once_the_permission_is_granted_an_explicit_login_lookup_restores_the_logins()
    {
        IxcSandboxOptions? sandbox = null;
        await using var host = await StartAsync(sandbox: s => { sandbox = s; s.RefusedResources.Add("radusuarios"); });
        await host.Client.GetContractsAsync(IxcSandboxData.MariaCustomerId);
        Assert.False(host.Client.RadiusUsersAvailable);

        lock (sandbox!.RefusedResources) sandbox.RefusedResources.Clear(); // the ISP grants the permission
        var users = await host.Client.GetRadiusUsersByLoginAsync(IxcSandboxData.MariaLogin);

        Assert.Single(users);
        Assert.True(host.Client.RadiusUsersAvailable);
        Assert.Equal(IxcSandboxData.MariaLogin, Assert.Single(await host.Client.GetContractsAsync(IxcSandboxData.MariaCustomerId)).Login);
    }

    [Fact]
    public async Task A_refused_contract_table_is_still_an_error()
    {
        await using var host = await StartAsync(sandbox: s => s.RefusedResources.Add("cliente_contrato"));

        var ex = await Assert.ThrowsAsync<ConnectorAuthenticationException>(() => host.Client.GetContractsAsync(IxcSandboxData.MariaCustomerId));

        Assert.Contains("cliente_contrato", ex.Message, StringComparison.Ordinal);
        Assert.True(host.Client.RadiusUsersAvailable);
    }
}
