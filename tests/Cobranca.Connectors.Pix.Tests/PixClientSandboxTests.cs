using Cobranca.Connectors.Abstractions;
using Cobranca.Connectors.Testing.Pix;

namespace Cobranca.Connectors.Pix.Tests;

public sealed class PixClientSandboxTests : IAsyncLifetime
{
    private PixPspSandbox _sandbox = null!;
    private PixClient _client = null!;

    public async Task InitializeAsync()
    {
        _sandbox = await PixPspSandbox.StartAsync();
        _client = new PixClient(TestKit.Options(_sandbox));
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _sandbox.DisposeAsync();
    }

    [Fact]
    public async Task Put_cob_creates_an_active_charge_with_copy_paste_and_get_reads_it_back()
    {
        var txid = PixTxid.ForInvoice("ISP1", "1001");

        var created = await _client.CreateChargeAsync(txid, TestKit.Cob(_sandbox, 99.90m));
        var read = await _client.GetChargeAsync(txid);

        Assert.Equal(txid, created.Txid);
        Assert.Equal(PixChargeStatus.Active, created.Status);
        Assert.Equal(99.90m, read.Amount);
        Assert.Equal(3600, read.ExpirationSeconds);
        Assert.False(read.IsDueCharge);
        Assert.StartsWith("000201", read.CopyPaste);
        Assert.Contains("br.gov.bcb.pix", read.CopyPaste);
        var put = Assert.Single(_sandbox.Requests, r => r.Method == "PUT");
        Assert.Equal($"/v2/cob/{txid}", put.Path);
        Assert.Equal("Bearer", put.AuthorizationScheme);
        Assert.Contains("\"original\":\"99.90\"", put.Body);
        Assert.Contains("\"expiracao\":3600", put.Body);
    }

    [Fact]
    public async Task Copy_paste_is_a_valid_dynamic_br_code_pointing_at_the_charge_location()
    {
        var cob = await _client.CreateChargeAsync(PixTxid.ForInvoice("BR", "1"), TestKit.Cob(_sandbox, 12.34m));
        var cobv = await _client.CreateDueChargeAsync(PixTxid.ForInvoice("BR", "2"), new PixDueChargeRequest
        {
            Key = _sandbox.Key, Amount = 56.78m, DueDate = new DateOnly(2026, 5, 10), Debtor = TestKit.Debtor(),
        });

        var cobCode = BrCode.Parse(cob.CopyPaste!);
        var cobvCode = BrCode.Parse(cobv.CopyPaste!);

        Assert.True(cobCode.IsDynamic && cobCode.IsSingleUse);
        Assert.Equal(cob.Location, cobCode.Url);
        Assert.Equal(12.34m, cobCode.Amount);
        Assert.False(cobCode.IsDueDateCharge);
        Assert.True(cobvCode.IsDueDateCharge);
        Assert.Equal(cobv.Location, cobvCode.Url);
    }

    [Fact]
    public async Task Repeating_the_same_put_is_idempotent()
    {
        var txid = PixTxid.ForInvoice("ISP1", "1002");
        var first = await _client.CreateChargeAsync(txid, TestKit.Cob(_sandbox));
        var again = await _client.CreateChargeAsync(txid, TestKit.Cob(_sandbox));

        Assert.Equal(first.Txid, again.Txid);
        Assert.Equal(first.Location, again.Location);
        Assert.Equal(0, again.Revision);
    }

    [Fact]
    public async Task Post_cob_gets_a_psp_chosen_txid()
    {
        var created = await _client.CreateChargeAsync(TestKit.Cob(_sandbox, 10m));

        Assert.True(PixTxid.IsValid(created.Txid));
        Assert.Equal(10m, (await _client.GetChargeAsync(created.Txid)).Amount);
    }

