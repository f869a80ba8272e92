using Cobranca.Connectors.Abstractions;
using Cobranca.Connectors.Ixc;
using Cobranca.Connectors.Testing.Ixc;
using static Cobranca.Connectors.Ixc.Tests.IxcTestHost;

namespace Cobranca.Connectors.Ixc.Tests;

public sealed class SecondCopyTests
{
    [Fact]
    public async Task Get_boleto_asks_for_base64_without_recalculating_and_validates_the_pdf()
    {
        await using var host = await StartAsync();

        var pdf = await host.Client.GetBoletoPdfAsync(IxcSandboxData.MariaOverdueInvoiceId);

        var request = Assert.Single(host.Sandbox.Requests);
        Assert.Equal("POST", request.Method);
        Assert.Equal("/webservice/v1/get_boleto", request.Path);
        Assert.Null(request.Header("ixcsoft"));
        Assert.Equal(host.ExpectedAuthorization, request.Header("Authorization"));
        Assert.Equal(Canonical("""{"boletos":"3001","juro":"N","multa":"N","atualiza_boleto":"N","tipo_boleto":"arquivo","base64":"S","layout_impressao":""}"""),
            Canonical(request.Body));
        Assert.Equal("%PDF-"u8.ToArray(), pdf[..5]);
    }

    [Fact]
    public async Task Get_boleto_empty_body_means_not_found()
    {
        await using var host = await StartAsync();

        var ex = await Assert.ThrowsAsync<ConnectorNotFoundException>(() => host.Client.GetBoletoPdfAsync(IxcSandboxData.MissingId));

        Assert.Equal(200, ex.StatusCode);
        Assert.Equal("get_boleto", ex.Operation);
        Assert.Single(host.Sandbox.Requests);
    }

    [Fact]
    public async Task Get_pix_returns_the_crc_checked_copy_and_paste()
    {
        await using var host = await StartAsync();

        var pix = await host.Client.GetPixAsync(IxcSandboxData.MariaOverdueInvoiceId);

        var request = Assert.Single(host.Sandbox.Requests);
        Assert.Equal("/webservice/v1/get_pix", request.Path);
        Assert.Equal(Canonical("""{"id_areceber":"3001"}"""), Canonical(request.Body));
        Assert.StartsWith("000201", pix.CopyPaste, StringComparison.Ordinal);
        Assert.Equal("ATIVA", pix.Status);
        Assert.True(pix.IsPayable);
        Assert.Equal(99.90m, pix.Amount);
        Assert.Equal("IXC3001A1B2C3D4E5F6G7H8I9J", pix.TxId);
        Assert.Equal(0, host.Sandbox.PixChargesCreated(IxcSandboxData.MariaOverdueInvoiceId)); // it already had a txid
    }

    [Fact]
    public async Task Get_pix_creates_a_charge_for_an_invoice_without_one()
    {
        await using var host = await StartAsync();
        Assert.Equal("", host.Sandbox.GetRow("fn_areceber", IxcSandboxData.MariaUpcomingInvoiceId)!["pix_txid"]);

        var pix = await host.Client.GetPixAsync(IxcSandboxData.MariaUpcomingInvoiceId);

        Assert.Equal(1, host.Sandbox.PixChargesCreated(IxcSandboxData.MariaUpcomingInvoiceId));
        Assert.Equal(host.Sandbox.GetRow("fn_areceber", IxcSandboxData.MariaUpcomingInvoiceId)!["pix_txid"], pix.TxId);
    }

    [Fact]
    public async Task Get_pix_http_500_means_the_invoice_does_not_exist()
    {
        await using var host = await StartAsync();

        var ex = await Assert.ThrowsAsync<ConnectorNotFoundException>(() => host.Client.GetPixAsync(IxcSandboxData.MissingId));

        Assert.Equal(500, ex.StatusCode);
        Assert.Equal("get_pix", ex.Operation);
        // a 500 from get_pix is never retried (the call may have created a charge); the invoice is read to tell why
        Assert.Equal(["get_pix", "fn_areceber"], host.Sandbox.Requests.Select(r => r.Resource));
    }

