using Cobranca.Connectors.Abstractions;
using Cobranca.Connectors.Testing.Ixc;
using static Cobranca.Connectors.Ixc.Tests.IxcTestHost;

namespace Cobranca.Connectors.Ixc.Tests;

/// <summary>
/// Issue 19: a payment → unblock over IXC reads the contract and its login once. The workflow re-reads the debt, then
/// hands each contract to the access controller (<see cref="Subscriber.Contract"/>); the controller must not read it again.
/// </summary>
public sealed class PaymentUnblockCallTests
{
    [Fact]
    public async Task Debt_re_read_then_unblock_costs_five_requests_and_no_repeated_read()
    {
        await using var host = await StartAsync(o => o.DisconnectSessionsOnAccessChange = false);
        var controller = host.Client.AsAccessController();
        host.Sandbox.ClearRequests();

        // What PaymentToUnblock does: the debt re-read, then UnblockAsync per contract with the contract it just read.
        var debt = await host.Client.AsBillingSystem().GetDebtStatusAsync(IxcSandboxData.MariaCustomerId);
        var contract = Assert.Single(debt.Contracts, c => c.Id == IxcSandboxData.MariaContractId);
        var change = await controller.UnblockAsync(contract.ToSubscriber() with { Contract = contract });

        Assert.Equal(AccessChangeOutcome.Applied, change.Outcome);
        Assert.True(change.State.Status.HasFullAccess);
        var requests = host.Sandbox.Requests;
        // fn_areceber, cliente_contrato, radusuarios (the debt: contracts with their logins), the release button, and the
        // confirmation re-read of the contract row alone (its login is known). Before: + cliente_contrato and radusuarios
        // again before the write, + radusuarios again after it (8 requests, 3 repeats).
        Assert.Equal(["cliente_contrato", "cliente_contrato", "cliente_contrato_15464", "fn_areceber", "radusuarios"],
            requests.Select(r => r.Resource).Order(StringComparer.Ordinal));
        Assert.Equal(requests.Count, requests.Select(r => (r.Resource, r.Body)).Distinct().Count()); // no request sent twice
        Assert.Equal(IxcSandboxData.MariaLogin, contract.Login);
    }

    [Fact]
    public async Task Without_the_contract_or_with_another_systems_contract_the_controller_reads_it_itself()
    {
        await using var host = await StartAsync(o => o.DisconnectSessionsOnAccessChange = false);
        var controller = host.Client.AsAccessController();
        var foreign = new Contract
        {
            Id = IxcSandboxData.MariaContractId, CustomerId = IxcSandboxData.MariaCustomerId, Login = IxcSandboxData.MariaLogin,
            Access = new AccessState(AccessStatus.Active, "1"), // e.g. a fake's or another ERP's view: not an IXC row, ignored
        };
        host.Sandbox.ClearRequests();

        var change = await controller.UnblockAsync(Subscriber.ForContract(IxcSandboxData.MariaContractId) with { Contract = foreign });

        Assert.Equal(AccessChangeOutcome.Applied, change.Outcome); // it read the real state (blocked), not the foreign "active"
        Assert.Equal(["cliente_contrato", "cliente_contrato", "cliente_contrato_15464", "radusuarios"],
            host.Sandbox.Requests.Select(r => r.Resource).Order(StringComparer.Ordinal));
    }
}