    [Fact]
    public async Task Status_transitions_cancel_then_refuse_changes_and_payment()
    {
        var txid = PixTxid.ForInvoice("ISP1", "1003");
        await _client.CreateChargeAsync(txid, TestKit.Cob(_sandbox));

        var cancelled = await _client.UpdateChargeAsync(txid, PixChargeUpdate.Cancel);

        Assert.Equal(PixChargeStatus.RemovedByReceiver, cancelled.Status);
        Assert.Equal(1, cancelled.Revision);
        var ex = await Assert.ThrowsAsync<ConnectorValidationException>(() => _client.UpdateChargeAsync(txid, new PixChargeUpdate { Amount = 5m }));
        Assert.Equal("CobOperacaoInvalida", ex.ProviderErrorCode);
        await Assert.ThrowsAsync<InvalidOperationException>(() => _sandbox.PayAsync(txid));
    }

    [Fact]
    public async Task Patch_revises_the_amount()
    {
        var txid = PixTxid.ForInvoice("ISP1", "1004");
        await _client.CreateChargeAsync(txid, TestKit.Cob(_sandbox, 50m));

        var revised = await _client.UpdateChargeAsync(txid, new PixChargeUpdate { Amount = 45.5m, PayerMessage = "Desconto" });

        Assert.Equal(45.50m, revised.Amount);
        Assert.Equal("Desconto", revised.PayerMessage);
        Assert.Equal(PixChargeStatus.Active, revised.Status);
    }

    [Fact]
    public async Task Paid_charge_is_completed_and_lists_its_pix()
    {
        var txid = PixTxid.ForInvoice("ISP1", "1005");
        await _client.CreateChargeAsync(txid, TestKit.Cob(_sandbox, 120m));
        var paid = await _sandbox.PayAsync(txid);

        var charge = await _client.GetChargeAsync(txid);
        var pix = await _client.GetPaymentAsync(paid.EndToEndId);

        Assert.True(charge.Status.IsPaid);
        Assert.Equal(paid.EndToEndId, Assert.Single(charge.Payments).EndToEndId);
        Assert.Equal(txid, pix.Txid);
        Assert.Equal(120m, pix.Amount);
        Assert.Equal(32, pix.EndToEndId.Length);
        Assert.DoesNotContain("12345678909", pix.Payer!.Masked);
    }

    [Fact]
    public async Task Unknown_resources_map_to_not_found_with_the_bacen_error_code()
    {
        var cob = await Assert.ThrowsAsync<ConnectorNotFoundException>(() => _client.GetChargeAsync(PixTxid.NewRandom()));
        var pix = await Assert.ThrowsAsync<ConnectorNotFoundException>(() => _client.GetPaymentAsync("E99999008202601011200abcdefghijk"));

        Assert.Equal("CobNaoEncontrado", cob.ProviderErrorCode);
        Assert.Equal(404, cob.StatusCode);
        Assert.Equal("PixNaoEncontrado", pix.ProviderErrorCode);
        Assert.Equal("pix", pix.Provider);
        Assert.Equal("pix.get", pix.Operation);
    }

    [Fact]
    public async Task Rfc7807_violacoes_become_redacted_field_violations()
    {
        var foreignKey = "fulano.tal@example.com";
        var request = new PixImmediateChargeRequest { Key = foreignKey, Amount = 10m };

        var ex = await Assert.ThrowsAsync<ConnectorValidationException>(() => _client.CreateChargeAsync(PixTxid.NewRandom(), request));

        Assert.Equal(400, ex.StatusCode);
        Assert.Equal("CobOperacaoInvalida", ex.ProviderErrorCode);
        var violation = Assert.Single(ex.Violations);
        Assert.Equal("cob.chave", violation.Field);
        Assert.Contains("não pertence", violation.Reason);
        Assert.NotNull(violation.Value);
        Assert.DoesNotContain(foreignKey, violation.Value);
        Assert.DoesNotContain(foreignKey, ex.Message);
        Assert.DoesNotContain(foreignKey, ex.RawBody);
        Assert.Contains("Cobrança inválida", ex.Message);
    }

