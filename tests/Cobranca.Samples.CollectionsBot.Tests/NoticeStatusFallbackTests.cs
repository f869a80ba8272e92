using System.Text.Json;
using Cobranca.Connectors.Abstractions;
using Cobranca.Connectors.Storage.Sqlite;
using Cobranca.Connectors.Testing.Ixc;
using Cobranca.Connectors.Testing.Pix;
using Cobranca.Connectors.Testing.WhatsApp;
using Cobranca.Connectors.WhatsApp;
using CollectionsBot;
using CollectionsBot.Bot;
using Microsoft.Extensions.Time.Testing;

namespace Cobranca.Samples.CollectionsBot.Tests;

/// <summary>
/// Meta accepts the payment notice as free text (a wamid comes back) and only later reports it <c>failed</c> with
/// 131047 in a status webhook (its clock says the window is closed): the bot then sends the approved template, once.
/// </summary>
public sealed class NoticeStatusFallbackTests
{
    [Fact]
    public async Task A_notice_accepted_as_text_then_failed_131047_gets_exactly_one_template_even_when_the_status_is_redelivered()
    {
        var (w, text, before, paid) = await TextNoticeAsync(23); // the bot's window is still open: the notice goes as text
        await using var _ = w;
        Assert.NotNull(await w.Notices.GetAsync(text.Id));

        await w.WhatsApp.DeliverStatusAsync(text.Id, "failed", NoticeFallbacks.ReEngagementErrorCode);

        var templates = w.WhatsApp.Messages.Skip(before).Where(m => m.Type == "template").ToList();
        var template = Assert.Single(templates);
        Assert.Equal(BotWorld.AnaWaId, template.WaId);
        Assert.Equal(w.Options.ServiceRestoredTemplate, template.TemplateName);
        using (var body = JsonDocument.Parse(template.Body))
        {
            var t = body.RootElement.GetProperty("template");
            Assert.Equal(w.Options.TemplateLanguage, t.GetProperty("language").GetProperty("code").GetString());
            var parameters = t.GetProperty("components").EnumerateArray().Single(c => c.GetProperty("type").GetString() == "body")
                .GetProperty("parameters").EnumerateArray().ToList();
            Assert.Equal(3, parameters.Count);
            Assert.Equal("BRL", parameters[0].GetProperty("currency").GetProperty("code").GetString());
            Assert.Equal((long)(paid.Amount * 1000), parameters[0].GetProperty("currency").GetProperty("amount_1000").GetInt64());
            Assert.Equal(Money.Format(paid.Amount), parameters[0].GetProperty("currency").GetProperty("fallback_value").GetString());
            var paidOn = TimeZoneInfo.ConvertTime(paid.PaidAt, BrazilTime.Zone).ToString("dd/MM/yyyy", System.Globalization.CultureInfo.InvariantCulture);
            Assert.Equal(paidOn, parameters[1].GetProperty("date_time").GetProperty("fallback_value").GetString());
            Assert.Equal(IxcSandboxData.AnaOverdueInvoiceId, parameters[2].GetProperty("text").GetString());
        }

        // Meta redelivers the status webhook (byte for byte), and a second worker handles the same status: still one.
        await w.WhatsApp.RedeliverAsync(w.WhatsApp.Webhooks[^1]);
        var status = FailedStatus(text.Id, NoticeFallbacks.ReEngagementErrorCode, BotWorld.AnaWaId);
        var again = await Task.WhenAll(w.Notices.HandleStatusAsync(status), w.Notices.HandleStatusAsync(status));
        Assert.All(again, o => Assert.Equal(NoticeStatusOutcome.AlreadyHandled, o));
        Assert.Single(w.WhatsApp.Messages.Skip(before), m => m.Type == "template");
        Assert.Equal(0, BotWebhooks.Failures);
    }

    [Fact]
    public async Task Two_workers_racing_on_the_same_failed_status_send_the_template_once()
    {
        var (w, text, before, _) = await TextNoticeAsync(23);
        await using var __ = w;

        // Both workers got the status (the webhook handler's own dedupe is bypassed here): the claim decides.
        var status = FailedStatus(text.Id, NoticeFallbacks.ReEngagementErrorCode, BotWorld.AnaWaId);
        var outcomes = await Task.WhenAll(w.Notices.HandleStatusAsync(status), w.Notices.HandleStatusAsync(status), w.Notices.HandleStatusAsync(status));

        Assert.Single(outcomes, o => o == NoticeStatusOutcome.TemplateSent);
        Assert.Equal(2, outcomes.Count(o => o == NoticeStatusOutcome.AlreadyHandled));
        Assert.Single(w.WhatsApp.Messages.Skip(before), m => m.Type == "template");
    }

    [Fact]
    public async Task A_131047_failure_of_a_message_that_is_not_a_notice_sends_nothing()
    {
        var (w, _) = await StartAsync();
        await using var __ = w;
        await w.WhatsApp.TypeAsCustomerAsync(BotWorld.AnaWaId, "boa tarde");
        var reply = w.WhatsApp.Messages.Last(m => m.WaId == BotWorld.AnaWaId);
        var before = w.WhatsApp.Messages.Count;

        await w.WhatsApp.DeliverStatusAsync(reply.Id, "failed", NoticeFallbacks.ReEngagementErrorCode);

        Assert.Equal(before, w.WhatsApp.Messages.Count);
        Assert.DoesNotContain(w.WhatsApp.Messages, m => m.Type == "template");
        Assert.Equal(NoticeStatusOutcome.NotANotice,
            await w.Notices.HandleStatusAsync(FailedStatus(reply.Id, NoticeFallbacks.ReEngagementErrorCode, BotWorld.AnaWaId)));
        Assert.Equal(0, BotWebhooks.Failures);
    }

