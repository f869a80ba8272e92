using Cobranca.Connectors.Abstractions;

namespace Cobranca.Connectors.Workflows.Tests;

/// <summary>The runner's claim → execute → complete/release cycle over the ledger.</summary>
public sealed class DunningClaimTests
{
    private const string Key = "2|overdue-1|201|2026-03-11";

    private static Isp OneCustomerDueYesterday()
    {
        var isp = new Isp(new DateTime(2026, 3, 11, 10, 0, 0));
        isp.AddCustomer("2");
        isp.AddInvoice("201", "2", new DateOnly(2026, 3, 10)); // D+1 = today: one notification due
        return isp;
    }

    private static DunningRunner Runner(Isp isp, INotificationSender sender, IDunningLedger ledger,
        DunningUnconfirmedPolicy policy = DunningUnconfirmedPolicy.Resend) =>
        new(isp.Billing, DunningSchedule.Rgc765, sender, [isp.Erp],
            new DunningRunnerOptions { TimeProvider = isp.Time, Ledger = ledger, Unconfirmed = policy });

    private static DunningLedgerEntry Entry(Isp isp) => new()
    {
        CustomerId = "2", StepKey = "overdue-1", InvoiceId = "201", ScheduledDate = new DateOnly(2026, 3, 11),
        Action = DunningActionKind.Notify, ExecutedAt = isp.Time.GetUtcNow(),
    };

    [Fact]
    public async Task Action_held_by_another_worker_is_deferred_not_repeated()
    {
        var isp = OneCustomerDueYesterday();
        var ledger = new InMemoryDunningLedger();
        Assert.Equal(DunningClaimStatus.Claimed, await ledger.TryClaimAsync(Entry(isp), LedgerClaim.Create(isp.Time, TimeSpan.FromMinutes(10))));
        var sender = new RecordingNotificationSender();

        var report = await Runner(isp, sender, ledger).RunAsync();

        var result = Assert.Single(report.Results);
        Assert.Equal(DunningResultStatus.Deferred, result.Status);
        Assert.Contains("Another worker", result.Reason, StringComparison.Ordinal);
        Assert.Empty(sender.Sent);
    }

    [Fact]
    public async Task Expired_claim_is_resent_with_the_same_idempotency_key_and_reported()
    {
        var isp = OneCustomerDueYesterday();
        var ledger = new InMemoryDunningLedger();
        await ledger.TryClaimAsync(Entry(isp), LedgerClaim.Create(isp.Time, TimeSpan.FromMinutes(10))); // a worker that died
        isp.Time.Advance(TimeSpan.FromMinutes(11));
        var sender = new RecordingNotificationSender();

        var report = await Runner(isp, sender, ledger).RunAsync();

        var result = Assert.Single(report.Results);
        Assert.Equal(DunningResultStatus.Executed, result.Status);
        Assert.Contains(result.Detail!, d => d.Contains("re-sent with the same idempotency key", StringComparison.Ordinal));
        Assert.Equal(Key, Assert.Single(sender.Sent).IdempotencyKey);
        Assert.Single(ledger.Entries);
    }

    [Fact]
    public async Task Expired_claim_with_skip_policy_is_recorded_and_reported_skipped_without_sending()
    {
        var isp = OneCustomerDueYesterday();
        var ledger = new InMemoryDunningLedger();
        await ledger.TryClaimAsync(Entry(isp), LedgerClaim.Create(isp.Time, TimeSpan.FromMinutes(10)));
        isp.Time.Advance(TimeSpan.FromMinutes(11));
        var sender = new RecordingNotificationSender();

        var report = await Runner(isp, sender, ledger, DunningUnconfirmedPolicy.Skip).RunAsync();

        var result = Assert.Single(report.Results);
        Assert.Equal(DunningResultStatus.Skipped, result.Status);
        Assert.Contains("not sent again", result.Reason, StringComparison.Ordinal);
        Assert.Empty(sender.Sent);
        Assert.Single(ledger.Entries); // recorded: the next run does not ask again
    }

    [Fact]
    public async Task Failed_action_releases_its_claim_so_the_next_run_retries_it_at_once()
    {
        var isp = OneCustomerDueYesterday();
        var ledger = new InMemoryDunningLedger();
        var sender = new RecordingNotificationSender { FailWhen = _ => new TimeoutException("channel down") };

        var first = await Runner(isp, sender, ledger).RunAsync();
        Assert.Equal(DunningResultStatus.Failed, Assert.Single(first.Results).Status);

        sender.FailWhen = null;
        var second = await Runner(isp, sender, ledger).RunAsync(); // same minute: no lease to wait out
        var result = Assert.Single(second.Results);
        Assert.Equal(DunningResultStatus.Executed, result.Status);
        Assert.Null(result.Detail!.FirstOrDefault(d => d.Contains("re-sent", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Two_runners_on_one_ledger_at_once_send_each_action_once()
    {
        var isp = OneCustomerDueYesterday();
        for (var i = 10; i < 60; i++)
        {
            isp.AddCustomer(i.ToString(System.Globalization.CultureInfo.InvariantCulture));
            isp.AddInvoice("F" + i, i.ToString(System.Globalization.CultureInfo.InvariantCulture), new DateOnly(2026, 3, 10));
        }
        var ledger = new InMemoryDunningLedger();
        var sender = new RecordingNotificationSender();

        var reports = await Task.WhenAll(Runner(isp, sender, ledger).RunAsync(), Runner(isp, sender, ledger).RunAsync());

        Assert.Equal(51, sender.Sent.Count);
        Assert.Equal(51, sender.Sent.Select(n => n.IdempotencyKey).Distinct().Count());
        Assert.Equal(51, reports.Sum(r => r.Count(DunningResultStatus.Executed)));
        Assert.Equal(51, ledger.Entries.Count);
    }

    [Fact]
    public void Invalid_claim_options_are_refused()
    {
        var isp = OneCustomerDueYesterday();
        Assert.Throws<ArgumentOutOfRangeException>(() => new DunningRunner(isp.Billing, DunningSchedule.Rgc765, new RecordingNotificationSender(), [isp.Erp],
            new DunningRunnerOptions { ClaimLease = TimeSpan.Zero }));
        Assert.Throws<ArgumentOutOfRangeException>(() => new DunningRunner(isp.Billing, DunningSchedule.Rgc765, new RecordingNotificationSender(), [isp.Erp],
            new DunningRunnerOptions { Unconfirmed = (DunningUnconfirmedPolicy)7 }));
    }
}