    [Fact]
    public async Task Cobv_with_invalid_modalidade_is_reported_per_field()
    {
        var request = new PixDueChargeRequest
        {
            Key = _sandbox.Key,
            Amount = 100m,
            DueDate = new DateOnly(2026, 12, 10),
            Debtor = TestKit.Debtor(),
            Interest = new PixInterest((PixInterestModality)9, 1m),
        };

        var ex = await Assert.ThrowsAsync<ConnectorValidationException>(() => _client.CreateDueChargeAsync(PixTxid.NewRandom(), request));

        Assert.Equal("CobVOperacaoInvalida", ex.ProviderErrorCode);
        Assert.Equal("cobv.valor.juros.modalidade", Assert.Single(ex.Violations).Field);
    }

    [Fact]
    public async Task Malformed_success_body_is_a_transport_error()
    {
        _sandbox.InjectFault(PixSandboxFault.MalformedBody("GET", "/cob/"));

        var ex = await Assert.ThrowsAsync<ConnectorTransportException>(() => _client.GetChargeAsync(PixTxid.NewRandom()));

        Assert.Contains("not the expected JSON", ex.Message);
    }

    [Fact]
    public async Task Client_side_validation_rejects_bad_txids_and_amounts_before_any_call()
    {
        await Assert.ThrowsAsync<ArgumentException>(() => _client.CreateChargeAsync("short", TestKit.Cob(_sandbox)));
        await Assert.ThrowsAnyAsync<ArgumentException>(() => _client.CreateChargeAsync(PixTxid.NewRandom(), TestKit.Cob(_sandbox, 10.001m)));
        await Assert.ThrowsAnyAsync<ArgumentException>(() => _client.CreateChargeAsync(PixTxid.NewRandom(), TestKit.Cob(_sandbox, 0m)));
        Assert.Empty(_sandbox.Requests);
    }

    [Fact]
    public async Task Lists_received_pix_across_pages_in_a_time_window()
    {
        var before = DateTimeOffset.UtcNow.AddMinutes(-1);
        for (var i = 0; i < 5; i++)
        {
            var txid = PixTxid.ForInvoice("PG", i.ToString(System.Globalization.CultureInfo.InvariantCulture));
            await _client.CreateChargeAsync(txid, TestKit.Cob(_sandbox, 10m + i));
            await _sandbox.PayAsync(txid);
        }

        var query = new PixPaymentQuery { From = before, To = DateTimeOffset.UtcNow.AddMinutes(1), PageSize = 2 };
        var all = new List<PixPayment>();
        await foreach (var p in _client.ListPaymentsAsync(query)) all.Add(p);
        var page = await _client.ListPaymentsPageAsync(query, 1);

        Assert.Equal(5, all.Count);
        Assert.Equal(5, all.Select(p => p.EndToEndId).Distinct().Count());
        Assert.Equal(3, _sandbox.Requests.Count(r => r.Path.StartsWith("/v2/pix?", StringComparison.Ordinal) && r.Path.Contains("itensPorPagina=2")) - 1);
        Assert.Equal((1, 2, 3, 5), (page.PageIndex, page.PageSize, page.PageCount, page.TotalItems));
        Assert.Contains(_sandbox.Requests, r => r.Path.Contains("inicio=") && r.Path.Contains("fim=") && r.Path.Contains("paginacao.paginaAtual=2"));
        var empty = await _client.ListPaymentsPageAsync(new PixPaymentQuery { From = before.AddDays(-2), To = before.AddDays(-1) });
        Assert.Empty(empty.Items);
    }

