using Cobranca.Connectors.Abstractions;

namespace Cobranca.Connectors.Workflows.Tests;

public sealed class DunningPlannerTests
{
    private static readonly DunningPlanner Planner = new(DunningSchedule.Rgc765);

    private static DateTimeOffset Local(int month, int day, int hour = 10, int minute = 0) =>
        BrazilTime.FromLocal(new DateTime(2026, month, day, hour, minute, 0));

    private static Invoice Invoice(string id, DateOnly due, string customer = "1") => new()
    {
        Id = id, CustomerId = customer, ContractId = "K" + customer, DueDate = due, Amount = 99.90m, OpenAmount = 99.90m,
    };

    private static DebtStatus Debt(DateTimeOffset at, AccessStatus? access = null, params Invoice[] invoices) =>
        DebtStatus.FromInvoices("1", DateOnly.FromDateTime(at.DateTime), invoices,
            [new Contract { Id = "K1", CustomerId = "1", Access = new AccessState(access ?? AccessStatus.Active) }]);

    private static DunningLedgerEntry Done(DunningPlannedAction action, DateTimeOffset at) => new()
    {
        CustomerId = action.CustomerId, StepKey = action.Step.Key, InvoiceId = action.Invoice.Id, ScheduledDate = action.ScheduledDate,
        Action = action.Step.Action, IsSuspensionNotice = action.Step.IsSuspensionNotice, ExecutedAt = at,
    };

    private static DunningLedgerEntry NoticeSent(string invoiceId, DateTimeOffset at) => new()
    {
        CustomerId = "1", StepKey = "suspension-notice", InvoiceId = invoiceId, ScheduledDate = DateOnly.FromDateTime(at.DateTime),
        Action = DunningActionKind.Notify, IsSuspensionNotice = true, ExecutedAt = at,
    };

    [Fact]
    public void Due_day_message_is_due_on_the_due_date_in_business_hours()
    {
        var at = Local(3, 10); // Tuesday
        var action = Assert.Single(Planner.Plan(Debt(at, null, Invoice("100", new DateOnly(2026, 3, 10))), at));

        Assert.Equal("due-today", action.Step.Key);
        Assert.Equal(DunningDisposition.Due, action.Disposition);
        Assert.Equal("1|due-today|100|2026-03-10", action.Key);
    }

    [Fact]
    public void Message_due_at_22h_is_deferred_to_08h_not_dropped()
    {
        var invoice = Invoice("100", new DateOnly(2026, 3, 13)); // reminder D-3 = Tuesday 10 March
        var at = Local(3, 10, 22);
        var action = Assert.Single(Planner.Plan(Debt(at, null, invoice), at));

        Assert.Equal("reminder", action.Step.Key);
        Assert.Equal(DunningDisposition.Deferred, action.Disposition);
        Assert.Equal(Local(3, 11, 8), action.NotBefore);
        Assert.Contains("Quiet hours", action.Reason, StringComparison.Ordinal);

        var early = Local(3, 11, 7, 30);
        Assert.Equal(Local(3, 11, 8), Assert.Single(Planner.Plan(Debt(early, null, invoice), early)).NotBefore);

        var morning = Local(3, 11, 8);
        var next = Assert.Single(Planner.Plan(Debt(morning, null, invoice), morning));
        Assert.Equal(DunningDisposition.Due, next.Disposition);
        Assert.Equal(action.Key, next.Key);
    }

    [Fact]
    public void Reminder_falling_on_a_saturday_waits_for_monday()
    {
        var invoice = Invoice("100", new DateOnly(2026, 3, 10)); // D-3 = Saturday 7 March
        var saturday = Local(3, 7);

        var deferred = Assert.Single(Planner.Plan(Debt(saturday, null, invoice), saturday));
        Assert.Equal("reminder", deferred.Step.Key);
        Assert.Equal(DunningDisposition.Deferred, deferred.Disposition);
        Assert.Equal(Local(3, 9, 8), deferred.NotBefore);
        Assert.Contains("business day", deferred.Reason, StringComparison.Ordinal);

        var monday = Local(3, 9);
        Assert.Equal(DunningDisposition.Due, Assert.Single(Planner.Plan(Debt(monday, null, invoice), monday)).Disposition);
    }

    [Fact]
    public void Holidays_defer_messages_national_and_host_supplied()
    {
        var tiradentes = Invoice("100", new DateOnly(2026, 4, 21)); // Tuesday, national holiday
        var at = Local(4, 21);
        var action = Assert.Single(Planner.Plan(Debt(at, null, tiradentes), at));
        Assert.Equal(DunningDisposition.Deferred, action.Disposition);
        Assert.Equal(Local(4, 22, 8), action.NotBefore);

        var cityHoliday = new DunningPlanner(DunningSchedule.Rgc765, new HolidayCalendar([new DateOnly(2026, 3, 10)]));
        var local = Local(3, 10);
        Assert.Equal(DunningDisposition.Deferred,
            Assert.Single(cityHoliday.Plan(Debt(local, null, Invoice("100", new DateOnly(2026, 3, 10))), local)).Disposition);
    }

