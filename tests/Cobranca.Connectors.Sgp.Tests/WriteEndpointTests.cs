using Cobranca.Connectors.Abstractions;
using Cobranca.Connectors.Testing.Sgp;

namespace Cobranca.Connectors.Sgp.Tests;

/// <summary>fatura2via, pagamento/pix, liberacaopromessa, contrato/status/edit, disconnect, verificaacesso and baixar.</summary>
public sealed class WriteEndpointTests
{
    private static readonly Testing.Conformance.ConformanceScenario S = SgpTestHost.Scenario;

    [Fact]
    public async Task The_second_copy_asks_fatura2via_by_contract_without_opening_a_service_order()
    {
        await using var host = await SgpTestHost.StartAsync();
        var slip = await host.Client.GetPaymentSlipAsync("9201");

        var request = Assert.Single(host.RequestsTo("fatura2via"));
        Assert.Equal(S.DebtorActiveContractId, request.Field("contrato"));
        Assert.Equal("1", request.Field("nao_gerar_os"));
        Assert.Equal("1", request.Field("faturas_abertas_todas"));
        Assert.Equal("9201", request.Field("numero_documento"));
        Assert.Equal(0, host.Sandbox.ServiceOrdersOpened(S.DebtorActiveContractId));

        Assert.Equal("9201", slip.InvoiceId);
        Assert.Equal(47, slip.DigitableLine!.Count(char.IsAsciiDigit)); // "00190.00009 ..." as SGP formats it
        Assert.StartsWith("000201", slip.PixCopyPaste, StringComparison.Ordinal);
        Assert.EndsWith("/", slip.PdfUrl!.AbsolutePath, StringComparison.Ordinal);
        Assert.Contains("/boleto/9201-", slip.PdfUrl.AbsolutePath, StringComparison.Ordinal);
        Assert.True(slip.Amount > 99.90m); // an overdue boleto is recalculated (fine and interest)
        Assert.True(slip.DueDate > S.Today.AddDays(-40)); // ... with a new due date
    }

    [Fact]
    public async Task Opening_a_service_order_is_an_explicit_option()
    {
        await using var host = await SgpTestHost.StartAsync(o => o.OpenServiceOrderOnSecondCopy = true);
        await host.Client.GetPaymentSlipAsync("9201");
        Assert.Null(host.RequestsTo("fatura2via")[0].Field("nao_gerar_os"));
        Assert.Equal(1, host.Sandbox.ServiceOrdersOpened(S.DebtorActiveContractId));
    }

    [Fact]
    public async Task An_empty_codigopix_is_completed_from_pagamento_pix_and_a_failed_pix_keeps_the_boleto()
    {
        await using (var host = await SgpTestHost.StartAsync(sandbox: s => s.EmptyPixInSecondCopy = true))
        {
            var slip = await host.Client.GetPaymentSlipAsync("9201");
            var pix = Assert.Single(host.Sandbox.Requests, r => r.Path == "/api/ura/pagamento/pix/9201/");
            Assert.Equal(S.DebtorActiveContractId, pix.Field("contrato"));
            Assert.StartsWith("000201", slip.PixCopyPaste, StringComparison.Ordinal);
        }
        await using (var host = await SgpTestHost.StartAsync(sandbox: s => s.EmptyPixInSecondCopy = true))
        {
            host.Sandbox.InjectFault(SgpSandboxFault.HttpStatus(500), "pagamento/pix/9201");
            var slip = await host.Client.GetPaymentSlipAsync("9201");
            Assert.Null(slip.PixCopyPaste);
            Assert.NotNull(slip.DigitableLine);
            Assert.Single(host.Sandbox.Requests, r => r.Path.Contains("pagamento/pix", StringComparison.Ordinal)); // a write: not re-sent
        }
    }

    [Fact]
    public async Task Paid_and_unknown_titles_have_no_second_copy()
    {
        await using var host = await SgpTestHost.StartAsync();
        await Assert.ThrowsAsync<ConnectorValidationException>(() => host.Client.GetPaymentSlipAsync(S.PaidInvoiceId));
        await Assert.ThrowsAsync<ConnectorNotFoundException>(() => host.Client.GetPaymentSlipAsync(S.UnknownId));
        Assert.Empty(host.RequestsTo("fatura2via"));
    }

    [Fact]
    public async Task A_promise_sends_only_the_contract_and_maps_status_1_with_loose_types_to_granted()
    {
        await using var host = await SgpTestHost.StartAsync();
        var result = await host.Client.RequestTrustUnlockAsync(S.DebtorBlockedContractId);

        var request = Assert.Single(host.RequestsTo("liberacaopromessa"));
        Assert.Equal(S.DebtorBlockedContractId, request.Field("contrato"));
        Assert.Null(request.Field("data_promessa")); // SGP's setting decides the days, never the caller
        Assert.Null(request.Field("enviar_sms"));
        Assert.Equal(TrustUnlockOutcome.Granted, result.Outcome); // the sandbox answers status "1", liberado "True"
        var endOfPromise = new DateTimeOffset(S.Today.AddDays(4).ToDateTime(TimeOnly.MinValue), TimeSpan.FromHours(-3));
        Assert.Equal(endOfPromise, result.Until);
        Assert.NotNull(result.ProviderCode);
        Assert.Equal(1, host.Sandbox.ContractStatus(S.DebtorBlockedContractId));
    }

