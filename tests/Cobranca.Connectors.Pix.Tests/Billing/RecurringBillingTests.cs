using Cobranca.Connectors.Abstractions;

namespace Cobranca.Connectors.Pix.Tests.Billing;

public sealed class RecurringBillingTests
{
    [Fact]
    public async Task Enrolment_by_QR_is_idempotent_and_tracks_authorisation()
    {
        await using var kit = await RecurringBillingKit.StartAsync();
        var first = await kit.Billing.EnrolAsync(RecurringBillingKit.Enrolment(1));
        Assert.Equal(PixRecurrenceStatus.Created, first.Status);
        var code = BrCode.Parse(first.QrCode!);
        Assert.Equal(PixJourney.Journey2, code.RecurrenceJourney);
        var again = await kit.Billing.EnrolAsync(RecurringBillingKit.Enrolment(1));
        Assert.Equal(first.RecurrenceId, again.RecurrenceId);
        Assert.Equal(1, kit.Sandbox.Requests.Count(r => r.Method == "POST" && r.Path.EndsWith("/rec", StringComparison.Ordinal)));

        // Not approved yet: the monthly run leaves the invoice to the régua's own channel.
        await kit.DayAsync(RecurringBillingKit.Due.AddDays(-10));
        Assert.Equal(RecurringInvoiceOutcome.NotEnrolled, (await kit.Billing.RunAsync([RecurringBillingKit.Invoice(1)])).Invoices[0].Outcome);

        await kit.Sandbox.ApproveRecurrenceAsync(first.RecurrenceId!);
        var handler = new PixRecurrenceWebhookHandler(kit.Client, (e, ct) => kit.Billing.ApplyAsync(e, ct), timeProvider: kit.Time);
        var events = await handler.ProcessAsync(await kit.Client.GetRecurrenceAsync(first.RecurrenceId!));
        Assert.IsType<RecurrenceAuthorized>(Assert.Single(events.Events));
        var report = await kit.Billing.RunAsync([RecurringBillingKit.Invoice(1)]);
        Assert.Equal(RecurringInvoiceOutcome.Created, report.Invoices[0].Outcome);
    }

    [Fact]
    public async Task Journey_1_push_when_the_bank_account_is_known()
    {
        await using var kit = await RecurringBillingKit.StartAsync();
        var enrolment = RecurringBillingKit.Enrolment(2);
        var push = new RecurringEnrolment
        {
            CustomerId = enrolment.CustomerId, Contract = enrolment.Contract, Document = enrolment.Document, Name = enrolment.Name,
            FirstDueDate = enrolment.FirstDueDate, BankIspb = "91193552", BankAccount = "550689",
        };
        var result = await kit.Billing.EnrolAsync(push);
        Assert.NotNull(result.ConfirmationId);
        Assert.Null(result.QrCode);
        Assert.Equal(result.RecurrenceId, (await kit.Billing.EnrolAsync(push)).RecurrenceId);
        await kit.Sandbox.AnswerRecurrenceConfirmationAsync(result.ConfirmationId!, accept: true);
        Assert.True((await kit.Billing.RefreshEnrolmentAsync(push.CustomerId))!.IsActive);
    }

