using Cobranca.Connectors.Abstractions;
using Cobranca.Connectors.Testing.Ixc;
using static Cobranca.Connectors.Ixc.Tests.IxcTestHost;

namespace Cobranca.Connectors.Ixc.Tests;

public sealed class DebtTests
{
    private const string OpenGrid = "[{\"TB\":\"fn_areceber.liberado\",\"OP\":\"=\",\"P\":\"S\"},{\"TB\":\"fn_areceber.status\",\"OP\":\"!=\",\"P\":\"C\"},{\"TB\":\"fn_areceber.status\",\"OP\":\"!=\",\"P\":\"R\"}]";

    [Fact]
    public async Task Debt_of_an_unknown_customer_id_is_not_found_rather_than_owing_nothing()
    {
        await using var host = await StartAsync();

        var error = await Assert.ThrowsAsync<ConnectorNotFoundException>(() => host.Client.GetDebtStatusAsync("987654"));

        Assert.Contains("987654", error.Message, StringComparison.Ordinal);
        Assert.Single(host.RequestsTo("cliente")); // the extra read happens only when nothing open and no contract came back
    }

    [Fact]
    public async Task Debt_queries_by_customer_and_splits_overdue_from_upcoming_on_valor_aberto()
    {
        await using var host = await StartAsync();

        var debt = await host.Client.AsBillingSystem().GetDebtStatusAsync(IxcSandboxData.MariaCustomerId);

        var invoiceRequest = Assert.Single(host.RequestsTo("fn_areceber"));
        Assert.Equal(Canonical(ListingBody("fn_areceber.id_cliente", IxcSandboxData.MariaCustomerId, sortname: "fn_areceber.data_vencimento", gridParam: OpenGrid)),
            Canonical(invoiceRequest.Body));
        Assert.Equal(Canonical(ListingBody("cliente_contrato.id_cliente", IxcSandboxData.MariaCustomerId)), Canonical(Assert.Single(host.RequestsTo("cliente_contrato")).Body));

        Assert.Equal(Today, debt.AsOf);
        Assert.Equal([IxcSandboxData.MariaOverdueInvoiceId, IxcSandboxData.MariaPartialInvoiceId, IxcSandboxData.MariaAvulsoInvoiceId], debt.Overdue.Select(i => i.Id));
        Assert.Equal([IxcSandboxData.MariaUpcomingInvoiceId], debt.Upcoming.Select(i => i.Id));
        Assert.Equal(99.90m + 59.90m + 50.00m, debt.TotalOverdue);
        Assert.Equal(38, debt.MaxDaysOverdue);

        var partial = debt.Overdue[1];
        Assert.Equal(99.90m, partial.Amount);
        Assert.Equal(59.90m, partial.OpenAmount);
        Assert.Equal(InvoiceStatus.PartiallyPaid, partial.Status);
        Assert.Equal(Today.AddDays(-10), partial.DueDate);
        Assert.Equal("2309", debt.Overdue[2].ContractId); // linked only through id_contrato_avulso

        var contract = Assert.Single(debt.Contracts);
        Assert.Equal(IxcSandboxData.MariaContractId, contract.Id);
        Assert.Equal(AccessStatus.Blocked, contract.Access.Status);
        Assert.Equal("CA", contract.Access.RawCode);
        Assert.Equal(IxcSandboxData.MariaLogin, contract.Login);
        Assert.Equal("FIBRA 500MB", contract.PlanName);
    }

    [Fact]
    public async Task Overdue_is_decided_by_the_sao_paulo_calendar_not_utc()
    {
        // 01:30 UTC on the 21st is still 22:30 on the 20th in São Paulo: an invoice due on the 20th is not overdue yet.
        var lateEvening = new DateTimeOffset(2025, 3, 21, 1, 30, 0, TimeSpan.Zero);
        await using var host = await StartAsync(now: lateEvening);
        var row = host.Sandbox.GetRow("fn_areceber", IxcSandboxData.JoaoUpcomingInvoiceId)!.ToDictionary();
        row["data_vencimento"] = "2025-03-20";
        host.Sandbox.UpsertRow("fn_areceber", row);

        var debt = await host.Client.GetDebtStatusAsync(IxcSandboxData.JoaoCustomerId);

        Assert.Equal(new DateOnly(2025, 3, 20), debt.AsOf);
        Assert.Empty(debt.Overdue);
        Assert.Equal(IxcSandboxData.JoaoUpcomingInvoiceId, Assert.Single(debt.Upcoming).Id);

        host.Time.Advance(TimeSpan.FromHours(3)); // 01:30 on the 21st in São Paulo
        Assert.Single((await host.Client.GetDebtStatusAsync(IxcSandboxData.JoaoCustomerId)).Overdue);
    }

