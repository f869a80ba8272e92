using Cobranca.Connectors.Abstractions;
using Cobranca.Connectors.Storage.Sqlite;
using Cobranca.Connectors.Testing;
using Cobranca.Connectors.Testing.WhatsApp;
using Cobranca.Connectors.Workflows;
using Microsoft.Extensions.Time.Testing;

namespace Cobranca.Connectors.WhatsApp.Tests;

/// <summary>The dunning runner sending real WhatsApp templates (through the sandbox) with <see cref="WhatsAppNotificationSender"/>.</summary>
public sealed class DunningThroughWhatsAppTests
{
    private static readonly DunningSchedule Schedule = new()
    {
        Steps = [DunningStep.Notify("reminder", -3, "invoice-reminder"), DunningStep.Notify("overdue-1", 1, "invoice-overdue")],
    };

    private sealed class World : IAsyncDisposable
    {
        public required FakeTimeProvider Time { get; init; }
        public required FakeBillingSystem Billing { get; init; }
        public required WhatsAppCloudSandbox Sandbox { get; init; }
        public List<WhatsAppClient> Clients { get; } = [];

        public async ValueTask DisposeAsync()
        {
            foreach (var c in Clients) c.Dispose();
            await Sandbox.DisposeAsync();
        }
    }

    private static async Task<World> StartAsync(DateTime localNow)
    {
        var time = new FakeTimeProvider(BrazilTime.FromLocal(localNow));
        var billing = new FakeBillingSystem(time);
        billing.AddCustomer(new Customer { Id = "1", Name = "Maria da Silva", Phones = [PhoneNumber.Parse("(11) 98765-4321")] });
        billing.AddInvoice(new Invoice { Id = "101", CustomerId = "1", DueDate = new DateOnly(2026, 3, 14), Amount = 99.90m, OpenAmount = 99.90m });
        billing.AddCustomer(new Customer { Id = "2", Name = "José Souza", Phones = [PhoneNumber.Parse("(79) 3211-4567"), PhoneNumber.Parse("(31) 99688-3193")] });
        billing.AddInvoice(new Invoice { Id = "201", CustomerId = "2", DueDate = new DateOnly(2026, 3, 10), Amount = 149.50m, OpenAmount = 149.50m });
        var options = new WhatsAppCloudSandboxOptions { TimeProvider = time };
        options.Templates.Add(new WhatsAppSandboxTemplate { Name = "fatura_lembrete", BodyParameterCount = 4, QuickReplyButtons = 2 });
        options.Templates.Add(new WhatsAppSandboxTemplate { Name = "fatura_atraso", BodyParameterCount = 3 });
        options.EightDigitAccounts.Add("553196883193");
        var sandbox = await WhatsAppCloudSandbox.StartAsync(options);
        return new World { Time = time, Billing = billing, Sandbox = sandbox };
    }

    private static WhatsAppNotificationOptions Mapping()
    {
        var options = new WhatsAppNotificationOptions();
        var reminder = new WhatsAppTemplateMapping { Name = "fatura_lembrete" };
        foreach (var p in new[] { "customer.first_name", "invoice.open_amount", "invoice.due_date", "invoice.id" }) reminder.BodyParameters.Add(p);
        reminder.QuickReplyPayloads.Add("{invoice.id}|PIX");
        reminder.QuickReplyPayloads.Add("{invoice.id}|BOLETO");
        var overdue = new WhatsAppTemplateMapping { Name = "fatura_atraso" };
        foreach (var p in new[] { "customer.first_name", "invoices.total", "debt.max_days_overdue" }) overdue.BodyParameters.Add(p);
        options.Templates["invoice-reminder"] = reminder;
        options.Templates["invoice-overdue"] = overdue;
        return options;
    }

    /// <summary>A runner over fresh client and sender instances (as after a restart) on the given stores.</summary>
    private static DunningRunner Runner(World w, IDunningLedger ledger, Func<string, IStateStore> stores)
    {
        var client = new WhatsAppClient(WhatsAppTestHost.Options(w.Sandbox), stores, null, null, w.Time);
        w.Clients.Add(client);
        var sender = new WhatsAppNotificationSender(client, w.Billing, Mapping(), stores(WhatsAppNotificationSender.StateCollection), null, w.Time);
        return new DunningRunner(w.Billing, Schedule, sender, [], new DunningRunnerOptions { TimeProvider = w.Time, Ledger = ledger });
    }

