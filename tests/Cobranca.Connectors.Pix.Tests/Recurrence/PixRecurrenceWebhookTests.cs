using Cobranca.Connectors.Abstractions;
using Cobranca.Connectors.Testing.Pix;

namespace Cobranca.Connectors.Pix.Tests.Recurrence;

public sealed class PixRecurrenceWebhookTests
{
    [Fact]
    public async Task Rec_and_cobr_callbacks_are_requeried_deduplicated_and_normalised()
    {
        await using var kit = await RecurrenceKit.StartAsync();
        var events = new List<PixRecurrenceEvent>();
        var ledger = new InMemoryProcessedPaymentLedger();
        var handler = new PixRecurrenceWebhookHandler(kit.Client, (e, _) => { lock (events) events.Add(e); return Task.CompletedTask; },
            new PixPaymentOptions { TxidPrefix = "PA" }, ledger, timeProvider: kit.Time);
        await using var receiver = await PixWebhookReceiver.StartAsync(async (body, ct) => (await handler.HandleCallbackAsync(body, ct)).SuggestedStatusCode);
        await kit.Client.ConfigureRecurrenceWebhookAsync(receiver.Url);
        await kit.Client.ConfigureRecurringChargeWebhookAsync(receiver.Url);

        var loc = await kit.Client.CreateRecurrenceLocationAsync();
        var rec = await kit.Client.CreateRecurrenceAsync(kit.Rec(location: loc.Id));
        Assert.Equal(200, await kit.Sandbox.ApproveRecurrenceAsync(rec.Id));
        var authorized = Assert.IsType<RecurrenceAuthorized>(Assert.Single(events));
        Assert.Equal(rec.Id, authorized.RecurrenceId);
        Assert.True(authorized.Recurrence.IsApproved);

        // A redelivery raises nothing new.
        Assert.Equal(200, await kit.Sandbox.RedeliverRecurrenceWebhookAsync(rec.Id));
        Assert.Single(events);

        var txid = PixTxid.ForInvoice("PA", "INV77");
        await kit.Client.CreateRecurringChargeAsync(txid, kit.Cobr(rec.Id, daysAhead: 3));
        await kit.Sandbox.RunRecurrenceSchedulerAsync();
        await kit.AdvanceToAsync(kit.Today.AddDays(3));
        var settled = Assert.IsType<RecurringChargeSettled>(events[^1]);
        Assert.Equal("INV77", settled.Payment.InvoiceId);
        Assert.Equal(99.90m, settled.Payment.Amount);
        Assert.Equal(txid, settled.Payment.Reference);
        Assert.Equal(settled.Payment.PaymentId, settled.Charge.Payments[0].EndToEndId);
        await kit.Sandbox.RedeliverRecurringChargeWebhookAsync(txid);
        Assert.Single(events.OfType<RecurringChargeSettled>());
        // The same payment on the classic Pix channel, sharing the ledger, is a duplicate.
        var pixEvents = new List<PaymentReceived>();
        var pixHandler = new PixWebhookHandler(kit.Client, (p, _) => { pixEvents.Add(p); return Task.CompletedTask; }, store: ledger);
        var pixResult = await pixHandler.HandleCallbackAsync($$"""{"pix":[{"endToEndId":"{{settled.Payment.PaymentId}}","txid":"{{txid}}"}]}""");
        Assert.Equal(1, pixResult.Duplicates);
        Assert.Empty(pixEvents);

        // Payer cancels the mandate.
        await kit.Sandbox.CancelRecurrenceByPayerAsync(rec.Id);
        var cancelled = Assert.IsType<RecurrenceCancelled>(events[^1]);
        Assert.True(cancelled.ByPayer);
    }

    [Fact]
    public async Task Failed_attempts_and_final_failure_are_raised_once_each()
    {
        await using var kit = await RecurrenceKit.StartAsync();
        var events = new List<PixRecurrenceEvent>();
        var handler = new PixRecurrenceWebhookHandler(kit.Client, (e, _) => { events.Add(e); return Task.CompletedTask; }, timeProvider: kit.Time);
        await using var receiver = await PixWebhookReceiver.StartAsync(async (body, ct) => (await handler.HandleCallbackAsync(body, ct)).SuggestedStatusCode);
        await kit.Client.ConfigureRecurringChargeWebhookAsync(receiver.Url);
        var rec = await kit.ApprovedAsync(cpf: RecurrenceKit.PoorCpf, policy: PixRetryPolicy.NotAllowed);
        var txid = PixTxid.ForInvoice("PA", "POOR1");
        await kit.Client.CreateRecurringChargeAsync(txid, kit.Cobr(rec.Id, daysAhead: 3));
        await kit.AdvanceToAsync(kit.Today.AddDays(3));
        var failures = events.OfType<RecurringChargeFailed>().ToList();
        Assert.Equal(2, failures.Count);
        Assert.Contains(failures, f => !f.IsFinal);
        Assert.Contains(failures, f => f.IsFinal && f.Charge.Status == PixRecurringChargeStatus.Expired);
        await kit.Sandbox.RedeliverRecurringChargeWebhookAsync(txid);
        Assert.Equal(2, events.OfType<RecurringChargeFailed>().Count());
    }

    [Fact]
    public async Task Forged_malformed_and_failing_deliveries()
    {
        await using var kit = await RecurrenceKit.StartAsync();
        var calls = 0;
        var handler = new PixRecurrenceWebhookHandler(kit.Client, (_, _) => ++calls == 1 ? throw new InvalidOperationException("consumer down") : Task.CompletedTask,
            timeProvider: kit.Time);
        var forged = await handler.HandleCallbackAsync("""{"recs":[{"idRec":"RR1234567820240115abcdefghijk","status":"APROVADA"}]}""");
        Assert.Equal(1, forged.Rejected);
        Assert.Empty(forged.Events);
        Assert.Equal(200, forged.SuggestedStatusCode);
        Assert.Equal(400, (await handler.HandleCallbackAsync("not json")).SuggestedStatusCode);
        Assert.Equal(400, (await handler.HandleCallbackAsync("""{"pix":[]}""")).SuggestedStatusCode);
        // The spec's own example carries an invalid date ("2024-20-08"): the body is still read (ids only).
        var specExample = await handler.HandleCallbackAsync("""{"cobsr":[{"idRec":"RR1234567820240115abcdefghijk","txid":"3136957d93134f2184b369e8f1c0729d","status":"ATIVA","tentativas":[{"dataLiquidacao":"2024-20-08","tipo":"AGND","status":"SOLICITADA"}]}]}""");
        Assert.True(specExample.IsWellFormed);
        Assert.Equal(1, specExample.Rejected);

        // The consumer throws: the fact is released, 503 asks for a redelivery, which raises it.
        var rec = await kit.ApprovedAsync();
        var body = $$"""{"recs":[{"idRec":"{{rec.Id}}","status":"APROVADA"}]}""";
        var first = await handler.HandleCallbackAsync(body);
        Assert.Equal(503, first.SuggestedStatusCode);
        var second = await handler.HandleCallbackAsync(body);
        Assert.Single(second.Events);

        // The PSP is down: 503 too (a client on the real clock, so its retry delays elapse).
        using var client = new PixClient(TestKit.Options(kit.Sandbox));
        var downHandler = new PixRecurrenceWebhookHandler(client, (_, _) => Task.CompletedTask);
        kit.Sandbox.InjectFault(PixSandboxFault.ServerError(503, pathContains: "/rec/", times: 10));
        Assert.Equal(503, (await downHandler.HandleCallbackAsync(body)).SuggestedStatusCode);
    }
}