    [Fact]
    public async Task Refund_is_recorded_and_over_refund_is_refused()
    {
        var txid = PixTxid.ForInvoice("RF", "1");
        await _client.CreateChargeAsync(txid, TestKit.Cob(_sandbox, 30m));
        var paid = await _sandbox.PayAsync(txid);

        var refund = await _client.RefundAsync(paid.EndToEndId, "dev1", new PixRefundRequest { Amount = 10m, Description = "Cobrança em duplicidade" });
        var read = await _client.GetRefundAsync(paid.EndToEndId, "dev1");
        var pix = await _client.GetPaymentAsync(paid.EndToEndId);

        Assert.Equal(PixRefundStatus.Refunded, refund.Status);
        Assert.Equal(10m, read.Amount);
        Assert.Equal(32, read.ReturnId!.Length);
        Assert.Equal("dev1", Assert.Single(pix.Refunds).Id);
        var ex = await Assert.ThrowsAsync<ConnectorValidationException>(() =>
            _client.RefundAsync(paid.EndToEndId, "dev2", new PixRefundRequest { Amount = 25m }));
        Assert.Equal("PixDevolucaoInvalida", ex.ProviderErrorCode);
    }

    [Fact]
    public async Task Webhook_configure_get_delete()
    {
        var url = new Uri("https://isp.example.com/pix/webhook");

        await _client.ConfigureWebhookAsync(_sandbox.Key, url);
        var hook = await _client.GetWebhookAsync(_sandbox.Key);
        await _client.DeleteWebhookAsync(_sandbox.Key);

        Assert.Equal(url, hook.Url);
        Assert.Equal(_sandbox.Key, hook.Key);
        Assert.Contains(_sandbox.Requests, r => r.Method == "PUT" && r.Path == $"/v2/webhook/{_sandbox.Key}" && r.Body.Contains("\"webhookUrl\":\"https://isp.example.com/pix/webhook\""));
        var ex = await Assert.ThrowsAsync<ConnectorNotFoundException>(() => _client.GetWebhookAsync(_sandbox.Key));
        Assert.Equal("WebhookNaoEncontrado", ex.ProviderErrorCode);
    }
}

public sealed class PixStrictPspTests
{
    [Fact]
    public async Task Re_running_a_put_at_a_psp_that_refuses_repeated_txids_returns_the_existing_charge()
    {
        await using var psp = await PixPspSandbox.StartAsync(new PixPspSandboxOptions { RejectRepeatedPut = true });
        using var client = new PixClient(TestKit.Options(psp));
        var txid = PixTxid.ForInvoice("ISP1", "900");
        var first = await client.CreateChargeAsync(txid, TestKit.Cob(psp, 80m));

        var again = await client.CreateChargeAsync(txid, TestKit.Cob(psp, 80m));

        Assert.Equal(first.Location, again.Location);
        Assert.Equal([201, 400], psp.Requests.Where(r => r.Method == "PUT").Select(r => r.StatusCode));
        Assert.Single(psp.Requests, r => r.Method == "GET" && r.Path == $"/v2/cob/{txid}");
    }

    [Fact]
    public async Task A_different_charge_on_a_used_txid_is_still_rejected()
    {
        await using var psp = await PixPspSandbox.StartAsync(new PixPspSandboxOptions { RejectRepeatedPut = true });
        using var client = new PixClient(TestKit.Options(psp));
        var txid = PixTxid.ForInvoice("ISP1", "901");
        await client.CreateDueChargeAsync(txid, new PixDueChargeRequest
        {
            Key = psp.Key, Amount = 80m, DueDate = new DateOnly(2026, 5, 10), Debtor = TestKit.Debtor(),
        });

        var ex = await Assert.ThrowsAsync<ConnectorValidationException>(() => client.CreateDueChargeAsync(txid, new PixDueChargeRequest
        {
            Key = psp.Key, Amount = 80m, DueDate = new DateOnly(2026, 6, 10), Debtor = TestKit.Debtor(),
        }));

        Assert.Equal("cobv.txid", Assert.Single(ex.Violations).Field);
    }
}
