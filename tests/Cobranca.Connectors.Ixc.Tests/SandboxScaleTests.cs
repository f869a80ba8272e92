using Cobranca.Connectors.Abstractions;
using Cobranca.Connectors.Testing.Ixc;
using static Cobranca.Connectors.Ixc.Tests.IxcTestHost;

namespace Cobranca.Connectors.Ixc.Tests;

/// <summary>Issue 19 item 3: the sandbox's indexed filters answer like its scans, and its request log is bounded.</summary>
public sealed class SandboxScaleTests
{
    [Fact]
    public async Task The_request_log_keeps_the_last_RequestLogLimit_requests_and_RequestCount_counts_all()
    {
        await using var host = await StartAsync(sandbox: o => o.RequestLogLimit = 3);
        for (var i = 0; i < 5; i++) await host.Client.GetDebtStatusAsync(IxcSandboxData.JoaoCustomerId); // 3 requests each

        Assert.Equal(15, host.Sandbox.RequestCount);
        Assert.Equal(3, host.Sandbox.Requests.Count);
    }

    [Fact]
    public async Task A_RequestLogLimit_of_zero_logs_nothing_and_a_negative_one_is_refused()
    {
        await using var host = await StartAsync(sandbox: o => o.RequestLogLimit = 0);
        await host.Client.GetDebtStatusAsync(IxcSandboxData.MariaCustomerId);

        Assert.Empty(host.Sandbox.Requests);
        Assert.Equal(3, host.Sandbox.RequestCount);
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => IxcSandbox.StartAsync(new IxcSandboxOptions { RequestLogLimit = -1 }));
    }

    [Fact]
    public async Task Indexed_customer_filters_answer_like_the_unindexed_ones()
    {
        await using var host = await StartAsync(sandbox: o => o.GeneratedCustomers = 30);
        var billing = host.Client.AsBillingSystem();
        string[] customers = [IxcSandboxData.MariaCustomerId, "1105", "1117", "999999"];

        // id_cliente = x (indexed) per customer, against the whole-base listing (liberado = S, a scan) filtered here.
        var everyOpen = new List<Invoice>();
        await foreach (var invoice in billing.ListOpenInvoicesAsync(new InvoiceQuery { PageSize = 7 })) everyOpen.Add(invoice);
        foreach (var customer in customers)
        {
            var mine = new List<Invoice>();
            await foreach (var invoice in billing.ListOpenInvoicesAsync(new InvoiceQuery { CustomerId = customer, PageSize = 2 })) mine.Add(invoice);
            Assert.Equal(everyOpen.Where(i => i.CustomerId == customer).Select(i => i.Id).Order(StringComparer.Ordinal),
                mine.Select(i => i.Id).Order(StringComparer.Ordinal));
        }

        // id_cliente IN (...) (indexed) against the whole-base contract listing (id >= 1, a scan).
        var all = new List<Contract>();
        await foreach (var contract in billing.ListContractsAsync(ContractQuery.All)) all.Add(contract);
        var some = new List<Contract>();
        await foreach (var contract in billing.ListContractsAsync(ContractQuery.ForCustomers(customers))) some.Add(contract);
        Assert.Equal(all.Where(c => customers.Contains(c.CustomerId)).Select(c => (c.Id, c.Login)).OrderBy(c => c.Id, StringComparer.Ordinal),
            some.Select(c => (c.Id, c.Login)).OrderBy(c => c.Id, StringComparer.Ordinal));
    }

    [Fact]
    public async Task A_row_moved_to_another_customer_is_found_under_the_new_one_only()
    {
        await using var host = await StartAsync();
        var invoice = host.Sandbox.GetRow("fn_areceber", IxcSandboxData.JoaoUpcomingInvoiceId)!;
        host.Sandbox.UpsertRow("fn_areceber", new Dictionary<string, string> { ["id"] = invoice["id"], ["id_cliente"] = IxcSandboxData.AnaCustomerId });

        var joao = await host.Client.GetDebtStatusAsync(IxcSandboxData.JoaoCustomerId);
        var ana = await host.Client.GetDebtStatusAsync(IxcSandboxData.AnaCustomerId);

        Assert.DoesNotContain(joao.Upcoming, i => i.Id == IxcSandboxData.JoaoUpcomingInvoiceId);
        Assert.Contains(ana.Upcoming, i => i.Id == IxcSandboxData.JoaoUpcomingInvoiceId);
    }
}
