using System.Text.Json;
using Cobranca.Connectors.Abstractions;
using Cobranca.Connectors.Testing.MkAuth;

namespace Cobranca.Connectors.MkAuth.Tests;

public sealed class ActionTests
{
    private static string Canonical(string json) => JsonSerializer.Serialize(JsonDocument.Parse(json).RootElement);

    [Fact]
    public async Task Detection_runs_once_and_the_capabilities_follow_the_install()
    {
        await using var current = await MkAuthTestHost.StartAsync();
        var billing = current.Client.AsBillingSystem();
        Assert.False(billing.Info.Supports(BillingCapabilities.TrustUnlock)); // not known before first use
        var server = await current.Client.DetectAsync();
        await current.Client.DetectAsync();
        Assert.Equal(MkAuthFeatures.ClientEdit | MkAuthFeatures.TrustUnlockRoute | MkAuthFeatures.Pix | MkAuthFeatures.PixLink
            | MkAuthFeatures.PixQrImage | MkAuthFeatures.Paging | MkAuthFeatures.BoletoPage, server.Features);
        Assert.Equal("boleto/boleto.hhvm", server.BoletoPagePath);
        Assert.Equal(["GET /api/cliente/desbloqueio/00000000-0000-0000-0000-000000000000", "PUT /api/cliente/editar",
            "GET /api/titulo/listar/pagina=1&limite=50", "GET /boleto/boleto.hhvm"], current.PathsSince(0));
        Assert.Equal(Canonical("{\"uuid\":\"00000000-0000-0000-0000-000000000000\"}"), Canonical(current.RequestsTo("cliente/editar")[0].Body));
        Assert.True(billing.Info.Supports(BillingCapabilities.TrustUnlock | BillingCapabilities.PixCopyPaste | BillingCapabilities.BoletoPdf));
        Assert.True(current.Client.AsAccessController().Info.Supports(AccessCapabilities.Block | AccessCapabilities.Unblock));
        Assert.Equal("mkauth", billing.Info.Name);

        await using var legacy = await MkAuthTestHost.StartAsync(MkAuthSandboxProfile.Legacy);
        var old = await legacy.Client.DetectAsync();
        Assert.Equal(MkAuthFeatures.BoletoPage, old.Features);
        Assert.Equal("boleto/21boleto.php", old.BoletoPagePath);
        var info = legacy.Client.AsBillingSystem().Info;
        Assert.False(info.Supports(BillingCapabilities.TrustUnlock));
        Assert.False(info.Supports(BillingCapabilities.PixCopyPaste));
        Assert.Equal(AccessCapabilities.ReadState, legacy.Client.AsAccessController().Info.Capabilities);
    }

    [Fact]
    public async Task Second_copy_has_the_line_the_pix_and_the_boleto_page()
    {
        await using var host = await MkAuthTestHost.StartAsync();
        var slip = await host.Client.AsBillingSystem().GetPaymentSlipAsync(MkAuthSandboxData.MariaOverdueTitleUuid);
        Assert.Equal($"/api/titulo/show/{MkAuthSandboxData.MariaOverdueTitleUuid}", host.RequestsTo("titulo/show").Single().Path);
        Assert.Equal(MkAuthSandboxData.MariaOverdueTitleUuid, slip.InvoiceId);
        Assert.Equal(99.90m, slip.Amount);
        Assert.Equal(host.Sandbox.GetTitleRow(MkAuthSandboxData.MariaOverdueTitleNumber)!["linhadig"], slip.DigitableLine);
        Assert.StartsWith("000201", slip.PixCopyPaste, StringComparison.Ordinal);
        Assert.Equal(new Uri(host.Sandbox.BaseAddress, "boleto/boleto.hhvm?titulo=48211"), slip.PdfUrl);
    }