    [Fact]
    public async Task Promise_outcomes_0_and_2_and_the_server_side_limit()
    {
        await using var host = await SgpTestHost.StartAsync(o => o.NotifyCustomerOnTrustUnlock = true);
        Assert.Equal(TrustUnlockOutcome.AlreadyActive, (await host.Client.RequestTrustUnlockAsync(S.DebtorActiveContractId)).Outcome); // status 0, empty msg
        var cancelled = await host.Client.RequestTrustUnlockAsync(S.InactiveContractId);
        Assert.Equal(TrustUnlockOutcome.NotEligible, cancelled.Outcome);
        Assert.Contains("ativo, suspenso ou com velocidade reduzida", cancelled.Reason, StringComparison.Ordinal);

        Assert.Equal(TrustUnlockOutcome.Granted, (await host.Client.RequestTrustUnlockAsync(S.DebtorBlockedContractId)).Outcome);
        Assert.Equal("1", host.RequestsTo("liberacaopromessa")[^1].Field("enviar_sms"));
        host.Time.Advance(TimeSpan.FromDays(4)); // the promise ends: SGP suspends the contract again
        Assert.Equal(4, (await host.Client.GetContractStatusAsync(S.DebtorBlockedContractId)).Code);

        var again = await host.Client.RequestTrustUnlockAsync(S.DebtorBlockedContractId); // same month: SGP's limit
        Assert.Equal(TrustUnlockOutcome.LimitReached, again.Outcome);
        Assert.Contains("quantidade permitida", again.Reason, StringComparison.Ordinal);
        Assert.Equal(1, host.Sandbox.PromisesUsed(S.DebtorBlockedContractId));
    }

    [Fact]
    public async Task Block_edits_the_status_to_4_with_the_reason_then_disconnects_the_login()
    {
        await using var host = await SgpTestHost.StartAsync(o => o.BlockReasonId = 1);
        var change = await host.Client.AsAccessController().BlockAsync(Subscriber.ForContract(S.DebtorActiveContractId), BlockRequest.Overdue);

        Assert.Equal(AccessChangeOutcome.Applied, change.Outcome);
        Assert.Equal(AccessStatus.Blocked, change.State.Status);
        var edit = Assert.Single(host.RequestsTo("contrato/status/edit"));
        Assert.Equal("/api/ura/contrato/status/edit/", edit.Path);
        Assert.Equal(S.DebtorActiveContractId, edit.Field("contrato"));
        Assert.Equal("4", edit.Field("status"));
        Assert.Equal("1", edit.Field("motivo"));
        var disconnect = Assert.Single(host.RequestsTo("disconnect"));
        Assert.Equal("/ws/radius/disconnect/", disconnect.Path);
        Assert.Equal(S.DebtorLogin, disconnect.Field("login"));
        Assert.Equal(4, host.Sandbox.ContractStatus(S.DebtorActiveContractId));
        Assert.Equal([S.DebtorLogin], host.Sandbox.DisconnectedLogins);
        Assert.False(await host.Client.IsServiceOnlineAsync(S.DebtorActiveContractId));
    }

    [Fact]
    public async Task Unblock_and_throttle_edit_to_1_and_7_and_a_state_already_in_place_sends_no_write()
    {
        await using var host = await SgpTestHost.StartAsync();
        var access = host.Client.AsAccessController();
        Assert.Equal(AccessChangeOutcome.Applied, (await access.UnblockAsync(Subscriber.ForContract(S.DebtorBlockedContractId))).Outcome);
        Assert.Equal(AccessChangeOutcome.Applied, (await access.ThrottleAsync(Subscriber.ForLogin(S.DebtorLogin), Bandwidth.FromMegabits(2))).Outcome);
        Assert.Equal(AccessChangeOutcome.AlreadyInState, (await access.ThrottleAsync(Subscriber.ForContract(S.DebtorActiveContractId), Bandwidth.FromMegabits(2))).Outcome);

        Assert.Equal(["1", "7"], host.RequestsTo("contrato/status/edit").Select(r => r.Field("status")));
        Assert.Equal(1, host.Sandbox.ContractStatus(S.DebtorBlockedContractId));
        Assert.Equal(7, host.Sandbox.ContractStatus(S.DebtorActiveContractId));
        Assert.Equal(AccessStatus.Throttled, (await access.GetAccessStateAsync(Subscriber.ForContract(S.DebtorActiveContractId))).Status);
    }

