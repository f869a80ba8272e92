using Cobranca.Connectors.Abstractions;
using Cobranca.Connectors.Testing.Ixc;
using static Cobranca.Connectors.Ixc.Tests.IxcTestHost;

namespace Cobranca.Connectors.Ixc.Tests;

/// <summary>Partially paid invoices (status P) and the tenant's time zone in the debt.</summary>
public sealed class TenantCalendarTests
{
    [Fact]
    public async Task A_partially_paid_invoice_with_status_P_counts_in_the_debt_with_valor_aberto()
    {
        await using var host = await StartAsync(sandbox: s => { s.GeneratedCustomers = 0; s.PartialPaymentStatus = "P"; });
        host.Sandbox.PayInvoice(IxcSandboxData.MariaOverdueInvoiceId, 50.00m);
        Assert.Equal("P", host.Sandbox.GetRow("fn_areceber", IxcSandboxData.MariaOverdueInvoiceId)!["status"]);

        var debt = await host.Client.GetDebtStatusAsync(IxcSandboxData.MariaCustomerId);
        var listed = await host.Client.ListOpenInvoicesAsync(new InvoiceQuery { CustomerId = IxcSandboxData.MariaCustomerId }).ToListAsync();

        var partial = Assert.Single(debt.Overdue, i => i.Id == IxcSandboxData.MariaOverdueInvoiceId);
        Assert.Equal(49.90m, partial.OpenAmount);
        Assert.Equal(InvoiceStatus.PartiallyPaid, partial.Status);
        Assert.Equal("P", partial.RawStatus);
        Assert.Contains(listed, i => i.Id == IxcSandboxData.MariaOverdueInvoiceId);
        Assert.DoesNotContain(listed, i => i.Id is IxcSandboxData.MariaPaidInvoiceId or IxcSandboxData.MariaCancelledInvoiceId);
        Assert.NotNull((await host.Client.GetPaymentSlipAsync(IxcSandboxData.MariaOverdueInvoiceId)).PixCopyPaste);
    }

    [Fact]
    public async Task Today_follows_the_tenant_time_zone()
    {
        // 03:30 UTC on 21 March: already the 21st in São Paulo (UTC-3), still the 20th in Manaus (UTC-4).
        var now = new DateTimeOffset(2025, 3, 21, 3, 30, 0, TimeSpan.Zero);
        await using var host = await StartAsync(sandbox: s => s.GeneratedCustomers = 0, now: now);
        host.Sandbox.UpsertRow("fn_areceber", new Dictionary<string, string>
        {
            ["id"] = "3999", ["id_cliente"] = IxcSandboxData.JoaoCustomerId, ["id_contrato"] = IxcSandboxData.JoaoContractId, ["status"] = "A",
            ["liberado"] = "S", ["data_vencimento"] = "2025-03-20", ["valor"] = "10.00", ["valor_recebido"] = "0.00", ["valor_aberto"] = "10.00",
        });
        var manausOptions = new IxcClientOptions { BaseAddress = host.Options.BaseAddress, UserId = host.Options.UserId, Token = host.Options.Token, TimeZone = "America/Manaus" };
        using var manaus = new IxcClient(manausOptions, timeProvider: host.Time);

        var inSaoPaulo = await host.Client.GetDebtStatusAsync(IxcSandboxData.JoaoCustomerId);
        var inManaus = await manaus.GetDebtStatusAsync(IxcSandboxData.JoaoCustomerId);

        Assert.Equal(new DateOnly(2025, 3, 21), inSaoPaulo.AsOf);
        Assert.Contains(inSaoPaulo.Overdue, i => i.Id == "3999");
        Assert.Equal(new DateOnly(2025, 3, 20), inManaus.AsOf);
        Assert.DoesNotContain(inManaus.Overdue, i => i.Id == "3999");
        Assert.Contains(inManaus.Upcoming, i => i.Id == "3999");
    }

    [Fact]
    public void The_time_zone_defaults_to_Sao_Paulo_and_an_unknown_one_is_refused()
    {
        Assert.Equal("America/Sao_Paulo", new IxcClientOptions().TimeZone);
        var ex = Assert.Throws<ArgumentException>(() => new IxcClient(new IxcClientOptions
        {
            BaseAddress = new Uri("https://ixc.example.com.br", UriKind.RelativeOrAbsolute), UserId = "1", Token = "t", TimeZone = "Brazil/Nowhere",
        }));
        Assert.Contains("TimeZone", ex.Message, StringComparison.Ordinal);
    }
}
