using System.Collections.Concurrent;
using Cobranca.Connectors.Abstractions;
using Cobranca.Connectors.Testing.Pix;

namespace Cobranca.Connectors.Pix.Tests;

/// <summary>Webhook path end to end: sandbox PSP -> POST {url}/pix -> minimal API -> handler -> re-query -> PaymentReceived.</summary>
public sealed class PixWebhookFlowTests : IAsyncLifetime
{
    private const string Prefix = "ISP1";
    private readonly ConcurrentQueue<PaymentReceived> _events = new();
    private readonly InMemoryProcessedPaymentLedger _store = new();
    private PixPspSandbox _sandbox = null!;
    private PixClient _client = null!;
    private readonly ConcurrentQueue<PixPaymentBatchResult> _deliveries = new();
    private PixWebhookReceiver _receiver = null!;
    private PixPaymentOptions _paymentOptions = null!;

    public async Task InitializeAsync()
    {
        _sandbox = await PixPspSandbox.StartAsync();
        _client = new PixClient(TestKit.Options(_sandbox));
        _paymentOptions = new PixPaymentOptions { TxidPrefix = Prefix };
        _paymentOptions.AllowedKeys.Add(_sandbox.Key);
        var handler = NewHandler();
        // The application's webhook route: answer the PSP with the handler's suggested status.
        _receiver = await PixWebhookReceiver.StartAsync(async (body, ct) =>
        {
            var result = await handler.HandleCallbackAsync(body, ct);
            _deliveries.Enqueue(result);
            return result.SuggestedStatusCode;
        });
        await _client.ConfigureWebhookAsync(_sandbox.Key, _receiver.Url);
    }

    public async Task DisposeAsync()
    {
        await _receiver.DisposeAsync();
        _client.Dispose();
        await _sandbox.DisposeAsync();
    }

    private PixWebhookHandler NewHandler(Func<PaymentReceived, CancellationToken, Task>? sink = null) =>
        new(_client, sink ?? ((e, _) => { _events.Enqueue(e); return Task.CompletedTask; }), _paymentOptions, _store);

    private async Task<string> NewChargeAsync(string invoiceId, decimal amount = 99.90m)
    {
        var txid = PixTxid.ForInvoice(Prefix, invoiceId);
        await _client.CreateChargeAsync(txid, TestKit.Cob(_sandbox, amount));
        return txid;
    }

    [Fact]
    public async Task Pay_callback_requery_raises_exactly_one_PaymentReceived_even_when_delivered_twice()
    {
        var txid = await NewChargeAsync("123");

        var paid = await _sandbox.PayAsync(txid);
        var again = await _sandbox.RedeliverWebhookAsync(paid.EndToEndId);

        Assert.Equal(200, paid.WebhookStatusCode);
        Assert.Equal(200, again);
        var evt = Assert.Single(_events);
        Assert.Equal(paid.EndToEndId, evt.PaymentId);
        Assert.Equal(txid, evt.Reference);
        Assert.Equal("123", evt.InvoiceId);
        Assert.Equal(99.90m, evt.Amount);
        Assert.Equal(paid.PaidAt, evt.PaidAt);
        Assert.Equal("pix", evt.Source);
        Assert.NotNull(evt.PayerMasked);
        Assert.DoesNotContain("12345678909", evt.PayerMasked);
        // Both deliveries were re-queried at the PSP before being trusted.
        Assert.Equal(2, _sandbox.Requests.Count(r => r.Method == "GET" && r.Path == $"/v2/pix/{paid.EndToEndId}"));
        Assert.Equal([1, 0], _deliveries.Select(d => d.Payments.Count));
        Assert.Equal(1, _deliveries.Last().Duplicates);
        Assert.Equal([200, 200], _receiver.Deliveries.Select(d => d.StatusCode));
        Assert.Contains(paid.EndToEndId, _receiver.Deliveries[0].Body);
    }

