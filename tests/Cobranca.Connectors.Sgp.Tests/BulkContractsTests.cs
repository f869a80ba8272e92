using Cobranca.Connectors.Abstractions;
using Cobranca.Connectors.Testing;

namespace Cobranca.Connectors.Sgp.Tests;

/// <summary>ListContractsAsync: one paged walk of clientes, bounded by the base size (never one request per customer).</summary>
public sealed class BulkContractsTests
{
    private static readonly IspDataSet Base = IspDataGenerator.Generate(new IspDataGeneratorOptions { CustomerCount = 1_000, Seed = 19, Today = SgpTestHost.Scenario.Today });

    [Fact]
    public async Task The_whole_base_is_one_walk_of_clientes_pages_of_100_without_titles_or_contacts()
    {
        await using var host = await SgpTestHost.StartAsync(sandbox: o => o.Data = Base);

        var contracts = await ToListAsync(host.Client.ListContractsAsync(ContractQuery.All));

        Assert.Equal(Base.Contracts.Select(c => c.Id).Order(StringComparer.Ordinal), contracts.Select(c => c.Id).Order(StringComparer.Ordinal));
        var requests = host.Sandbox.Requests;
        Assert.All(requests, r => Assert.Equal("clientes", r.Endpoint));
        Assert.Equal((Base.Customers.Count + 99) / 100, requests.Count);
        Assert.All(requests, r => Assert.Equal("1", r.Field("omitir_titulos")));
        Assert.All(requests, r => Assert.Equal("1", r.Field("omitir_contatos")));
        var byId = Base.Contracts.ToDictionary(c => c.Id);
        Assert.All(contracts, c => Assert.Equal(byId[c.Id].CustomerId, c.CustomerId));
        Assert.DoesNotContain(contracts.SelectMany(c => c.Raw.Keys), k => k.Contains("senha", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task Many_customers_cost_at_most_the_walk_and_match_the_per_customer_debt_read()
    {
        await using var host = await SgpTestHost.StartAsync(sandbox: o => o.Data = Base);
        var asked = Base.Customers.Where((_, i) => i % 3 == 0).Select(c => c.Id).ToList();

        var contracts = await ToListAsync(host.Client.ListContractsAsync(ContractQuery.ForCustomers(asked)));

        Assert.True(host.Sandbox.Requests.Count <= (Base.Customers.Count + 99) / 100, $"{host.Sandbox.Requests.Count} requests for {asked.Count} customers");
        var expected = Base.Contracts.Where(c => asked.Contains(c.CustomerId)).Select(c => c.Id).Order(StringComparer.Ordinal);
        Assert.Equal(expected, contracts.Select(c => c.Id).Order(StringComparer.Ordinal));

        // Same access and login as the per-customer read, for a sample with open titles (SGP finds a customer by id through its titles).
        foreach (var customerId in asked.Where(id => Base.Invoices.Any(i => i.CustomerId == id && i.Status == InvoiceStatus.Open)).Take(5))
        {
            var debt = await host.Client.GetDebtStatusAsync(customerId);
            foreach (var contract in debt.Contracts)
            {
                var bulk = Assert.Single(contracts, c => c.Id == contract.Id);
                Assert.Equal(contract.Access.Status, bulk.Access.Status);
                Assert.Equal(contract.Login, bulk.Login);
            }
        }
    }

    [Fact]
    public async Task The_walk_stops_once_every_asked_customer_was_seen()
    {
        await using var host = await SgpTestHost.StartAsync(sandbox: o => o.Data = Base);
        var first = Base.Customers.OrderBy(c => int.Parse(c.Id, System.Globalization.CultureInfo.InvariantCulture)).First().Id;

        var contracts = await ToListAsync(host.Client.ListContractsAsync(ContractQuery.ForCustomers([first])));

        Assert.Single(host.Sandbox.Requests);
        Assert.Equal(Base.Contracts.Count(c => c.CustomerId == first), contracts.Count);
    }

    [Fact]
    public async Task An_empty_page_before_the_total_is_an_error_not_a_short_listing()
    {
        await using var host = await SgpTestHost.StartAsync(sandbox: o => { o.Data = Base; o.MaxRowsPerPage = 0; });

        var error = await Assert.ThrowsAnyAsync<ConnectorException>(() => ToListAsync(host.Client.ListContractsAsync(ContractQuery.All)));
        Assert.Contains("partial", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bad_queries_fail_before_any_request()
    {
        await using var host = await SgpTestHost.StartAsync();

        await Assert.ThrowsAsync<ArgumentException>(() => ToListAsync(host.Client.ListContractsAsync(new ContractQuery { PageSize = 0 })));
        await Assert.ThrowsAsync<ArgumentException>(() => ToListAsync(host.Client.ListContractsAsync(new ContractQuery { CustomerIds = ["1", " "] })));
        Assert.Empty(await ToListAsync(host.Client.ListContractsAsync(new ContractQuery { CustomerIds = [] })));
        Assert.Empty(host.Sandbox.Requests);
    }

    private static async Task<List<Contract>> ToListAsync(IAsyncEnumerable<Contract> source)
    {
        var list = new List<Contract>();
        await foreach (var item in source) list.Add(item);
        return list;
    }
}
