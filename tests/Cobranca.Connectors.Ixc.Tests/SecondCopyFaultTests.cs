using System.Text;
using Cobranca.Connectors.Abstractions;
using Cobranca.Connectors.Ixc.Internal;
using Cobranca.Connectors.Testing.Ixc;
using static Cobranca.Connectors.Ixc.Tests.IxcTestHost;

namespace Cobranca.Connectors.Ixc.Tests;

/// <summary>The second copy keeps the boleto when the Pix cannot be had, and says why.</summary>
public sealed class SecondCopyFaultTests
{
    public static TheoryData<string> PixFaults => new() { "504", "reset", "timeout-500", "refused" };

    [Theory]
    [MemberData(nameof(PixFaults))]
    public async Task A_failing_get_pix_leaves_the_boleto_and_says_why_pix_is_missing(string fault)
    {
        await using var host = await StartAsync(sandbox: s => { if (fault == "refused") s.RefusedResources.Add("get_pix"); });
        if (fault == "504") host.Sandbox.InjectFault(IxcSandboxFault.HttpStatus(504), "get_pix");
        if (fault == "reset") host.Sandbox.InjectFault(IxcSandboxFault.ConnectionReset(), "get_pix");
        if (fault == "timeout-500") host.Sandbox.InjectFault(IxcSandboxFault.HttpStatus(500), "get_pix");

        var slip = await host.Client.AsBillingSystem().GetPaymentSlipAsync(IxcSandboxData.MariaOverdueInvoiceId);

        Assert.NotNull(slip.DigitableLine);
        Assert.NotNull(slip.Pdf);
        Assert.Equal(99.90m, slip.Amount);
        Assert.Null(slip.PixCopyPaste);
        var warning = Assert.Single(slip.Warnings);
        Assert.StartsWith("Pix:", warning, StringComparison.Ordinal);
        if (fault == "refused") Assert.Contains("permission", warning, StringComparison.Ordinal);
        if (fault == "reset") Assert.Contains("may have created the charge", warning, StringComparison.Ordinal);
        Assert.Single(host.RequestsTo("get_pix")); // never re-sent
    }

    [Fact]
    public async Task A_failing_pdf_download_leaves_the_linha_and_the_pix()
    {
        await using var host = await StartAsync();
        host.Sandbox.InjectFault(IxcSandboxFault.HttpStatus(504), "get_boleto", times: 3);

        var slip = await host.Client.GetPaymentSlipAsync(IxcSandboxData.MariaOverdueInvoiceId);

        Assert.Null(slip.Pdf);
        Assert.NotNull(slip.DigitableLine);
        Assert.NotNull(slip.PixCopyPaste);
        Assert.StartsWith("PDF:", Assert.Single(slip.Warnings), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_pix_is_not_called_for_an_invoice_not_yet_due_by_default()
    {
        await using var host = await StartAsync();

        var slip = await host.Client.GetPaymentSlipAsync(IxcSandboxData.MariaUpcomingInvoiceId);

        Assert.Empty(host.RequestsTo("get_pix"));
        Assert.Equal(0, host.Sandbox.PixChargesCreated(IxcSandboxData.MariaUpcomingInvoiceId));
        Assert.Null(slip.PixCopyPaste);
        Assert.Contains("CreatePixForUpcomingInvoices", Assert.Single(slip.Warnings), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_option_allows_creating_the_pix_of_an_invoice_not_yet_due()
    {
        await using var host = await StartAsync(o => o.CreatePixForUpcomingInvoices = true);

        var slip = await host.Client.GetPaymentSlipAsync(IxcSandboxData.MariaUpcomingInvoiceId);

        Assert.NotNull(slip.PixCopyPaste);
        Assert.Empty(slip.Warnings);
        Assert.Equal(1, host.Sandbox.PixChargesCreated(IxcSandboxData.MariaUpcomingInvoiceId));
    }

    [Fact]
    public async Task An_upcoming_invoice_that_already_has_a_pix_gets_it_since_nothing_is_created()
    {
        await using var host = await StartAsync();
        host.Sandbox.UpsertRow("fn_areceber", new Dictionary<string, string> { ["id"] = IxcSandboxData.MariaUpcomingInvoiceId, ["pix_txid"] = "IXC3003EXISTINGTXID0000000" });

        var slip = await host.Client.GetPaymentSlipAsync(IxcSandboxData.MariaUpcomingInvoiceId);

        Assert.NotNull(slip.PixCopyPaste);
        Assert.Equal(0, host.Sandbox.PixChargesCreated(IxcSandboxData.MariaUpcomingInvoiceId));
    }

    [Theory]
    [InlineData("Recurso get_pix não está disponível!", true)]
    [InlineData("Recurso radusuarios nao esta disponivel", true)]
    [InlineData("O Pix não está disponível para esta carteira.", false)]
    [InlineData("Pix não disponível para o gateway configurado", false)]
    [InlineData("O desbloqueio de confiança não está disponível para o contrato 2001, este recurso foi usado no dia 01/03/2025", false)]
    public void Only_the_exact_resource_refusal_is_a_permission_error(string message, bool permission)
    {
        var body = "{\"type\":\"error\",\"message\":\"" + message + "\"}";

        var ex = Assert.ThrowsAny<ConnectorApiException>(() => IxcReply.ParseObject("get_pix", Encoding.UTF8.GetBytes(body)));

        Assert.Equal(permission, ex is ConnectorAuthenticationException);
        Assert.Equal(permission, ex.ProviderErrorCode == "resource-unavailable");
    }
}
