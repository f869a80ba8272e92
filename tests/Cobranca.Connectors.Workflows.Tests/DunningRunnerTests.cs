using System.Collections.Concurrent;
using Cobranca.Connectors.Abstractions;
using Cobranca.Connectors.Testing;
using Microsoft.Extensions.Time.Testing;

namespace Cobranca.Connectors.Workflows.Tests;

public sealed class DunningRunnerTests
{
    private static DunningRunner Runner(Isp isp, RecordingNotificationSender sender, IDunningLedger ledger, bool dryRun = false,
        IDunningOptOutSource? optOut = null, IReadOnlyList<IAccessController>? controllers = null) =>
        new(isp.Billing, DunningSchedule.Rgc765, sender, controllers ?? [isp.Erp, isp.Router],
            new DunningRunnerOptions { TimeProvider = isp.Time, Ledger = ledger, DryRun = dryRun, OptOut = optOut });

    /// <summary>Three customers on Wednesday 11 March 2026 at 10:00: one due tomorrow-ish, one a day late, one long overdue.</summary>
    private static Isp ThreeCustomers(DateTime? now = null)
    {
        var isp = new Isp(now ?? new DateTime(2026, 3, 11, 10, 0, 0));
        isp.AddCustomer("1");
        isp.AddInvoice("101", "1", new DateOnly(2026, 3, 13)); // reminder D-3 = today
        isp.AddCustomer("2");
        isp.AddInvoice("201", "2", new DateOnly(2026, 3, 10)); // D+1 = today
        isp.AddCustomer("3");
        isp.AddInvoice("301", "3", new DateOnly(2026, 2, 10)); // D+29: notice still owed, suspension waits for it
        return isp;
    }

    /// <summary>Customer 3 got the suspension notice on 20 February (so suspension is allowed from 9 March).</summary>
    private static Task<bool> NoticeSentToCustomer3(IDunningLedger ledger) => ledger.TryRecordAsync(new DunningLedgerEntry
    {
        CustomerId = "3", StepKey = "suspension-notice", InvoiceId = "301", ScheduledDate = new DateOnly(2026, 2, 20),
        Action = DunningActionKind.Notify, IsSuspensionNotice = true, ExecutedAt = BrazilTime.FromLocal(new DateTime(2026, 2, 20, 9, 0, 0)),
    });

    [Fact]
    public async Task Runs_due_actions_and_reports_every_line()
    {
        var isp = ThreeCustomers();
        var sender = new RecordingNotificationSender();
        var ledger = new InMemoryDunningLedger();

        var report = await Runner(isp, sender, ledger).RunAsync();

        Assert.Equal(3, report.Customers);
        Assert.False(report.DryRun);
        Assert.Equal(["1|reminder|101|2026-03-10", "2|overdue-1|201|2026-03-11", "3|suspension-notice|301|2026-02-20"],
            sender.Sent.Select(n => n.IdempotencyKey).Order(StringComparer.Ordinal));
        var notice = sender.Sent.Single(n => n.Step.IsSuspensionNotice);
        Assert.Equal(new DateOnly(2026, 3, 26), notice.SuspensionNotBefore); // 11 March + 15 days, a Thursday
        Assert.Equal(TimeSpan.FromDays(1), notice.RestoreWithin);
        Assert.Equal("301", notice.Invoice.Id);
        Assert.Equal(99.90m, notice.Debt.TotalOverdue);
        var block = Assert.Single(report.Results, r => r.Action.Step.Action == DunningActionKind.Block);
        Assert.Equal(DunningResultStatus.Skipped, block.Status); // no notice had been sent when the customer was planned
        Assert.Equal(3, report.Count(DunningResultStatus.Executed));
        Assert.Equal(3, ledger.Entries.Count);
        Assert.Equal(["1", "2", "3", "3"], report.Results.Select(r => r.Action.CustomerId));
        Assert.Empty(isp.Erp.Changes);
    }

    [Fact]
    public async Task Re_run_the_same_day_repeats_nothing()
    {
        var isp = ThreeCustomers();
        var sender = new RecordingNotificationSender();
        var ledger = new InMemoryDunningLedger();
        var runner = Runner(isp, sender, ledger);
        await runner.RunAsync();
        var sentBefore = sender.Sent.Count;

        isp.Time.Advance(TimeSpan.FromHours(3));
        var again = await runner.RunAsync();

        Assert.Equal(sentBefore, sender.Sent.Count);
        Assert.Equal(3, ledger.Entries.Count);
        Assert.Equal(0, again.Count(DunningResultStatus.Executed));
        Assert.Equal(3, again.Results.Count(r => r.Status == DunningResultStatus.Skipped && r.Reason!.StartsWith("Already done today", StringComparison.Ordinal)));

        isp.Time.Advance(TimeSpan.FromDays(1)); // and the next day those steps are not planned again either
        var tomorrow = await runner.RunAsync();
        Assert.DoesNotContain(tomorrow.Results, r => ledger.Entries.Any(e => e.Key == r.Action.Key) && r.Status == DunningResultStatus.Executed);
    }