    [Fact]
    public async Task A_month_paid_failed_retried_and_handed_over_nothing_twice()
    {
        const int poor = 2, rejecting = 3;
        await using var kit = await RecurringBillingKit.StartAsync(o =>
        {
            o.InsufficientFundsPayers.Add(RecurringBillingKit.Cpf(poor));
            o.RejectingPayers[RecurringBillingKit.Cpf(rejecting)] = "AM09";
        });
        for (var i = 1; i <= 4; i++) await kit.EnrolAndApproveAsync(i);
        var invoices = Enumerable.Range(1, 4).Select(i => RecurringBillingKit.Invoice(i)).ToList();
        var due = RecurringBillingKit.Due;

        await kit.DayAsync(due.AddDays(-11));
        Assert.Equal(4, (await kit.Billing.RunAsync(invoices)).Count(RecurringInvoiceOutcome.NotYetInWindow));
        await kit.DayAsync(due.AddDays(-10));
        Assert.Equal(4, (await kit.Billing.RunAsync(invoices)).Count(RecurringInvoiceOutcome.Created));
        await kit.DayAsync(due.AddDays(-9));
        var scheduled = await kit.Billing.RunAsync(invoices);
        Assert.Equal(3, scheduled.Count(RecurringInvoiceOutcome.Scheduled));
        Assert.Equal(RecurringInvoiceOutcome.HandedToDunning, scheduled.Invoices[rejecting - 1].Outcome); // rejected before D: régua at once
        Assert.Equal("AM09", scheduled.Invoices[rejecting - 1].Detail);

        await kit.DayAsync(due);
        var onDue = await kit.Billing.RunAsync(invoices);
        Assert.Equal(RecurringInvoiceOutcome.Paid, onDue.Invoices[0].Outcome);
        Assert.Equal(RecurringInvoiceOutcome.RetryRequested, onDue.Invoices[poor - 1].Outcome);
        Assert.Equal(due.AddDays(1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), onDue.Invoices[poor - 1].Detail);
        foreach (var offset in new[] { 1, 3 })
        {
            await kit.DayAsync(due.AddDays(offset));
            Assert.Equal(RecurringInvoiceOutcome.RetryRequested, (await kit.Billing.RunAsync(invoices)).Invoices[poor - 1].Outcome);
        }

        await kit.DayAsync(due.AddDays(6));
        var last = await kit.Billing.RunAsync(invoices);
        Assert.Equal(RecurringInvoiceOutcome.HandedToDunning, last.Invoices[poor - 1].Outcome);
        var cobr = await kit.Client.GetRecurringChargeAsync(last.Invoices[poor - 1].Txid!);
        Assert.Equal([due, due.AddDays(1), due.AddDays(3), due.AddDays(6)], cobr.Attempts.Select(a => a.SettlementDate!.Value));
        Assert.Equal(2, kit.HandedOver.Count);
        Assert.Equal(PixChargeStatus.Active, (await kit.Client.GetDueChargeAsync(last.Invoices[poor - 1].FallbackTxid!)).Status);

        // Re-running changes nothing and notifies nobody again.
        await kit.DayAsync(due.AddDays(8));
        var rerun = await kit.Billing.RunAsync(invoices);
        Assert.Equal(2, kit.HandedOver.Count);
        Assert.Equal(2, rerun.Count(RecurringInvoiceOutcome.Paid));
        Assert.Equal(4, kit.Sandbox.RecurringChargeCount);
        Assert.All(kit.Sandbox.ReceivedPayments.GroupBy(p => p.Txid), g => Assert.Single(g));
    }

    [Fact]
    public async Task Fallback_requested_on_the_debit_day_waits_for_the_outcome_and_is_never_paid_twice()
    {
        await using var kit = await RecurringBillingKit.StartAsync();
        await kit.EnrolAndApproveAsync(1);
        await kit.EnrolAndApproveAsync(2);
        var due = RecurringBillingKit.Due;
        await kit.DayAsync(due.AddDays(-5));
        await kit.Billing.RunAsync([RecurringBillingKit.Invoice(1), RecurringBillingKit.Invoice(2)]);
        await kit.Sandbox.RunRecurrenceSchedulerAsync();

        // Before the first attempt date: the cobr is cancelled and the cobv issued.
        var early = await kit.Billing.RequestFallbackAsync(RecurringBillingKit.Invoice(2));
        Assert.Equal(RecurringInvoiceOutcome.HandedToDunning, early.Outcome);
        Assert.Equal("CANCELADA", kit.Sandbox.GetRecurringChargeStatus(early.Txid!));

        // On the debit day (the PSP settles later that day): the cobr can no longer be cancelled.
        kit.Time.SetUtcNow(new DateTimeOffset(due.ToDateTime(new TimeOnly(4, 0)), TimeSpan.Zero)); // 01:00 in São Paulo
        var late = await kit.Billing.RequestFallbackAsync(RecurringBillingKit.Invoice(1));
        Assert.Equal(RecurringInvoiceOutcome.AwaitingOutcome, late.Outcome);
        Assert.Null(late.FallbackTxid);
        await kit.Sandbox.RunRecurrenceSchedulerAsync();
        var after = await kit.Billing.RunAsync([RecurringBillingKit.Invoice(1), RecurringBillingKit.Invoice(2)]);
        Assert.Equal(RecurringInvoiceOutcome.Paid, after.Invoices[0].Outcome);
        Assert.Null(after.Invoices[0].FallbackTxid);
        Assert.Equal(RecurringInvoiceOutcome.HandedToDunning, after.Invoices[1].Outcome);
        Assert.Single(kit.Sandbox.ReceivedPayments);
    }