    private static Func<string, IStateStore> Memory(TimeProvider time)
    {
        var stores = new Dictionary<string, IStateStore>(StringComparer.Ordinal);
        return c => stores.TryGetValue(c, out var s) ? s : stores[c] = new InMemoryStateStore(c, time);
    }

    [Fact]
    public async Task Quiet_hours_defer_then_the_runner_sends_real_templates_and_a_re_run_sends_nothing_again()
    {
        await using var w = await StartAsync(new DateTime(2026, 3, 11, 7, 30, 0)); // Wednesday, before 08:00
        var ledger = new InMemoryDunningLedger();
        var stores = Memory(w.Time);

        var early = await Runner(w, ledger, stores).RunAsync();
        Assert.Equal(2, early.Count(DunningResultStatus.Deferred));
        Assert.Empty(w.Sandbox.Requests); // quiet hours: nothing left the SDK

        w.Time.SetUtcNow(BrazilTime.FromLocal(new DateTime(2026, 3, 11, 10, 0, 0)));
        var report = await Runner(w, ledger, stores).RunAsync();

        Assert.Equal(2, report.Count(DunningResultStatus.Executed));
        Assert.Equal(2, w.Sandbox.Messages.Count);
        var reminder = w.Sandbox.Messages.Single(m => m.TemplateName == "fatura_lembrete");
        Assert.Equal("5511987654321", reminder.WaId);
        Assert.Contains(
            ""","components":[{"type":"body","parameters":[{"type":"text","text":"Maria"},{"type":"currency","currency":{"fallback_value":"R$ 99,90","code":"BRL","amount_1000":99900}},{"type":"date_time","date_time":{"fallback_value":"14/03/2026"}},{"type":"text","text":"101"}]},{"type":"button","sub_type":"quick_reply","index":"0","parameters":[{"type":"payload","payload":"101|PIX"}]},{"type":"button","sub_type":"quick_reply","index":"1","parameters":[{"type":"payload","payload":"101|BOLETO"}]}]""",
            reminder.Body, StringComparison.Ordinal);
        var overdue = w.Sandbox.Messages.Single(m => m.TemplateName == "fatura_atraso");
        Assert.Equal("553196883193", overdue.WaId); // the mobile, not the landline; Meta's 8-digit account
        Assert.Contains("\"text\":\"José\"", System.Text.RegularExpressions.Regex.Unescape(overdue.Body), StringComparison.Ordinal);

        w.Time.Advance(TimeSpan.FromHours(2));
        var again = await Runner(w, ledger, stores).RunAsync(); // same ledger, new client and sender
        Assert.Equal(0, again.Count(DunningResultStatus.Executed));
        Assert.Equal(2, w.Sandbox.Messages.Count);              // no duplicate message
    }

    [Fact]
    public async Task The_same_notification_sent_twice_reaches_the_customer_once()
    {
        await using var w = await StartAsync(new DateTime(2026, 3, 11, 10, 0, 0));
        var stores = Memory(w.Time);
        var client = new WhatsAppClient(WhatsAppTestHost.Options(w.Sandbox), stores, null, null, w.Time);
        w.Clients.Add(client);
        var sender = new WhatsAppNotificationSender(client, w.Billing, Mapping(), stores(WhatsAppNotificationSender.StateCollection), null, w.Time);
        var invoice = (await w.Billing.GetDebtStatusAsync("1")).Upcoming[0];
        var notification = new DunningNotification
        {
            CustomerId = "1", Step = Schedule.Steps[0], Invoice = invoice, Debt = await w.Billing.GetDebtStatusAsync("1"),
            ScheduledDate = new DateOnly(2026, 3, 11), IdempotencyKey = "1|reminder|101|2026-03-11",
        };

        await sender.SendAsync(notification);
        await sender.SendAsync(notification); // the runner's Resend policy after a crash between send and record

        Assert.Single(w.Sandbox.Messages);
    }