    [Fact]
    public void Notify_on_non_business_days_when_the_schedule_allows_it()
    {
        var planner = new DunningPlanner(new DunningSchedule { Steps = DunningSchedule.Rgc765.Steps, NotifyOnNonBusinessDays = true });
        var saturday = Local(3, 7);
        Assert.Equal(DunningDisposition.Due,
            Assert.Single(planner.Plan(Debt(saturday, null, Invoice("100", new DateOnly(2026, 3, 10))), saturday)).Disposition);
    }

    [Fact]
    public void Missed_messages_are_superseded_by_the_latest_then_dropped_as_stale_but_the_notice_never_is()
    {
        var invoice = Invoice("100", new DateOnly(2026, 3, 10));
        var thursday = Local(3, 12); // D-3, D0 and D+1 all missed: only the latest goes
        Assert.Equal(["overdue-1"], Planner.Plan(Debt(thursday, null, invoice), thursday).Select(a => a.Step.Key));

        var weekLate = Local(3, 26); // D+16: overdue-5 (D+5 -> Monday 16) is stale, the notice (D+10) is still due
        Assert.Equal(["suspension-notice"], Planner.Plan(Debt(weekLate, null, invoice), weekLate).Select(a => a.Step.Key));
    }

    [Fact]
    public void A_pre_due_reminder_is_never_sent_after_the_due_date()
    {
        var planner = new DunningPlanner(new DunningSchedule { Steps = [DunningStep.Notify("reminder", -1, "r")] });
        var invoice = Invoice("100", new DateOnly(2026, 3, 10));
        var at = Local(3, 11);

        Assert.Empty(planner.Plan(Debt(at, null, invoice), at));
    }

    [Fact]
    public void Executed_actions_are_not_planned_again_and_show_as_skipped_on_the_same_day()
    {
        var invoice = Invoice("100", new DateOnly(2026, 3, 10));
        var at = Local(3, 10, 9);
        var first = Assert.Single(Planner.Plan(Debt(at, null, invoice), at));
        var history = new[] { Done(first, at) };

        var again = Local(3, 10, 15);
        var repeat = Assert.Single(Planner.Plan(Debt(again, null, invoice), again, history: history));
        Assert.Equal(DunningDisposition.Skipped, repeat.Disposition);
        Assert.Contains("Already done today at 09:00", repeat.Reason, StringComparison.Ordinal);

        var tomorrow = Local(3, 11);
        Assert.DoesNotContain(Planner.Plan(Debt(tomorrow, null, invoice), tomorrow, history: history), a => a.Step.Key == "due-today");
    }

    [Fact]
    public void Suspension_needs_a_recorded_notice_and_waits_15_days_after_it()
    {
        var invoice = Invoice("100", new DateOnly(2026, 2, 10));
        var at = Local(3, 9); // D+27, Monday

        var noNotice = Planner.Plan(Debt(at, null, invoice), at).Single(a => a.Step.Action == DunningActionKind.Block);
        Assert.Equal(DunningDisposition.Skipped, noNotice.Disposition);
        Assert.Contains("No suspension notice", noNotice.Reason, StringComparison.Ordinal);

        var history = new[] { NoticeSent("100", Local(2, 27)) }; // notice on Friday 27 Feb: restriction from 14 March (Sat) -> Monday 16
        var tooSoon = Planner.Plan(Debt(at, null, invoice), at, history: history).Single(a => a.Step.Action == DunningActionKind.Block);
        Assert.Equal(DunningDisposition.Deferred, tooSoon.Disposition);
        Assert.Equal(Local(3, 16, 0), tooSoon.NotBefore);
        Assert.Contains("2026-02-27", tooSoon.Reason, StringComparison.Ordinal);

        var allowed = Local(3, 16);
        var block = Planner.Plan(Debt(allowed, null, invoice), allowed, history: history).Single(a => a.Step.Action == DunningActionKind.Block);
        Assert.Equal(DunningDisposition.Due, block.Disposition);
        Assert.Equal(["K1"], block.Subscribers.Select(s => s.ContractId));
    }

    [Fact]
    public void Notice_about_an_invoice_already_paid_does_not_count()
    {
        var current = Invoice("200", new DateOnly(2026, 2, 10));
        var history = new[] { NoticeSent("100", Local(1, 20)) }; // about another invoice, no longer overdue
        var at = Local(3, 9);

        var block = Planner.Plan(Debt(at, null, current), at, history: history).Single(a => a.Step.Action == DunningActionKind.Block);
        Assert.Equal(DunningDisposition.Skipped, block.Disposition);
    }