    [Fact]
    public async Task Forged_callback_for_an_unpaid_txid_raises_nothing()
    {
        var txid = await NewChargeAsync("124");
        var handler = NewHandler();
        var forged = $$"""{"pix":[{"endToEndId":"E99999008202603101200forged12345","txid":"{{txid}}","valor":"99.90","horario":"2026-03-10T12:00:00Z","chave":"{{_sandbox.Key}}"}]}""";

        var result = await handler.HandleCallbackAsync(forged);

        Assert.Empty(_events);
        Assert.Empty(result.Payments);
        Assert.Equal(1, result.Rejected);
        Assert.Equal(200, result.SuggestedStatusCode); // a forger learns nothing
        Assert.Equal("ATIVA", _sandbox.GetChargeStatus(txid));
    }

    [Fact]
    public async Task Callback_whose_txid_differs_from_the_psp_record_is_rejected()
    {
        var realTxid = await NewChargeAsync("125");
        var otherTxid = await NewChargeAsync("126");
        var paid = await _sandbox.PayAsync(realTxid, notify: false);
        var forged = $$"""{"pix":[{"endToEndId":"{{paid.EndToEndId}}","txid":"{{otherTxid}}","valor":"99.90","horario":"2026-03-10T12:00:00Z"}]}""";

        var result = await NewHandler().HandleCallbackAsync(forged);

        Assert.Equal(1, result.Rejected);
        Assert.Empty(_events);
    }

    [Fact]
    public async Task Payment_to_a_key_outside_AllowedKeys_is_rejected()
    {
        var txid = await NewChargeAsync("127");
        var paid = await _sandbox.PayAsync(txid, notify: false);
        var options = new PixPaymentOptions { TxidPrefix = Prefix };
        options.AllowedKeys.Add("outra-chave@example.com");
        var handler = new PixWebhookHandler(_client, (e, _) => { _events.Enqueue(e); return Task.CompletedTask; }, options);

        var result = await handler.HandleCallbackAsync($$"""{"pix":[{"endToEndId":"{{paid.EndToEndId}}"}]}""");

        Assert.Equal(1, result.Rejected);
        Assert.Empty(_events);
    }

    [Fact]
    public async Task Only_ids_are_read_from_the_callback_the_rest_comes_from_the_psp()
    {
        var txid = await NewChargeAsync("135", 42m);
        var paid = await _sandbox.PayAsync(txid, notify: false);
        var body = $$"""{"pix":[{"endToEndId":"{{paid.EndToEndId}}","txid":"{{txid}}","valor":"R$ 1,00","horario":"ontem","outro":[1]}]}""";

        var result = await NewHandler().HandleCallbackAsync(body);

        Assert.Equal(42m, Assert.Single(result.Payments).Amount);
        Assert.Equal(paid.PaidAt, result.Payments[0].PaidAt);
    }

