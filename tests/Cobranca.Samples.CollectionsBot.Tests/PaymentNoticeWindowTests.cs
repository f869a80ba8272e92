using System.Text.Json;
using Cobranca.Connectors.Abstractions;
using Cobranca.Connectors.Pix;
using Cobranca.Connectors.Testing.Ixc;
using Cobranca.Connectors.Testing.Pix;
using Cobranca.Connectors.Testing.WhatsApp;
using CollectionsBot;
using CollectionsBot.Bot;
using Microsoft.Extensions.Time.Testing;

namespace Cobranca.Samples.CollectionsBot.Tests;

/// <summary>
/// The payment notice over the whole app and the WhatsApp Cloud sandbox: free text inside the customer's 24-hour
/// window, the approved UTILITY template outside it, exactly once, redeliveries included.
/// </summary>
public sealed class PaymentNoticeWindowTests
{
    [Fact]
    public async Task A_customer_whose_window_closed_gets_the_restored_service_template_once_and_no_free_text()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var w = await BotWorld.StartAsync(null, whatsAppClock: clock);
        var txid = await AnaAsksForTheSecondCopyAsync(w);
        clock.Advance(TimeSpan.FromHours(24) + TimeSpan.FromMinutes(1)); // she pays from the bank app a day later
        var before = w.WhatsApp.Messages.Count;
        var requestsBefore = w.WhatsApp.Requests.Count;

        var paid = await PayAndWaitForTheNoticeAsync(w, txid);

        var after = w.WhatsApp.Messages.Skip(before).ToList();
        var notice = Assert.Single(after);
        Assert.Equal("template", notice.Type);
        Assert.Equal(BotWorld.AnaWaId, notice.WaId);
        Assert.Equal("pagamento_servico_restabelecido", notice.TemplateName);
        Assert.Equal(w.Options.ServiceRestoredTemplate, notice.TemplateName);
        // No free-form text was even attempted: the client refused it locally (no API call), then sent the template.
        Assert.Single(w.WhatsApp.Requests.Skip(requestsBefore), r => r.Path.EndsWith("/messages", StringComparison.Ordinal));

        using var body = JsonDocument.Parse(notice.Body);
        var template = body.RootElement.GetProperty("template");
        Assert.Equal("pt_BR", template.GetProperty("language").GetProperty("code").GetString());
        var parameters = template.GetProperty("components").EnumerateArray().Single(c => c.GetProperty("type").GetString() == "body")
            .GetProperty("parameters").EnumerateArray().ToList();
        Assert.Equal(3, parameters.Count);
        Assert.Equal("currency", parameters[0].GetProperty("type").GetString());
        Assert.Equal("BRL", parameters[0].GetProperty("currency").GetProperty("code").GetString());
        Assert.Equal((long)(paid.Amount * 1000), parameters[0].GetProperty("currency").GetProperty("amount_1000").GetInt64());
        Assert.Equal(Money.Format(paid.Amount), parameters[0].GetProperty("currency").GetProperty("fallback_value").GetString());
        Assert.Equal("date_time", parameters[1].GetProperty("type").GetString());
        var paidOn = TimeZoneInfo.ConvertTime(paid.PaidAt, BrazilTime.Zone).ToString("dd/MM/yyyy", System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(paidOn, parameters[1].GetProperty("date_time").GetProperty("fallback_value").GetString());
        Assert.Equal("text", parameters[2].GetProperty("type").GetString());
        Assert.Equal(IxcSandboxData.AnaOverdueInvoiceId, parameters[2].GetProperty("text").GetString());
        // LGPD: no document, phone or Pix key in the template.
        var values = template.GetRawText();
        foreach (var secret in new[] { IxcSandboxData.AnaCpf, "11144477735", "981112233", "81112233", w.Psp.Key })
            Assert.DoesNotContain(secret, values, StringComparison.Ordinal);

        var subscriber = await w.AnaSubscriberAsync();
        foreach (var controller in w.Controllers)
            Assert.Equal(AccessStatus.Active, (await controller.GetAccessStateAsync(subscriber)).Status);

        // The PSP redelivers its webhook: nothing more is sent.
        await w.Psp.RedeliverWebhookAsync(paid.EndToEndId);
        Assert.Equal(before + 1, w.WhatsApp.Messages.Count);
        Assert.Equal(0, BotWebhooks.Failures);
    }