    [Fact]
    public async Task Quiet_hours_defer_a_message_due_at_22h_and_the_morning_run_sends_it()
    {
        var isp = new Isp(new DateTime(2026, 3, 10, 22, 0, 0));
        isp.AddCustomer("1");
        isp.AddInvoice("101", "1", new DateOnly(2026, 3, 13));
        var sender = new RecordingNotificationSender();
        var runner = Runner(isp, sender, new InMemoryDunningLedger());

        var night = await runner.RunAsync();

        var deferred = Assert.Single(night.Results);
        Assert.Equal(DunningResultStatus.Deferred, deferred.Status);
        Assert.Equal(BrazilTime.FromLocal(new DateTime(2026, 3, 11, 8, 0, 0)), deferred.Action.NotBefore);
        Assert.Empty(sender.Sent);

        isp.SetLocal(new DateTime(2026, 3, 11, 8, 0, 0));
        var morning = await runner.RunAsync();

        Assert.Equal(DunningResultStatus.Executed, Assert.Single(morning.Results).Status);
        Assert.Equal("1|reminder|101|2026-03-10", Assert.Single(sender.Sent).IdempotencyKey);
    }

    [Fact]
    public async Task Dry_run_plans_and_reports_but_changes_nothing()
    {
        var isp = ThreeCustomers(new DateTime(2026, 3, 27, 10, 0, 0)); // Friday
        var ledger = new InMemoryDunningLedger();
        await NoticeSentToCustomer3(ledger);
        var sender = new RecordingNotificationSender();

        var report = await Runner(isp, sender, ledger, dryRun: true).RunAsync();

        Assert.True(report.DryRun);
        Assert.Contains(report.Results, r => r.Action.Step.Action == DunningActionKind.Block && r.Status == DunningResultStatus.Planned);
        Assert.True(report.Count(DunningResultStatus.Planned) >= 2);
        Assert.Equal(0, report.Count(DunningResultStatus.Executed));
        Assert.Empty(sender.Sent);
        Assert.Empty(isp.Erp.Changes);
        Assert.Empty(isp.Router.Changes);
        Assert.Single(ledger.Entries);
        Assert.Equal(AccessStatus.Active, isp.ErpStatus("3"));
    }

    [Fact]
    public async Task Opt_out_is_honoured()
    {
        var isp = ThreeCustomers();
        var sender = new RecordingNotificationSender();
        var optOut = new FixedOptOut(new Dictionary<string, DunningOptOut> { ["2"] = DunningOptOut.Notifications, ["3"] = DunningOptOut.All });

        var report = await Runner(isp, sender, new InMemoryDunningLedger(), optOut: optOut).RunAsync();

        Assert.Equal(["1"], sender.Sent.Select(n => n.CustomerId));
        Assert.All(report.Results.Where(r => r.Action.CustomerId != "1"), r =>
        {
            Assert.Equal(DunningResultStatus.Skipped, r.Status);
            Assert.Contains("opted out", r.Reason, StringComparison.Ordinal);
        });
    }