    [Theory]
    [InlineData("")]
    [InlineData("not json")]
    [InlineData("""{"evento":"teste"}""")]
    [InlineData("[1,2]")]
    public async Task Malformed_bodies_are_reported_not_thrown(string body)
    {
        var result = await NewHandler().HandleCallbackAsync(body);

        Assert.False(result.IsWellFormed);
        Assert.Equal(400, result.SuggestedStatusCode);
        Assert.DoesNotContain(_sandbox.Requests, r => r.Path.StartsWith("/v2/pix/", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Psp_unavailable_during_requery_asks_for_redelivery_and_the_redelivery_succeeds()
    {
        var txid = await NewChargeAsync("128");
        _sandbox.InjectFault(PixSandboxFault.ServerError(503, "GET", "/v2/pix/", times: 4)); // first try + 3 retries

        var paid = await _sandbox.PayAsync(txid);
        Assert.Equal(503, paid.WebhookStatusCode);
        Assert.Empty(_events);

        Assert.Equal(200, await _sandbox.RedeliverWebhookAsync(paid.EndToEndId));
        Assert.Equal(paid.EndToEndId, Assert.Single(_events).PaymentId);
    }

    [Fact]
    public async Task Failing_subscriber_releases_the_payment_so_the_next_delivery_raises_it()
    {
        var txid = await NewChargeAsync("129");
        var paid = await _sandbox.PayAsync(txid, notify: false);
        var body = $$"""{"pix":[{"endToEndId":"{{paid.EndToEndId}}","txid":"{{txid}}"}]}""";
        var failing = NewHandler((_, _) => throw new InvalidOperationException("database down"));

        await Assert.ThrowsAsync<InvalidOperationException>(() => failing.HandleCallbackAsync(body));
        var result = await NewHandler().HandleCallbackAsync(body);

        Assert.Single(result.Payments);
        Assert.Single(_events);
    }

    [Fact]
    public async Task Concurrent_deliveries_of_the_same_payment_raise_it_once()
    {
        var txid = await NewChargeAsync("130");
        var paid = await _sandbox.PayAsync(txid, notify: false);

        await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => _sandbox.RedeliverWebhookAsync(paid.EndToEndId)));

        Assert.Single(_events);
    }

    [Fact]
    public async Task Reconciliation_catches_a_missed_callback_and_shares_dedupe_with_the_webhook()
    {
        var from = DateTimeOffset.UtcNow.AddMinutes(-5);
        var lost = await NewChargeAsync("131", 50m);
        var delivered = await NewChargeAsync("132", 60m);
        var lostPaid = await _sandbox.PayAsync(lost, notify: false);
        await _sandbox.PayAsync(delivered);
        Assert.Single(_events);
        var poller = new PixReconciliationPoller(_client, (e, _) => { _events.Enqueue(e); return Task.CompletedTask; }, _paymentOptions, _store);

        var pass1 = await poller.ReconcileAsync(from, DateTimeOffset.UtcNow.AddMinutes(1));
        var pass2 = await poller.ReconcileAsync(from, DateTimeOffset.UtcNow.AddMinutes(1));
        await _sandbox.RedeliverWebhookAsync(lostPaid.EndToEndId);

        Assert.Equal((2, 1, 1), (pass1.Received, pass1.Payments.Count, pass1.Duplicates));
        Assert.Equal("131", pass1.Payments[0].InvoiceId);
        Assert.Equal(50m, pass1.Payments[0].Amount);
        Assert.Equal((0, 2), (pass2.Payments.Count, pass2.Duplicates));
        Assert.Equal(2, _events.Count);
        Assert.Equal(2, _events.Select(e => e.PaymentId).Distinct().Count());
    }

    [Fact]
    public async Task Poller_loop_runs_until_cancelled()
    {
        var txid = await NewChargeAsync("133");
        await _sandbox.PayAsync(txid, notify: false);
        using var cts = new CancellationTokenSource();
        var poller = new PixReconciliationPoller(_client, (e, _) => { _events.Enqueue(e); cts.Cancel(); return Task.CompletedTask; }, _paymentOptions, _store);

        var run = poller.RunAsync(TimeSpan.FromMilliseconds(50), TimeSpan.FromHours(1), cts.Token);

        Assert.Same(run, await Task.WhenAny(run, Task.Delay(TimeSpan.FromSeconds(20))));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => run);
        Assert.Equal("133", Assert.Single(_events).InvoiceId);
    }

    [Fact]
    public async Task Refund_callback_for_an_already_raised_payment_is_a_duplicate()
    {
        var txid = await NewChargeAsync("134");
        var paid = await _sandbox.PayAsync(txid);

        await _client.RefundAsync(paid.EndToEndId, "r1", new PixRefundRequest { Amount = 5m });

        Assert.Single(_events);
        Assert.Equal(1, _deliveries.Last().Duplicates);
        Assert.Contains("\"devolucoes\"", _receiver.Deliveries[^1].Body);
    }
}

public sealed class PixWebhookLimitsTests
{
    [Fact]
    public async Task Oversized_or_repetitive_bodies_do_not_multiply_psp_calls()
    {
        await using var psp = await PixPspSandbox.StartAsync();
        using var client = new PixClient(TestKit.Options(psp));
        var handler = new PixWebhookHandler(client, (_, _) => Task.CompletedTask, new PixPaymentOptions { MaxItemsPerCallback = 3 });
        var items = string.Join(",", Enumerable.Range(0, 10).Select(i => $$"""{"endToEndId":"E9999900820260310120000000000{{i % 5:D3}}"}"""));

        var result = await handler.HandleCallbackAsync($$"""{"pix":[{{items}}]}""");

        Assert.Equal(10, result.Received);
        Assert.Equal(3, psp.Requests.Count(r => r.Path.StartsWith("/v2/pix/", StringComparison.Ordinal)));
        Assert.Equal(3 + 4, result.Rejected); // 3 unknown at the PSP + 4 over the cap
        Assert.Equal(3, result.Duplicates);   // repeated within the body
    }
}