    [Fact]
    public async Task A_failed_disconnect_after_a_successful_edit_is_still_applied()
    {
        await using var host = await SgpTestHost.StartAsync();
        host.Sandbox.InjectFault(SgpSandboxFault.HttpStatus(502), "disconnect");
        var change = await host.Client.AsAccessController().BlockAsync(Subscriber.ForContract(S.DebtorActiveContractId), BlockRequest.Overdue);

        Assert.Equal(AccessChangeOutcome.Applied, change.Outcome);
        Assert.Contains("could not be disconnected", change.State.Detail, StringComparison.Ordinal);
        Assert.Equal(4, host.Sandbox.ContractStatus(S.DebtorActiveContractId));
        Assert.Single(host.RequestsTo("disconnect"));
    }

    [Fact]
    public async Task Status_reasons_are_read_from_motivos()
    {
        await using var host = await SgpTestHost.StartAsync();
        var reasons = await host.Client.GetStatusReasonsAsync();
        Assert.Equal("Inadimplência", reasons[1]);
        Assert.Equal("/api/ura/contrato/status/motivos/", host.Sandbox.Requests[^1].Path);
    }

    [Fact]
    public async Task A_payment_received_elsewhere_is_posted_to_banco_titulo_baixar()
    {
        await using var host = await SgpTestHost.StartAsync();
        await host.Client.SettleInvoiceAsync("9202", 79.90m, S.Today, SgpPaymentMethod.Pix);

        var request = Assert.Single(host.Sandbox.Requests, r => r.Path == "/api/banco/titulo/9202/baixar/");
        Assert.Equal(S.Today.ToString("yyyy-MM-dd"), request.Field("data_pagamento"));
        Assert.Equal("79.90", request.Field("valor_pago"));
        Assert.Equal("PIX", request.Field("forma_pagamento"));
        Assert.Null(request.Field("liquidacao_parcial"));
        Assert.Equal("pago", host.Sandbox.Title("9202")!.Value.Status);
        var debt = await host.Client.GetDebtStatusAsync(S.DebtorCustomerId);
        Assert.DoesNotContain(debt.Overdue, i => i.Id == "9202");

        await Assert.ThrowsAsync<ConnectorValidationException>(() => host.Client.SettleInvoiceAsync("9202", 1m, S.Today, SgpPaymentMethod.Cash));
    }

    public static TheoryData<string, string> Writes => new()
    {
        { "liberacaopromessa", "promise" },
        { "contrato/status/edit", "block" },
        { "fatura2via", "slip" },
        { "disconnect", "disconnect" },
        { "titulo/9201/baixar", "baixa" },
    };

    [Theory]
    [MemberData(nameof(Writes))]
    public async Task A_write_is_never_re_sent_after_a_503(string endpoint, string operation)
    {
        await using var host = await SgpTestHost.StartAsync(o => o.Resilience.MaxRetryAttempts = 5);
        host.Sandbox.InjectFault(SgpSandboxFault.HttpStatus(503), endpoint, times: 5);
        await Assert.ThrowsAnyAsync<ConnectorException>(() => Run(host, operation));
        Assert.Single(host.Sandbox.Requests, r => r.Endpoint == endpoint);
    }

    [Theory]
    [MemberData(nameof(Writes))]
    public async Task A_write_whose_answer_is_lost_is_reported_as_possibly_applied_and_not_re_sent(string endpoint, string operation)
    {
        await using var host = await SgpTestHost.StartAsync(o => o.Resilience.MaxRetryAttempts = 5);
        host.Sandbox.InjectFault(SgpSandboxFault.ResetAfterApplying(), endpoint, times: 5);
        var error = await Assert.ThrowsAsync<ConnectorTransportException>(() => Run(host, operation));
        Assert.Contains("may have been applied", error.Message, StringComparison.Ordinal);
        Assert.Single(host.Sandbox.Requests, r => r.Endpoint == endpoint);
    }

    [Fact]
    public async Task The_lost_promise_answer_was_really_applied_so_a_blind_retry_would_have_been_wrong()
    {
        await using var host = await SgpTestHost.StartAsync();
        host.Sandbox.InjectFault(SgpSandboxFault.ResetAfterApplying(), "liberacaopromessa");
        await Assert.ThrowsAsync<ConnectorTransportException>(() => host.Client.RequestTrustUnlockAsync(S.DebtorBlockedContractId));
        Assert.Equal(1, host.Sandbox.PromisesUsed(S.DebtorBlockedContractId));
        Assert.Equal(1, host.Sandbox.ContractStatus(S.DebtorBlockedContractId));
    }

    private static Task Run(SgpTestHost host, string operation) => operation switch
    {
        "promise" => host.Client.RequestTrustUnlockAsync(S.DebtorBlockedContractId),
        "block" => host.Client.ChangeContractStatusAsync(S.DebtorActiveContractId, SgpContractStatus.Suspended),
        "slip" => host.Client.GetPaymentSlipAsync("9201"),
        "disconnect" => host.Client.DisconnectAsync(S.DebtorLogin),
        _ => host.Client.SettleInvoiceAsync("9201", 99.90m, S.Today, SgpPaymentMethod.Pix),
    };
}