    [Fact]
    public async Task Overdue_only_listing_sends_a_due_date_filter_and_returns_only_overdue_invoices()
    {
        await using var host = await StartAsync(sandbox: s => s.GeneratedCustomers = 0);

        var overdue = await host.Client.ListOpenInvoicesAsync(new InvoiceQuery { OverdueOnly = true, DueFrom = new DateOnly(2025, 1, 1) }).ToListAsync();

        var grid = "[{\"TB\":\"fn_areceber.status\",\"OP\":\"!=\",\"P\":\"C\"},{\"TB\":\"fn_areceber.status\",\"OP\":\"!=\",\"P\":\"R\"}," +
                   "{\"TB\":\"fn_areceber.data_vencimento\",\"OP\":\">=\",\"P\":\"2025-01-01\"}," +
                   "{\"TB\":\"fn_areceber.data_vencimento\",\"OP\":\"<=\",\"P\":\"2025-03-19\"}]";
        var body = Assert.Single(host.Sandbox.Requests).Body;
        Assert.Equal(Canonical(ListingBody("fn_areceber.liberado", "S", gridParam: grid)), Canonical(body));
        Assert.Contains("\\\"OP\\\":\\\">=\\\"", body, StringComparison.Ordinal); // grid_param written as IXC's samples, no \u003E escapes
        Assert.Equal([IxcSandboxData.MariaOverdueInvoiceId, IxcSandboxData.MariaPartialInvoiceId, IxcSandboxData.MariaAvulsoInvoiceId, IxcSandboxData.AnaOverdueInvoiceId],
            overdue.Select(i => i.Id));
        Assert.All(overdue, i => Assert.True(i.IsOverdueOn(Today)));
    }

    [Fact]
    public async Task A_payment_in_the_sandbox_removes_the_invoice_from_the_debt()
    {
        await using var host = await StartAsync();
        host.Sandbox.PayInvoice(IxcSandboxData.MariaPartialInvoiceId);

        var debt = await host.Client.GetDebtStatusAsync(IxcSandboxData.MariaCustomerId);

        Assert.DoesNotContain(debt.Overdue, i => i.Id == IxcSandboxData.MariaPartialInvoiceId);
        Assert.Equal(99.90m + 50.00m, debt.TotalOverdue);
        Assert.Equal(InvoiceStatus.Paid, (await host.Client.GetInvoiceAsync(IxcSandboxData.MariaPartialInvoiceId))!.Status);
    }

    [Fact]
    public async Task The_same_listing_after_a_payment_reflects_the_payment()
    {
        await using var host = await StartAsync();
        var query = new InvoiceQuery { CustomerId = IxcSandboxData.MariaCustomerId, PageSize = 2 };
        Assert.Contains(await host.Client.ListOpenInvoicesAsync(query).ToListAsync(), i => i.Id == IxcSandboxData.MariaOverdueInvoiceId);

        host.Sandbox.PayInvoice(IxcSandboxData.MariaOverdueInvoiceId);

        var after = await host.Client.ListOpenInvoicesAsync(query).ToListAsync();
        Assert.DoesNotContain(after, i => i.Id == IxcSandboxData.MariaOverdueInvoiceId);
        Assert.Equal(3, after.Count);
    }

    [Fact]
    public async Task Invoice_mapping_tolerates_empty_keys_and_missing_dates()
    {
        await using var host = await StartAsync();
        host.Sandbox.UpsertRow("fn_areceber", new Dictionary<string, string>
        {
            ["id"] = "7777", ["id_cliente"] = IxcSandboxData.JoaoCustomerId, ["id_contrato"] = "0", ["id_contrato_avulso"] = "",
            ["status"] = "A", ["liberado"] = "S", ["data_vencimento"] = "0000-00-00", ["valor"] = "10,50", ["valor_recebido"] = "",
            ["valor_aberto"] = "10,50",
        });

        var invoice = await host.Client.GetInvoiceAsync("7777");

        Assert.NotNull(invoice);
        Assert.Null(invoice.ContractId);
        Assert.Equal(10.50m, invoice.OpenAmount);
        Assert.Equal(DateOnly.MaxValue, invoice.DueDate); // never "overdue"
        Assert.False(invoice.IsOverdueOn(Today));
    }
}