    [Fact]
    public async Task Legacy_second_copy_has_no_pix_and_the_old_boleto_page()
    {
        await using var host = await MkAuthTestHost.StartAsync(MkAuthSandboxProfile.Legacy);
        var slip = await host.Client.AsBillingSystem().GetPaymentSlipAsync(MkAuthSandboxData.MariaOverdueTitleUuid);
        Assert.Null(slip.PixCopyPaste);
        Assert.NotNull(slip.DigitableLine);
        Assert.Equal(new Uri(host.Sandbox.BaseAddress, "boleto/21boleto.php?titulo=48211"), slip.PdfUrl);
        await Assert.ThrowsAsync<ConnectorNotFoundException>(() => host.Client.AsBillingSystem().GetPaymentSlipAsync(MkAuthSandboxData.MariaCancelledTitleUuid));
        await Assert.ThrowsAsync<ConnectorNotFoundException>(() => host.Client.AsBillingSystem().GetPaymentSlipAsync("no-such-title"));
    }

    [Fact]
    public async Task Block_and_unblock_flip_bloqueado_through_editar_idempotently()
    {
        await using var host = await MkAuthTestHost.StartAsync();
        var access = host.Client.AsAccessController();
        var subscriber = Subscriber.ForContract(MkAuthSandboxData.MariaSecondUuid);
        await host.Client.DetectAsync();
        host.Sandbox.ClearRequests();

        var blocked = await access.BlockAsync(subscriber, BlockRequest.Overdue);
        var edit = host.RequestsTo("cliente/editar").Single();
        Assert.Equal("PUT", edit.Method);
        Assert.Equal("/api/cliente/editar", edit.Path);
        Assert.Equal(Canonical($"{{\"uuid\":\"{MkAuthSandboxData.MariaSecondUuid}\",\"bloqueado\":\"sim\"}}"), Canonical(edit.Body));
        Assert.Equal(AccessChangeOutcome.Applied, blocked.Outcome);
        Assert.Equal(AccessStatus.Blocked, blocked.State.Status);
        Assert.Equal("sim", host.Sandbox.GetCustomerRow(MkAuthSandboxData.MariaSecondLogin)!["bloqueado"]);

        var again = await access.BlockAsync(Subscriber.ForLogin(MkAuthSandboxData.MariaSecondLogin), BlockRequest.Overdue);
        Assert.Equal(AccessChangeOutcome.AlreadyInState, again.Outcome);
        Assert.Single(host.RequestsTo("cliente/editar"));

        var unblocked = await access.UnblockAsync(subscriber);
        Assert.Equal(Canonical($"{{\"uuid\":\"{MkAuthSandboxData.MariaSecondUuid}\",\"bloqueado\":\"nao\"}}"), Canonical(host.RequestsTo("cliente/editar")[1].Body));
        Assert.Equal(AccessStatus.Active, unblocked.State.Status);
        Assert.Equal(AccessStatus.Active, await access.GetAccessStateAsync(subscriber) is { } s ? s.Status : default);
        await Assert.ThrowsAsync<NotSupportedException>(() => access.ThrottleAsync(subscriber, Bandwidth.FromMegabits(1, 1)));
    }

    [Fact]
    public async Task Legacy_install_without_editar_says_so_and_refuses_block()
    {
        await using var host = await MkAuthTestHost.StartAsync(MkAuthSandboxProfile.Legacy);
        var access = host.Client.AsAccessController();
        var state = await access.GetAccessStateAsync(Subscriber.ForLogin(MkAuthSandboxData.MariaLogin));
        Assert.Equal(AccessStatus.Blocked, state.Status);
        await Assert.ThrowsAsync<NotSupportedException>(() => access.UnblockAsync(Subscriber.ForLogin(MkAuthSandboxData.MariaLogin)));
        Assert.Single(host.RequestsTo("cliente/editar")); // the detection probe only
        Assert.False(access.Info.Supports(AccessCapabilities.Unblock));
        var batch = await access.ApplyAsync([AccessCommand.ToUnblock(Subscriber.ForLogin(MkAuthSandboxData.MariaLogin))]);
        Assert.Equal(BatchItemOutcome.Failed, batch.Items.Single().Outcome);
    }