    [Fact]
    public async Task Get_pix_http_500_for_an_invoice_that_exists_is_a_server_error_not_a_missing_invoice()
    {
        await using var host = await StartAsync();
        host.Sandbox.InjectFault(IxcSandboxFault.HttpStatus(500), "get_pix");

        var ex = await Assert.ThrowsAsync<ConnectorApiException>(() => host.Client.GetPixAsync(IxcSandboxData.MariaOverdueInvoiceId));

        Assert.IsNotType<ConnectorNotFoundException>(ex);
        Assert.Equal(500, ex.StatusCode);
        Assert.Contains("which exists", ex.Message, StringComparison.Ordinal);
        Assert.Single(host.RequestsTo("get_pix"));
    }

    [Fact]
    public async Task Get_pix_refusal_under_http_200_is_an_api_error()
    {
        await using var host = await StartAsync();

        var ex = await Assert.ThrowsAsync<ConnectorApiException>(() => host.Client.GetPixAsync(IxcSandboxData.MariaPaidInvoiceId));

        Assert.Equal(200, ex.StatusCode);
        Assert.Contains("não está em aberto", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Payment_slip_of_a_registered_invoice_has_line_pdf_link_and_pix()
    {
        await using var host = await StartAsync();

        var slip = await host.Client.AsBillingSystem().GetPaymentSlipAsync(IxcSandboxData.MariaOverdueInvoiceId);

        Assert.Equal(["fn_areceber", "get_boleto", "get_pix"], host.Sandbox.Requests.Select(r => r.Resource));
        Assert.Equal(IxcSandboxData.MariaOverdueInvoiceId, slip.InvoiceId);
        Assert.Equal(99.90m, slip.Amount);
        Assert.Equal(Today.AddDays(-38), slip.DueDate);
        Assert.NotNull(slip.DigitableLine);
        Assert.Matches("^[0-9]{47}$", slip.DigitableLine);
        Assert.Equal(new Uri("https://gateway.example/boleto/3001.pdf"), slip.PdfUrl);
        Assert.True(slip.Pdf!.Value.Span.StartsWith("%PDF"u8));
        Assert.NotNull(slip.PixCopyPaste);
    }

    [Fact]
    public async Task Payment_slip_of_an_unregistered_invoice_does_not_ask_for_a_boleto_nobody_registered()
    {
        await using var host = await StartAsync(o => o.CreatePixForUpcomingInvoices = true);

        var slip = await host.Client.GetPaymentSlipAsync(IxcSandboxData.MariaUpcomingInvoiceId);

        Assert.DoesNotContain(host.Sandbox.Requests, r => r.Resource == "get_boleto");
        Assert.Equal("", host.Sandbox.GetRow("fn_areceber", IxcSandboxData.MariaUpcomingInvoiceId)!["linha_digitavel"]);
        Assert.Null(slip.DigitableLine);
        Assert.Null(slip.Pdf);
        Assert.NotNull(slip.PixCopyPaste);
    }

    [Fact]
    public async Task Payment_slip_options_can_skip_pix_and_pdf()
    {
        await using var host = await StartAsync(o => { o.IncludePixInPaymentSlip = false; o.IncludePdfInPaymentSlip = false; });

        var slip = await host.Client.GetPaymentSlipAsync(IxcSandboxData.MariaOverdueInvoiceId);

        Assert.Equal(["fn_areceber"], host.Sandbox.Requests.Select(r => r.Resource));
        Assert.NotNull(slip.DigitableLine);
        Assert.Null(slip.PixCopyPaste);
    }

    [Fact]
    public async Task Payment_slip_refuses_paid_and_missing_invoices()
    {
        await using var host = await StartAsync();

        await Assert.ThrowsAsync<ConnectorValidationException>(() => host.Client.GetPaymentSlipAsync(IxcSandboxData.MariaPaidInvoiceId));
        await Assert.ThrowsAsync<ConnectorNotFoundException>(() => host.Client.GetPaymentSlipAsync(IxcSandboxData.MissingId));
        Assert.DoesNotContain(host.Sandbox.Requests, r => r.Resource is "get_pix" or "get_boleto");
    }
}