    [Fact]
    public async Task Inside_the_window_the_notice_is_the_free_text_and_no_template_is_sent()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var w = await BotWorld.StartAsync(null, whatsAppClock: clock);
        var txid = await AnaAsksForTheSecondCopyAsync(w);
        clock.Advance(TimeSpan.FromHours(23)); // still inside the 24 hours since her last message
        var before = w.WhatsApp.Messages.Count;

        var paid = await PayAndWaitForTheNoticeAsync(w, txid);

        var notice = Assert.Single(w.WhatsApp.Messages.Skip(before));
        Assert.Equal("text", notice.Type);
        Assert.Null(notice.TemplateName);
        Assert.Contains("Serviço restabelecido", SandboxTranscript.Render(w.WhatsApp, notice), StringComparison.Ordinal);
        Assert.DoesNotContain(w.WhatsApp.Messages, m => m.Type == "template");

        await w.Psp.RedeliverWebhookAsync(paid.EndToEndId);
        Assert.Equal(before + 1, w.WhatsApp.Messages.Count);
    }

    [Fact]
    public async Task Outside_the_window_a_payment_that_does_not_restore_gets_the_payment_confirmed_template()
    {
        await using var h = await BotHarness.StartAsync();
        await h.SayAsync(BotHarness.AnaWaId, "oi");
        await h.SayAsync(BotHarness.AnaWaId, "111");
        await h.TapAsync(BotHarness.AnaWaId, ConversationEngine.ChoiceSecondCopy);
        var txid = PixTxid.ForInvoice(h.Options.TxidPrefix, "3010");
        var notifier = h.NewNotifier();
        // Half paid: the invoice stays open, so the contract stays blocked and a person checks it.
        h.Billing.RecordPayment("3010", 50m, h.Time.GetUtcNow());
        var payment = new PaymentReceived { PaymentId = "E2E2", Source = "pix", Reference = txid, Amount = 50m, PaidAt = h.Time.GetUtcNow() };

        var outcome = await notifier.HandleAsync(payment);

        Assert.NotEqual(Cobranca.Connectors.Workflows.UnblockStatus.Restored, outcome.Status);
        var notice = Assert.IsType<BotNotice>(h.Channel.To(BotHarness.AnaWaId)[^1]);
        Assert.Equal(h.Options.PaymentConfirmedTemplate, notice.Fallback.Name);
        Assert.Equal("pt_BR", notice.Fallback.LanguageCode);
        Assert.Equal(["R$ 50,00", "30/11/2026", "3010"], notice.Fallback.BodyParameters.Select(p => p.Value));
        Assert.Empty(new Cobranca.Connectors.WhatsApp.WhatsAppTemplateMessage
        {
            To = Cobranca.Connectors.WhatsApp.WhatsAppUser.FromWaId(BotHarness.AnaWaId), Name = notice.Fallback.Name, BodyParameters = notice.Fallback.BodyParameters,
        }.Validate());
    }

    internal static async Task<string> AnaAsksForTheSecondCopyAsync(BotWorld w)
    {
        await w.WhatsApp.TypeAsCustomerAsync(BotWorld.AnaWaId, "boa tarde");
        await w.WhatsApp.TypeAsCustomerAsync(BotWorld.AnaWaId, "111");
        await w.WhatsApp.ReplyButtonAsync(BotWorld.AnaWaId, ConversationEngine.ChoiceSecondCopy, "Segunda via");
        var txid = PixTxid.ForInvoice(w.Options.TxidPrefix, IxcSandboxData.AnaOverdueInvoiceId);
        Assert.NotNull(w.Psp.GetChargeStatus(txid));
        return txid;
    }

    internal static async Task<PixSandboxPayment> PayAndWaitForTheNoticeAsync(BotWorld w, string txid)
    {
        var notified = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        w.Notifier.Notified += (waId, _) => { if (waId == BotWorld.AnaWaId) notified.TrySetResult(); };
        var paid = await w.Psp.PayAsync(txid);
        await notified.Task.WaitAsync(TimeSpan.FromSeconds(20));
        return paid;
    }
}