    [Fact]
    public async Task Receiving_a_payment_sends_receber_once_and_releases_a_login_with_nothing_overdue()
    {
        await using var host = await MkAuthTestHost.StartAsync();
        await host.Client.ReceivePaymentAsync(MkAuthSandboxData.MariaOverdueTitleUuid, 99.90m);

        var put = host.RequestsTo("titulo/receber").Single();
        Assert.Equal("PUT", put.Method);
        Assert.Equal(Canonical($"{{\"uuid\":\"{MkAuthSandboxData.MariaOverdueTitleUuid}\",\"valor\":\"99.90\",\"forma\":\"PIX\",\"coletor\":\"API\"}}"), Canonical(put.Body));
        Assert.Equal("pago", host.Sandbox.GetTitleRow(MkAuthSandboxData.MariaOverdueTitleUuid)!["status"]);
        Assert.Equal("nao", host.Sandbox.GetCustomerRow(MkAuthSandboxData.MariaLogin)!["bloqueado"]);

        var error = await Assert.ThrowsAsync<ConnectorApiException>(() => host.Client.ReceivePaymentAsync(MkAuthSandboxData.MariaOverdueTitleUuid, 99.90m));
        Assert.Contains("pago", error.Message, StringComparison.Ordinal);
        await Assert.ThrowsAsync<ConnectorNotFoundException>(() => host.Client.ReceivePaymentAsync("00000000-0000-0000-0000-00000000abcd", 1m));
    }

    [Theory]
    [InlineData(503)]
    [InlineData(0)] // connection reset
    public async Task Writes_are_never_re_sent(int status)
    {
        await using var host = await MkAuthTestHost.StartAsync();
        await host.Client.DetectAsync();
        var fault = status == 0 ? MkAuthSandboxFault.ConnectionReset() : MkAuthSandboxFault.HttpStatus(status);
        host.Sandbox.InjectFault(fault, "titulo/receber", times: 3);
        host.Sandbox.InjectFault(fault, "cliente/editar", times: 3);

        await Assert.ThrowsAnyAsync<ConnectorException>(() => host.Client.ReceivePaymentAsync(MkAuthSandboxData.MariaOverdueTitleUuid, 99.90m));
        await Assert.ThrowsAnyAsync<ConnectorException>(() => host.Client.SetBlockedAsync(MkAuthSandboxData.MariaSecondUuid, true));

        Assert.Single(host.RequestsTo("titulo/receber"));
        Assert.Equal(2, host.RequestsTo("cliente/editar").Count); // the detection probe, then the one write
        Assert.Equal("vencido", host.Sandbox.GetTitleRow(MkAuthSandboxData.MariaOverdueTitleUuid)!["status"]);
    }

    [Fact]
    public async Task Reads_are_retried_on_transient_failures()
    {
        await using var host = await MkAuthTestHost.StartAsync();
        host.Sandbox.InjectFault(MkAuthSandboxFault.HttpStatus(503), "cliente/show");
        host.Sandbox.InjectFault(MkAuthSandboxFault.ConnectionReset(), "titulo/titulos");
        Assert.NotNull(await host.Client.GetCustomerAsync(MkAuthSandboxData.MariaLogin));
        Assert.Equal(3, (await host.Client.GetTitlesAsync(MkAuthSandboxData.MariaLogin)).Count);
        Assert.Equal(2, host.RequestsTo("cliente/show").Count);
        Assert.Equal(2, host.RequestsTo("titulo/titulos").Count);
    }

    [Fact]
    public async Task Caller_cancellation_surfaces_as_operation_cancelled()
    {
        await using var host = await MkAuthTestHost.StartAsync();
        using var cts = new CancellationTokenSource();
        await cts.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => host.Client.GetCustomerAsync(MkAuthSandboxData.MariaLogin, cts.Token));
    }
}
