using Cobranca.Connectors.Abstractions;
using Cobranca.Connectors.Testing;
using Cobranca.Connectors.Testing.MkAuth;

namespace Cobranca.Connectors.MkAuth.Tests;

/// <summary>ListContractsAsync: one paged walk of cliente/listar (every login a contract), never one request per customer.</summary>
public sealed class BulkContractsTests
{
    private static readonly IspDataSet Base = IspDataGenerator.Generate(new IspDataGeneratorOptions { CustomerCount = 600, Seed = 19, Today = MkAuthTestHost.Today });

    [Theory]
    [InlineData(MkAuthSandboxProfile.Current)]
    [InlineData(MkAuthSandboxProfile.Legacy)]
    public async Task Many_customers_are_one_walk_of_the_login_list_and_match_the_per_customer_debt_read(MkAuthSandboxProfile profile)
    {
        await using var host = await MkAuthTestHost.StartAsync(profile, o => o.PageSize = 100, s => s.Data = Base);
        await host.Client.DetectAsync();
        var view = new MkAuthDataSetIds(host.Sandbox, host.Client.AsBillingSystem(), host.Client.AsAccessController());
        IBillingSystem billing = view;
        Assert.True(billing.Info.Supports(BillingCapabilities.ListContracts));
        var asked = Base.Customers.Where((_, i) => i % 4 == 0).Select(c => c.Id).ToList();
        var before = host.Sandbox.Requests.Count;

        var contracts = new List<Contract>();
        await foreach (var c in billing.ListContractsAsync(ContractQuery.ForCustomers(asked))) contracts.Add(c);

        var listings = host.Sandbox.Requests.Skip(before).Where(r => r.Route != "token").ToList();
        Assert.All(listings, r => Assert.Equal("cliente/listar", r.Route));
        var logins = Base.Contracts.Count;
        Assert.InRange(listings.Count, 1, (logins + 499) / 500); // pages of max(query 500, options 100) logins; legacy answers all at once
        var expected = Base.Contracts.Where(c => asked.Contains(c.CustomerId)).Select(c => c.Id).Order(StringComparer.Ordinal);
        Assert.Equal(expected, contracts.Select(c => c.Id).Order(StringComparer.Ordinal));
        Assert.All(contracts, c => Assert.Contains(c.CustomerId, asked));

        foreach (var customerId in asked.Take(5))
        {
            var debt = await billing.GetDebtStatusAsync(customerId);
            foreach (var contract in debt.Contracts)
            {
                var bulk = Assert.Single(contracts, c => c.Id == contract.Id);
                Assert.Equal(contract.Access.Status, bulk.Access.Status);
                Assert.Equal(contract.Login, bulk.Login);
            }
        }
    }

    [Fact]
    public async Task The_whole_base_lists_every_login_once_and_bad_queries_fail_before_any_request()
    {
        await using var host = await MkAuthTestHost.StartAsync(configure: o => o.PageSize = 100, sandbox: s => s.Data = Base);
        var billing = host.Client.AsBillingSystem();

        await Assert.ThrowsAsync<ArgumentException>(async () => { await foreach (var unused in billing.ListContractsAsync(new ContractQuery { PageSize = 0 })) { } });
        await Assert.ThrowsAsync<ArgumentException>(async () => { await foreach (var unused in billing.ListContractsAsync(new ContractQuery { CustomerIds = ["x", ""] })) { } });
        Assert.DoesNotContain(host.Sandbox.Requests, r => r.Route != "token");

        var all = new List<Contract>();
        await foreach (var c in billing.ListContractsAsync(ContractQuery.All)) all.Add(c);
        Assert.Equal(Base.Contracts.Count, all.Count);
        Assert.Equal(all.Count, all.Select(c => c.Id).Distinct(StringComparer.OrdinalIgnoreCase).Count());
        Assert.Equal((Base.Contracts.Count + 499) / 500, host.RequestsTo("cliente/listar").Count);
    }
}