    [Fact]
    public void Suspension_on_a_weekend_is_deferred_to_the_next_business_day()
    {
        var invoice = Invoice("100", new DateOnly(2026, 2, 10));
        var history = new[] { NoticeSent("100", Local(2, 20)) };
        var saturday = Local(3, 14);

        var block = Planner.Plan(Debt(saturday, null, invoice), saturday, history: history).Single(a => a.Step.Action == DunningActionKind.Block);
        Assert.Equal(DunningDisposition.Deferred, block.Disposition);
        Assert.Equal(Local(3, 16, 0), block.NotBefore);
    }

    [Fact]
    public void Trust_unlock_and_opt_outs_are_honoured()
    {
        var invoice = Invoice("100", new DateOnly(2026, 2, 10));
        var history = new[] { NoticeSent("100", Local(2, 20)) };
        var at = Local(3, 10);

        var trusted = Planner.Plan(Debt(at, AccessStatus.TrustUnlocked, invoice), at, history: history).Single();
        Assert.Equal(DunningDisposition.Skipped, trusted.Disposition);
        Assert.Contains("trust unlock", trusted.Reason, StringComparison.Ordinal);

        var optedOut = Planner.Plan(Debt(at, null, invoice), at, DunningOptOut.AccessChanges, history).Single();
        Assert.Equal(DunningDisposition.Skipped, optedOut.Disposition);
        Assert.Contains("opted out", optedOut.Reason, StringComparison.Ordinal);

        var due = Local(3, 10);
        var message = Planner.Plan(Debt(due, null, Invoice("300", new DateOnly(2026, 3, 10))), due, DunningOptOut.Notifications).Single();
        Assert.Equal(DunningDisposition.Skipped, message.Disposition);
        Assert.Contains("opted out", message.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Block_supersedes_throttle_and_inactive_contracts_are_left_alone()
    {
        var schedule = DunningSchedule.FromJson(DunningScheduleTests.ExampleJson); // throttle D+25, block D+30
        var planner = new DunningPlanner(schedule);
        var invoice = Invoice("100", new DateOnly(2026, 2, 2));
        var history = new[] { NoticeSent("100", Local(2, 12)) };

        var at = Local(2, 27); // D+25
        Assert.Equal(DunningActionKind.Throttle, planner.Plan(Debt(at, null, invoice), at, history: history).Single().Step.Action);
        var later = Local(3, 4); // D+30
        Assert.Equal(DunningActionKind.Block, planner.Plan(Debt(later, null, invoice), later, history: history).Single().Step.Action);

        var inactive = Planner.Plan(Debt(later, AccessStatus.Inactive, invoice), later, history: history).Single();
        Assert.Equal(DunningDisposition.Skipped, inactive.Disposition);
        Assert.Empty(inactive.Subscribers);
    }

    [Fact]
    public void Planner_is_deterministic_whatever_the_input_order()
    {
        var random = new Random(20260310);
        for (var round = 0; round < 300; round++)
        {
            var at = BrazilTime.FromLocal(new DateTime(2026, 1, 1).AddMinutes(random.Next(0, 120 * 24 * 60)));
            var today = DateOnly.FromDateTime(at.DateTime);
            var invoices = Enumerable.Range(0, random.Next(1, 6))
                .Select(i => Invoice("F" + random.Next(1000, 9999).ToString(System.Globalization.CultureInfo.InvariantCulture) + i,
                    today.AddDays(random.Next(-40, 10))))
                .ToList();
            var history = random.Next(2) == 0 ? [] : new[] { NoticeSent(invoices[0].Id, at.AddDays(-random.Next(0, 30))) };
            var optOut = (DunningOptOut)random.Next(0, 4);

            var plan = Describe(Planner.Plan(Debt(at, null, [.. invoices]), at, optOut, history));
            var shuffled = invoices.OrderBy(_ => random.Next()).ToArray();
            var again = Describe(Planner.Plan(Debt(at, null, shuffled), at, optOut, history));
            var fresh = Describe(new DunningPlanner(DunningSchedule.Rgc765).Plan(Debt(at, null, shuffled), at, optOut, history));

            Assert.Equal(plan, again);
            Assert.Equal(plan, fresh);
        }

        static string[] Describe(IReadOnlyList<DunningPlannedAction> plan) =>
            plan.Select(a => $"{a.Key} {a.Disposition} {a.NotBefore:O} {a.Reason} {string.Join(',', a.Subscribers.Select(s => s.ContractId))}").ToArray();
    }
}