    [Fact]
    public async Task Failed_send_is_reported_not_recorded_and_retried_by_the_next_run()
    {
        var isp = ThreeCustomers();
        var sender = new RecordingNotificationSender { FailWhen = n => n.CustomerId == "2" ? new HttpRequestException("gateway 503 for +55 79 99876-5432") : null };
        var ledger = new InMemoryDunningLedger();
        var runner = Runner(isp, sender, ledger);

        var first = await runner.RunAsync();

        var failed = Assert.Single(first.Results, r => r.Status == DunningResultStatus.Failed);
        Assert.Equal("2", failed.Action.CustomerId);
        Assert.Contains("HttpRequestException", failed.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("99876", failed.Error, StringComparison.Ordinal); // redacted
        Assert.DoesNotContain(ledger.Entries, e => e.CustomerId == "2");

        sender.FailWhen = null;
        isp.Time.Advance(TimeSpan.FromHours(1));
        var second = await runner.RunAsync();
        Assert.Equal(DunningResultStatus.Executed, second.Results.Single(r => r.Action.CustomerId == "2").Status);
    }

    [Fact]
    public async Task Whole_timeline_reminder_to_suspension_then_payment_restores()
    {
        // One invoice due Tuesday 10 March 2026; the job runs every day at 10:00 from 1 March to 10 April.
        var isp = new Isp(new DateTime(2026, 3, 1, 10, 0, 0));
        isp.AddCustomer("1");
        var invoice = isp.AddInvoice("101", "1", new DateOnly(2026, 3, 10));
        var journal = new ConcurrentQueue<string>();
        var controllers = new IAccessController[] { new JournalingAccessController(isp.Erp, "erp", journal), new JournalingAccessController(isp.Router, "mikrotik", journal) };
        var sender = new RecordingNotificationSender();
        var ledger = new InMemoryDunningLedger();
        var runner = Runner(isp, sender, ledger, controllers: controllers);

        var executed = new List<string>();
        for (var day = new DateOnly(2026, 3, 1); day <= new DateOnly(2026, 4, 10); day = day.AddDays(1))
        {
            isp.SetLocal(day.ToDateTime(new TimeOnly(10, 0)));
            var report = await runner.RunAsync();
            Assert.Empty(report.CustomerFailures);
            executed.AddRange(report.Results.Where(r => r.Status == DunningResultStatus.Executed)
                .Select(r => $"{day:MM-dd} {r.Action.Step.Key}"));
        }

        // D-3 is Saturday 7 -> Monday 9; D+5 is Sunday 15 -> Monday 16; notice Friday 20 March;
        // notice + 15 = Saturday 4 April -> Monday 6 April.
        Assert.Equal(
            ["03-09 reminder", "03-10 due-today", "03-11 overdue-1", "03-16 overdue-5", "03-20 suspension-notice", "04-06 suspension"],
            executed);
        Assert.Equal(["erp:block:K1", "mikrotik:block:K1"], journal);
        Assert.Equal(AccessStatus.Blocked, isp.ErpStatus("1"));

        // The customer pays: the payment path restores access, ERP first then the router.
        var unblock = new PaymentToUnblock(isp.Billing, controllers, new PaymentToUnblockOptions { TimeProvider = isp.Time });
        var outcome = await unblock.ProcessAsync(isp.Pay(invoice.Id));
        Assert.Equal(UnblockStatus.Restored, outcome.Status);
        Assert.Equal(["erp:block:K1", "mikrotik:block:K1", "erp:unblock:K1", "mikrotik:unblock:K1"], journal);

        // Paid: the next run has nothing to do.
        isp.Time.Advance(TimeSpan.FromDays(1));
        Assert.Equal(0, (await runner.RunAsync()).Customers);
    }

    [Fact]
    public async Task Access_controller_failure_fails_the_block_and_the_next_run_retries_it()
    {
        var isp = ThreeCustomers(new DateTime(2026, 3, 27, 10, 0, 0));
        var ledger = new InMemoryDunningLedger();
        await NoticeSentToCustomer3(ledger);
        var runner = Runner(isp, new RecordingNotificationSender(), ledger);
        isp.Router.IsDown = true;

        var first = await runner.RunAsync();

        var block = first.Results.Single(r => r.Action.Step.Action == DunningActionKind.Block);
        Assert.Equal(DunningResultStatus.Failed, block.Status);
        Assert.Contains(block.Detail!, d => d.StartsWith("fake contract K3: Applied", StringComparison.Ordinal));
        Assert.DoesNotContain(ledger.Entries, e => e.StepKey == "suspension");

        isp.Router.IsDown = false;
        var second = await runner.RunAsync();
        Assert.Equal(DunningResultStatus.Executed, second.Results.Single(r => r.Action.Step.Action == DunningActionKind.Block).Status);
        Assert.Single(isp.Erp.Changes, c => c.Kind == AccessCommandKind.Block); // idempotent: the ERP was not blocked twice
    }

    [Fact]
    public async Task Bounded_concurrency_and_progress_over_a_generated_base()
    {
        var today = new DateOnly(2026, 3, 11);
        var data = IspDataGenerator.Generate(new IspDataGeneratorOptions { Seed = 7, CustomerCount = 120, Today = today });
        var time = new FakeTimeProvider(BrazilTime.FromLocal(today.ToDateTime(new TimeOnly(10, 0))));
        var billing = new FakeBillingSystem(data, time);
        var sender = new RecordingNotificationSender();
        var progress = new ListProgress<DunningProgress>();
        var runner = new DunningRunner(billing, DunningSchedule.Rgc765, sender, [billing.AccessController],
            new DunningRunnerOptions { TimeProvider = time, MaxConcurrency = 2 });

        var report = await runner.RunAsync(progress);

        Assert.True(report.Customers > 10);
        Assert.Equal(report.Customers, progress.Items.Count);
        Assert.Equal(report.Customers, progress.Items.Max(p => p.CustomersCompleted));
        Assert.All(progress.Items, p => Assert.Equal(report.Customers, p.CustomersTotal));
        Assert.InRange(sender.MaxConcurrentSends, 1, 2);
        Assert.Equal(report.Count(DunningResultStatus.Executed), sender.Sent.Count);
        Assert.Empty(report.CustomerFailures);
    }

    [Fact]
    public async Task Customer_whose_debt_cannot_be_read_is_reported_and_the_others_go_on()
    {
        // The decorator forwards Info (bulk contracts claimed) but not ListContractsAsync: the runner falls back to reading,
        // one by one, the customers whose invoices reach the suspension step (customer 3); the others are planned from the listing.
        var isp = ThreeCustomers();
        var sender = new RecordingNotificationSender();
        var billing = new DebtFailsFor("3", isp.Billing);
        var runner = new DunningRunner(billing, DunningSchedule.Rgc765, sender, [isp.Erp],
            new DunningRunnerOptions { TimeProvider = isp.Time, MaxConcurrency = 1 });

        var report = await runner.RunAsync();

        var failure = Assert.Single(report.CustomerFailures);
        Assert.Equal("3", failure.CustomerId);
        Assert.Contains("ConnectorTransportException", failure.Error, StringComparison.Ordinal);
        Assert.Equal(["1", "2"], sender.Sent.Select(n => n.CustomerId).Order(StringComparer.Ordinal));
    }

    /// <summary>Decorator: the debt status of one customer cannot be read (the fake's faults hit every operation).</summary>
    private sealed class DebtFailsFor(string customerId, IBillingSystem inner) : IBillingSystem
    {
        public BillingSystemInfo Info => inner.Info;

        public Task<IReadOnlyList<Customer>> FindCustomersAsync(CustomerLookup lookup, CancellationToken cancellationToken = default) =>
            inner.FindCustomersAsync(lookup, cancellationToken);

        public Task<DebtStatus> GetDebtStatusAsync(string id, CancellationToken cancellationToken = default) =>
            id == customerId
                ? throw new ConnectorTransportException("fake", "debt.status", "timeout")
                : inner.GetDebtStatusAsync(id, cancellationToken);

        public IAsyncEnumerable<Invoice> ListOpenInvoicesAsync(InvoiceQuery query, CancellationToken cancellationToken = default) =>
            inner.ListOpenInvoicesAsync(query, cancellationToken);

        public Task<PaymentSlip> GetPaymentSlipAsync(string invoiceId, CancellationToken cancellationToken = default) =>
            inner.GetPaymentSlipAsync(invoiceId, cancellationToken);

        public Task<TrustUnlockResult> RequestTrustUnlockAsync(string contractId, CancellationToken cancellationToken = default) =>
            inner.RequestTrustUnlockAsync(contractId, cancellationToken);
    }

    [Fact]
    public async Task Courtesy_throttle_goes_through_the_controllers_with_the_schedule_limit()
    {
        var isp = new Isp(new DateTime(2026, 3, 9, 10, 0, 0)); // Monday; invoice due 2 Feb: D+35
        isp.AddCustomer("1");
        isp.AddInvoice("101", "1", new DateOnly(2026, 2, 2));
        var ledger = new InMemoryDunningLedger();
        await ledger.TryRecordAsync(new DunningLedgerEntry
        {
            CustomerId = "1", StepKey = "suspension-notice", InvoiceId = "101", ScheduledDate = new DateOnly(2026, 2, 12),
            Action = DunningActionKind.Notify, IsSuspensionNotice = true, ExecutedAt = BrazilTime.FromLocal(new DateTime(2026, 2, 12, 9, 0, 0)),
        });
        var schedule = DunningSchedule.FromJson(DunningScheduleTests.ExampleJson.Replace("\"day\": 30", "\"day\": 60", StringComparison.Ordinal));
        var runner = new DunningRunner(isp.Billing, schedule, new RecordingNotificationSender(), [isp.Erp],
            new DunningRunnerOptions { TimeProvider = isp.Time, Ledger = ledger });

        var report = await runner.RunAsync();

        var throttle = report.Results.Single(r => r.Action.Step.Action == DunningActionKind.Throttle);
        Assert.Equal(DunningResultStatus.Executed, throttle.Status);
        var state = await isp.Erp.GetAccessStateAsync(Subscriber.ForContract("K1"));
        Assert.Equal(AccessStatus.Throttled, state.Status);
        Assert.Equal(Bandwidth.FromMegabits(2, 1), state.Limit);
    }

    [Fact]
    public void Schedule_that_blocks_needs_an_access_controller()
    {
        var isp = new Isp(new DateTime(2026, 3, 11, 10, 0, 0));
        Assert.Throws<ArgumentException>(() => new DunningRunner(isp.Billing, DunningSchedule.Rgc765, new RecordingNotificationSender(), []));
    }
}