    [Fact]
    public async Task A_notice_that_fails_with_another_code_gets_no_template()
    {
        var (w, text, before, _) = await TextNoticeAsync(1);
        await using var __ = w;

        await w.WhatsApp.DeliverStatusAsync(text.Id, "failed", 131026); // undeliverable: a template would fail the same way

        Assert.Equal(before + 1, w.WhatsApp.Messages.Count);
        Assert.DoesNotContain(w.WhatsApp.Messages, m => m.Type == "template");
        Assert.Equal(NoticeStatusOutcome.FailedOtherReason, await w.Notices.HandleStatusAsync(FailedStatus(text.Id, 131026, BotWorld.AnaWaId)));
        Assert.Equal(0, BotWebhooks.Failures);
    }

    [Fact]
    public async Task A_delivered_notice_clears_its_record_and_a_late_failure_sends_nothing()
    {
        var (w, text, before, _) = await TextNoticeAsync(1);
        await using var __ = w;

        await w.WhatsApp.DeliverStatusAsync(text.Id, "delivered");

        Assert.Null(await w.Notices.GetAsync(text.Id));
        Assert.Equal(NoticeStatusOutcome.NotANotice,
            await w.Notices.HandleStatusAsync(FailedStatus(text.Id, NoticeFallbacks.ReEngagementErrorCode, BotWorld.AnaWaId)));
        Assert.DoesNotContain(w.WhatsApp.Messages, m => m.Type == "template");
    }

    [Fact]
    public async Task The_notice_record_survives_a_restart_on_sqlite()
    {
        var path = Path.Combine(Path.GetTempPath(), "bot-notice-" + Guid.NewGuid().ToString("N") + ".db");
        try
        {
            var fallback = new BotTemplate("pagamento_confirmado", "pt_BR",
            [
                WhatsAppTemplateParameter.Currency(99.9m),
                WhatsAppTemplateParameter.Date(new DateOnly(2026, 11, 30)),
                WhatsAppTemplateParameter.Text("3010"),
            ]);
            {
                var store = new SqliteLedgerStore(new SqliteLedgerStoreOptions { Path = path });
                await store.MigrateAsync();
                await new NoticeFallbacks(BotStores.From(store, BotWorld.Tenant), UnusedClient()).RecordAsync("wamid.X", fallback);
            }
            {
                var store = new SqliteLedgerStore(new SqliteLedgerStoreOptions { Path = path }); // a new instance: a restart
                await store.MigrateAsync();
                var read = await new NoticeFallbacks(BotStores.From(store, BotWorld.Tenant), UnusedClient()).GetAsync("wamid.X");
                Assert.NotNull(read);
                Assert.Equal("pagamento_confirmado", read.Name);
                Assert.Equal("pt_BR", read.LanguageCode);
                Assert.Equal(["R$ 99,90", "30/11/2026", "3010"], read.BodyParameters.Select(p => p.Value));
                Assert.Equal([WhatsAppTemplateParameterKind.Currency, WhatsAppTemplateParameterKind.DateTime, WhatsAppTemplateParameterKind.Text],
                    read.BodyParameters.Select(p => p.Kind));
                Assert.Equal(99.9m, read.BodyParameters[0].Amount);
                Assert.Equal("BRL", read.BodyParameters[0].CurrencyCode);
            }
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            File.Delete(path);
        }
    }

    private static async Task<(BotWorld World, FakeTimeProvider Clock)> StartAsync()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        return (await BotWorld.StartAsync(null, whatsAppClock: clock), clock);
    }

    /// <summary>Ana asks for the second copy, pays <paramref name="hoursLater"/> hours later (window open): the notice goes as text.</summary>
    private static async Task<(BotWorld World, WhatsAppSandboxMessage Text, int Before, PixSandboxPayment Paid)> TextNoticeAsync(int hoursLater)
    {
        var (w, clock) = await StartAsync();
        var txid = await PaymentNoticeWindowTests.AnaAsksForTheSecondCopyAsync(w);
        clock.Advance(TimeSpan.FromHours(hoursLater));
        var before = w.WhatsApp.Messages.Count;
        var paid = await PaymentNoticeWindowTests.PayAndWaitForTheNoticeAsync(w, txid);
        var text = Assert.Single(w.WhatsApp.Messages.Skip(before));
        Assert.Equal("text", text.Type);
        return (w, text, before, paid);
    }

    private static WhatsAppStatusUpdate FailedStatus(string messageId, int code, string waId) => new()
    {
        MessageId = messageId, PhoneNumberId = "1", Status = WhatsAppMessageStatus.Failed, Timestamp = DateTimeOffset.UtcNow,
        Recipient = WhatsAppUser.FromWaId(waId), Errors = [new WhatsAppError(code, "t", null, null)],
    };

    /// <summary>A client the record/read path never calls (every member throws).</summary>
    private static IWhatsAppClient UnusedClient() => System.Reflection.DispatchProxy.Create<IWhatsAppClient, ThrowingProxy>();

    /// <summary>The proxy behind <see cref="UnusedClient"/>.</summary>
    public class ThrowingProxy : System.Reflection.DispatchProxy
    {
        /// <inheritdoc />
        protected override object? Invoke(System.Reflection.MethodInfo? targetMethod, object?[]? args) =>
            throw new InvalidOperationException("Not expected: " + targetMethod?.Name);
    }
}