    [Fact]
    public async Task A_lost_answer_is_not_resent_by_a_re_run_and_the_status_webhook_settles_it()
    {
        await using var w = await StartAsync(new DateTime(2026, 3, 11, 10, 0, 0));
        var ledger = new InMemoryDunningLedger();
        var stores = Memory(w.Time);
        w.Sandbox.InjectFault(WhatsAppSandboxFault.LostResponseAfterAccept());

        var first = await Runner(w, ledger, stores).RunAsync();
        Assert.Equal(1, first.Count(DunningResultStatus.Failed));
        Assert.Equal(2, w.Sandbox.Messages.Count); // Meta has both, the SDK knows one

        var second = await Runner(w, ledger, stores).RunAsync(); // before any status webhook
        Assert.Equal(1, second.Count(DunningResultStatus.Failed));
        Assert.Equal(2, w.Sandbox.Messages.Count); // not re-sent blindly

        // The status webhooks arrive at the host's endpoint (here: the client's handler).
        var hooks = new WhatsAppClient(WhatsAppTestHost.Options(w.Sandbox), stores, null, null, w.Time);
        w.Clients.Add(hooks);
        var pending = w.Sandbox.PendingStatusCount;
        Assert.True(pending >= 2);
        await DeliverToAsync(w.Sandbox, hooks);

        var third = await Runner(w, ledger, stores).RunAsync();
        Assert.Equal(1, third.Count(DunningResultStatus.Executed));
        Assert.Equal(2, w.Sandbox.Messages.Count); // settled without a second message
    }

    private static async Task DeliverToAsync(WhatsAppCloudSandbox sandbox, WhatsAppClient client)
    {
        var before = sandbox.Webhooks.Count;
        await sandbox.DeliverPendingStatusesAsync(); // no URL/handler configured: kept in the log
        foreach (var webhook in sandbox.Webhooks.Skip(before)) await client.Webhooks.HandleAsync(webhook.Body, webhook.Signature);
    }

    [Fact]
    public async Task After_the_resend_delay_without_news_an_unconfirmed_notification_is_sent_again()
    {
        await using var w = await StartAsync(new DateTime(2026, 3, 11, 10, 0, 0));
        var ledger = new InMemoryDunningLedger();
        var stores = Memory(w.Time);
        w.Sandbox.InjectFault(WhatsAppSandboxFault.ServerError()); // nothing accepted, but the SDK cannot know

        await Runner(w, ledger, stores).RunAsync();
        Assert.Single(w.Sandbox.Messages);
        w.Time.Advance(TimeSpan.FromMinutes(31));
        var later = await Runner(w, ledger, stores).RunAsync();

        Assert.Equal(1, later.Count(DunningResultStatus.Executed));
        Assert.Equal(2, w.Sandbox.Messages.Count);
    }

    [Fact]
    public async Task The_state_survives_a_new_sqlite_store_on_the_same_file()
    {
        var path = Path.Combine(Path.GetTempPath(), "wa-" + Guid.NewGuid().ToString("N") + ".db");
        try
        {
            await using var w = await StartAsync(new DateTime(2026, 3, 11, 10, 0, 0));
            {
                var store = new SqliteLedgerStore(new SqliteLedgerStoreOptions { Path = path }, w.Time);
                await store.MigrateAsync();
                await w.Sandbox.TypeAsCustomerAsync("5511987654321", "oi");
                var first = await Runner(w, store.GetDunningLedger("isp"), c => store.GetStateStore("isp", c)).RunAsync();
                Assert.Equal(2, first.Count(DunningResultStatus.Executed));
                var client = w.Clients[^1];
                await client.RecordInboundAsync(WhatsAppUser.FromPhone("(11) 98765-4321"), w.Time.GetUtcNow());
            }

            {
                var reopened = new SqliteLedgerStore(new SqliteLedgerStoreOptions { Path = path }, w.Time);
                var again = await Runner(w, reopened.GetDunningLedger("isp"), c => reopened.GetStateStore("isp", c)).RunAsync();
                Assert.Equal(0, again.Count(DunningResultStatus.Executed));
                Assert.Equal(2, w.Sandbox.Messages.Count);
                var window = await w.Clients[^1].GetServiceWindowAsync(WhatsAppUser.FromPhone("(11) 98765-4321"));
                Assert.True(window.IsOpen); // the window, too, came back from the file
                var notifications = await reopened.GetStateStore("isp", WhatsAppNotificationSender.StateCollection).ListAsync().CountAsync();
                Assert.Equal(2, notifications);
            }
        }
        finally
        {
            foreach (var f in Directory.GetFiles(Path.GetTempPath(), Path.GetFileName(path) + "*")) File.Delete(f);
            if (File.Exists(path)) File.Delete(path);
        }
    }
}
