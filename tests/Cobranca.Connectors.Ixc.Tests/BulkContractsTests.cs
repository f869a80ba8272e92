using Cobranca.Connectors.Abstractions;
using Cobranca.Connectors.Testing;
using Cobranca.Connectors.Testing.Ixc;
using Microsoft.Extensions.Time.Testing;
using static Cobranca.Connectors.Ixc.Tests.IxcTestHost;

namespace Cobranca.Connectors.Ixc.Tests;

/// <summary>Issue 19: <see cref="IBillingSystem.ListContractsAsync"/> over IXC (IN-filtered listings, bounded requests).</summary>
public sealed class BulkContractsTests
{
    [Fact]
    public async Task Bulk_contracts_equal_the_per_customer_read_in_a_bounded_number_of_IN_listings()
    {
        var time = new FakeTimeProvider(Noon);
        var data = IspDataGenerator.Generate(new IspDataGeneratorOptions { Seed = 7, CustomerCount = 120, Today = Today });
        await using var sandbox = await IxcSandbox.StartAsync(new IxcSandboxOptions { Data = data, TimeProvider = time });
        using var client = new IxcClient(new IxcClientOptions { BaseAddress = sandbox.BaseUrl, UserId = sandbox.UserId, Token = sandbox.Token },
            timeProvider: time);
        var billing = client.AsBillingSystem();
        var wanted = data.Customers.Select(c => c.Id).Where((_, i) => i % 2 == 0).ToList(); // 60 customers
        Assert.True(billing.Info.Supports(BillingCapabilities.ListContracts));
        sandbox.ClearRequests();

        var bulk = new List<Contract>();
        await foreach (var contract in billing.ListContractsAsync(new ContractQuery { CustomerIds = wanted, PageSize = 25 })) bulk.Add(contract);

        // 60 ids in batches of 25: three batches, one contract and one login listing each.
        var requests = sandbox.Requests;
        Assert.Equal(3, requests.Count(r => r.Resource == "cliente_contrato"));
        Assert.Equal(3, requests.Count(r => r.Resource == "radusuarios"));
        Assert.All(requests, r => Assert.Contains("\"oper\":\"IN\"", r.Body, StringComparison.Ordinal));
        var expected = new List<Contract>();
        foreach (var id in wanted) expected.AddRange(await client.GetContractsAsync(id));
        Assert.Equal(expected.Select(c => (c.Id, c.CustomerId, c.Access.Status, c.Access.RawCode, c.Login)).OrderBy(c => c.Id, StringComparer.Ordinal),
            bulk.Select(c => (c.Id, c.CustomerId, c.Access.Status, c.Access.RawCode, c.Login)).OrderBy(c => c.Id, StringComparer.Ordinal));
        Assert.Equal(data.Contracts.Where(c => wanted.Contains(c.CustomerId)).Select(c => c.Id).Order(StringComparer.Ordinal),
            bulk.Select(c => c.Id).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Whole_base_bulk_read_pages_through_every_contract()
    {
        await using var host = await StartAsync(sandbox: o => o.GeneratedCustomers = 40);
        var billing = host.Client.AsBillingSystem();

        var all = new List<Contract>();
        await foreach (var contract in billing.ListContractsAsync(new ContractQuery { PageSize = 10 })) all.Add(contract);

        Assert.Contains(all, c => c.Id == Testing.Ixc.IxcSandboxData.MariaContractId && c.Login == Testing.Ixc.IxcSandboxData.MariaLogin
            && c.Access.Status == AccessStatus.Blocked);
        Assert.Equal(44, all.Count); // four well-known contracts and 40 generated
        Assert.Equal(all.Count, all.Select(c => c.Id).Distinct().Count());
    }

    [Fact]
    public async Task Without_permission_on_radusuarios_the_bulk_read_lists_contracts_without_logins()
    {
        await using var host = await StartAsync(sandbox: o => o.RefusedResources.Add("radusuarios"));
        var billing = host.Client.AsBillingSystem();

        var contracts = new List<Contract>();
        await foreach (var contract in billing.ListContractsAsync(ContractQuery.ForCustomers([Testing.Ixc.IxcSandboxData.MariaCustomerId, Testing.Ixc.IxcSandboxData.JoaoCustomerId])))
            contracts.Add(contract);

        Assert.Equal([Testing.Ixc.IxcSandboxData.MariaContractId, Testing.Ixc.IxcSandboxData.JoaoContractId], contracts.Select(c => c.Id).Order(StringComparer.Ordinal));
        Assert.All(contracts, c => Assert.Null(c.Login));
        Assert.Equal(AccessStatus.Blocked, contracts.Single(c => c.Id == Testing.Ixc.IxcSandboxData.MariaContractId).Access.Status);
    }

    [Fact]
    public async Task Bad_queries_are_refused_before_any_request()
    {
        await using var host = await StartAsync();
        var billing = host.Client.AsBillingSystem();
        host.Sandbox.ClearRequests();

        await Assert.ThrowsAsync<ArgumentException>(async () =>
        {
            await foreach (var _ in billing.ListContractsAsync(new ContractQuery { CustomerIds = ["1001,1002"] })) { }
        });
        await Assert.ThrowsAsync<ArgumentException>(async () =>
        {
            await foreach (var _ in billing.ListContractsAsync(new ContractQuery { CustomerIds = ["1001", " "] })) { }
        });
        await Assert.ThrowsAsync<ArgumentException>(async () =>
        {
            await foreach (var _ in billing.ListContractsAsync(new ContractQuery { PageSize = 0 })) { }
        });
        Assert.Empty(host.Sandbox.Requests);
    }
}
