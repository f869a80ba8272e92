using Cobranca.Connectors.Abstractions;
using Cobranca.Connectors.Testing;
using Cobranca.Connectors.Testing.Ixc;
using Microsoft.Extensions.Time.Testing;
using static Cobranca.Connectors.Ixc.Tests.IxcTestHost;

namespace Cobranca.Connectors.Ixc.Tests;

/// <summary>The sandbox serving an <see cref="IspDataGenerator"/> ISP: what the client reads back equals the data set.</summary>
public sealed class GeneratedIspTests
{
    private static async Task<(IxcSandbox Sandbox, IxcClient Client, IspDataSet Data)> StartAsync(int customers)
    {
        var time = new FakeTimeProvider(Noon);
        var data = IspDataGenerator.Generate(new IspDataGeneratorOptions { Seed = 7, CustomerCount = customers, Today = Today });
        var sandbox = await IxcSandbox.StartAsync(new IxcSandboxOptions { Data = data, TimeProvider = time });
        var options = new IxcClientOptions { BaseAddress = sandbox.BaseUrl, UserId = sandbox.UserId, Token = sandbox.Token };
        return (sandbox, new IxcClient(options, timeProvider: time), data);
    }

    [Fact]
    public async Task Debt_read_through_ixc_equals_the_debt_of_the_data_set_for_every_customer()
    {
        var (sandbox, client, data) = await StartAsync(40);
        await using var _ = sandbox;
        using var __ = client;

        foreach (var customer in data.Customers)
        {
            var expected = DebtStatus.FromInvoices(customer.Id, Today, data.Invoices.Where(i => i.CustomerId == customer.Id));
            var actual = await client.GetDebtStatusAsync(customer.Id);

            Assert.Equal(expected.Overdue.Select(i => (i.Id, i.DueDate, i.OpenAmount)), actual.Overdue.Select(i => (i.Id, i.DueDate, i.OpenAmount)));
            Assert.Equal(expected.Upcoming.Select(i => (i.Id, i.DueDate, i.OpenAmount)), actual.Upcoming.Select(i => (i.Id, i.DueDate, i.OpenAmount)));
            Assert.Equal(data.Contracts.Where(c => c.CustomerId == customer.Id).Select(c => (c.Id, c.Access.Status, c.Login)),
                actual.Contracts.Select(c => (c.Id, c.Access.Status, c.Login)));
        }
    }

    [Fact]
    public async Task Every_customer_is_found_by_document_masked_or_not_and_by_each_phone()
    {
        var (sandbox, client, data) = await StartAsync(25);
        await using var _ = sandbox;
        using var __ = client;

        foreach (var customer in data.Customers)
        {
            var byDocument = await client.FindCustomersAsync(CustomerLookup.ByDocument(customer.Document!.Value.Value));
            Assert.Equal(customer.Id, Assert.Single(byDocument).Id);
            Assert.Equal(customer.Name.ToUpperInvariant(), byDocument[0].Name);
            foreach (var phone in customer.Phones)
                Assert.Contains(await client.FindCustomersAsync(CustomerLookup.ByPhone(phone)), c => c.Id == customer.Id);
        }
    }

    [Fact]
    public async Task Bulk_listing_streams_exactly_the_open_invoices_of_the_data_set()
    {
        var (sandbox, client, data) = await StartAsync(60);
        await using var _ = sandbox;
        using var __ = client;

        var listed = await client.ListOpenInvoicesAsync(new InvoiceQuery { PageSize = 7 }).Select(i => (i.Id, i.OpenAmount)).ToListAsync();

        var expected = data.Invoices.Where(i => i.Status is InvoiceStatus.Open or InvoiceStatus.PartiallyPaid)
            .OrderBy(i => int.Parse(i.Id, System.Globalization.CultureInfo.InvariantCulture)).Select(i => (i.Id, i.OpenAmount));
        Assert.Equal(expected, listed);
    }
}