    [Fact]
    public async Task A_cobv_from_the_regua_paid_as_well_is_refunded_and_reported()
    {
        await using var kit = await RecurringBillingKit.StartAsync();
        await kit.EnrolAndApproveAsync(1);
        var due = RecurringBillingKit.Due;
        await kit.DayAsync(due.AddDays(-5));
        var cobv = await kit.Client.CreateDueChargeAsync(PixTxid.ForInvoice("RG", "F1M01"), new PixDueChargeRequest
        {
            Key = kit.Sandbox.Key, Amount = 99.90m, DueDate = due, Debtor = new PixDebtor { Document = Document.Parse(RecurringBillingKit.Cpf(1)), Name = "Cliente 1" },
        });
        var invoice = RecurringBillingKit.Invoice(1, cobv.Txid);
        await kit.Billing.RunAsync([invoice]);
        await kit.Sandbox.PayAsync(cobv.Txid); // the subscriber also pays the régua's cobv
        await kit.DayAsync(due); // and the cobr is debited
        var report = await kit.Billing.RunAsync([invoice]);
        var line = Assert.Single(report.Invoices);
        Assert.Equal(RecurringInvoiceOutcome.DoublePaymentRefunded, line.Outcome);
        Assert.NotNull(line.RefundedEndToEndId);
        var refund = await kit.Client.GetRefundAsync(line.RefundedEndToEndId!, "DF1M01");
        Assert.Equal(99.90m, refund.Amount);
        Assert.Single(kit.DoublePayments);
        Assert.Equal(RecurringInvoiceOutcome.DoublePaymentRefunded, (await kit.Billing.RunAsync([invoice])).Invoices[0].Outcome);
        Assert.Single(kit.DoublePayments);
    }

    [Fact]
    public async Task Payer_cancelling_the_mandate_hands_the_month_to_the_regua()
    {
        await using var kit = await RecurringBillingKit.StartAsync();
        await kit.EnrolAndApproveAsync(1);
        var due = RecurringBillingKit.Due;
        await kit.DayAsync(due.AddDays(-6));
        var created = await kit.Billing.RunAsync([RecurringBillingKit.Invoice(1)]);
        await kit.Sandbox.RunRecurrenceSchedulerAsync();
        await kit.Sandbox.CancelRecurrenceByPayerAsync((await kit.Billing.RefreshEnrolmentAsync("C1"))!.RecurrenceId!);
        var report = await kit.Billing.RunAsync([RecurringBillingKit.Invoice(1)]);
        Assert.Equal(RecurringInvoiceOutcome.HandedToDunning, report.Invoices[0].Outcome);
        Assert.Equal(created.Invoices[0].Txid, report.Invoices[0].Txid);
        Assert.False((await kit.Billing.RefreshEnrolmentAsync("C1"))!.IsActive);
    }

    [Fact]
    public void Options_are_validated()
    {
        var bad = new RecurringBillingOptions { PixKey = "", ReceiverAccount = "1", RetryOffsetsDays = [1, 9], ScheduleWindowStartDays = 1, ScheduleWindowEndDays = 2 };
        Assert.Equal(3, bad.Validate().Count);
    }
}
