using Cobranca.Connectors.Abstractions;

namespace Cobranca.Connectors.Workflows.Tests;

/// <summary>
/// Exact behaviour of the dunning planner at its edges (issue 17: what surviving mutants showed as untested): day offsets,
/// quiet-hour boundaries, weekend and holiday shifts, the grace period, grouping, the access-change choice and the
/// 15-day suspension-notice guard, with the exact dates and reason texts the runner and the ledger see.
/// </summary>
public sealed class DunningPlannerDepthTests
{
    private static readonly DunningPlanner Planner = new(DunningSchedule.Rgc765);

    private const string QuietReason = "Quiet hours (20:00-08:00); deferred to the next allowed moment.";
    private const string WeekendReason = "Not a business day (weekend or holiday); deferred to the next business day.";

    private static DateTimeOffset Local(int month, int day, int hour = 10, int minute = 0) =>
        BrazilTime.FromLocal(new DateTime(2026, month, day, hour, minute, 0));

    private static DateOnly Date(int month, int day) => new(2026, month, day);

    private static Invoice Invoice(string id, DateOnly due, string? contractId = "K1", InvoiceStatus status = InvoiceStatus.Open,
        decimal open = 99.90m) => new()
    {
        Id = id, CustomerId = "1", ContractId = contractId, DueDate = due, Amount = 99.90m, OpenAmount = open, Status = status,
    };

    private static Contract Contract(string id, AccessStatus? status = null) =>
        new() { Id = id, CustomerId = "1", Access = new AccessState(status ?? AccessStatus.Active) };

    private static DebtStatus Debt(DateTimeOffset at, params Invoice[] invoices) =>
        DebtStatus.FromInvoices("1", DateOnly.FromDateTime(at.DateTime), invoices, [Contract("K1")]);

    private static DebtStatus Debt(DateTimeOffset at, Contract[] contracts, params Invoice[] invoices) =>
        DebtStatus.FromInvoices("1", DateOnly.FromDateTime(at.DateTime), invoices, contracts);

    private static DunningLedgerEntry Entry(string stepKey, string invoiceId, DateOnly scheduled, DateTimeOffset at,
        DunningActionKind action = DunningActionKind.Notify, bool notice = false) => new()
    {
        CustomerId = "1", StepKey = stepKey, InvoiceId = invoiceId, ScheduledDate = scheduled, Action = action,
        IsSuspensionNotice = notice, ExecutedAt = at,
    };

    private static DunningLedgerEntry NoticeSent(string invoiceId, DateTimeOffset at) =>
        Entry("suspension-notice", invoiceId, DateOnly.FromDateTime(at.DateTime), at, notice: true);

    private static DunningPlannedAction Block(IReadOnlyList<DunningPlannedAction> plan) =>
        Assert.Single(plan, a => a.Step.Action is DunningActionKind.Block or DunningActionKind.Throttle);

    private static DunningPlannedAction? AccessOrNull(IReadOnlyList<DunningPlannedAction> plan) =>
        plan.SingleOrDefault(a => a.Step.Action is DunningActionKind.Block or DunningActionKind.Throttle);

    private static string[] Keys(IReadOnlyList<DunningPlannedAction> plan) => plan.Select(a => a.Step.Key).ToArray();

    // ---- construction ----

    [Fact]
    public void Null_arguments_are_refused()
    {
        Assert.Equal("schedule", Assert.Throws<ArgumentNullException>(() => new DunningPlanner(null!)).ParamName);
        Assert.Equal("debt", Assert.Throws<ArgumentNullException>(() => Planner.Plan(null!, Local(3, 10))).ParamName);
    }

    [Fact]
    public void Business_days_are_monday_to_friday_without_holidays()
    {
        Assert.True(Planner.IsBusinessDay(Date(3, 9)));   // Monday
        Assert.True(Planner.IsBusinessDay(Date(3, 13)));  // Friday
        Assert.False(Planner.IsBusinessDay(Date(3, 14))); // Saturday
        Assert.False(Planner.IsBusinessDay(Date(3, 15))); // Sunday
        Assert.False(Planner.IsBusinessDay(Date(4, 21))); // Tiradentes, a Tuesday
        Assert.True(new DunningPlanner(DunningSchedule.Rgc765, HolidayCalendar.None).IsBusinessDay(Date(4, 21)));
        Assert.Same(DunningSchedule.Rgc765, Planner.Schedule);
    }

    // ---- quiet hours ----

    [Fact]
    public void Quiet_hours_edges_of_the_default_window_that_wraps_midnight()
    {
        var invoice = Invoice("100", Date(3, 10)); // Tuesday: the due-today message

        var before = Assert.Single(Planner.Plan(Debt(Local(3, 10, 19, 59), invoice), Local(3, 10, 19, 59)));
        Assert.Equal(("due-today", DunningDisposition.Due, (DateTimeOffset?)null, (string?)null),
            (before.Step.Key, before.Disposition, before.NotBefore, before.Reason));

        var start = Assert.Single(Planner.Plan(Debt(Local(3, 10, 20), invoice), Local(3, 10, 20)));
        Assert.Equal((DunningDisposition.Deferred, (DateTimeOffset?)Local(3, 11, 8), QuietReason),
            (start.Disposition, start.NotBefore, start.Reason));
        Assert.Equal(Date(3, 10), start.ScheduledDate);

        var midnight = Assert.Single(Planner.Plan(Debt(Local(3, 10, 0), invoice), Local(3, 10, 0)));
        Assert.Equal((DunningDisposition.Deferred, (DateTimeOffset?)Local(3, 10, 8)), (midnight.Disposition, midnight.NotBefore));

        var early = Assert.Single(Planner.Plan(Debt(Local(3, 10, 7, 59), invoice), Local(3, 10, 7, 59)));
        Assert.Equal((DunningDisposition.Deferred, (DateTimeOffset?)Local(3, 10, 8), QuietReason),
            (early.Disposition, early.NotBefore, early.Reason)); // the same morning, not the next day

        var end = Assert.Single(Planner.Plan(Debt(Local(3, 10, 8), invoice), Local(3, 10, 8)));
        Assert.Equal((DunningDisposition.Due, (DateTimeOffset?)null), (end.Disposition, end.NotBefore));
    }

    [Fact]
    public void Quiet_hours_within_one_day_defer_to_their_end_the_same_day()
    {
        var planner = new DunningPlanner(new DunningSchedule
        {
            Steps = DunningSchedule.Rgc765.Steps, QuietHours = new QuietHours(new TimeOnly(12, 0), new TimeOnly(14, 0)),
        });
        var invoice = Invoice("100", Date(3, 10));
        DunningPlannedAction At(int hour, int minute) =>
            Assert.Single(planner.Plan(Debt(Local(3, 10, hour, minute), invoice), Local(3, 10, hour, minute)));

        Assert.Equal(DunningDisposition.Due, At(11, 59).Disposition);
        var noon = At(12, 0);
        Assert.Equal((DunningDisposition.Deferred, (DateTimeOffset?)Local(3, 10, 14), "Quiet hours (12:00-14:00); deferred to the next allowed moment."),
            (noon.Disposition, noon.NotBefore, noon.Reason));
        Assert.Equal(Local(3, 10, 14), At(13, 59).NotBefore);
        Assert.Equal(DunningDisposition.Due, At(14, 0).Disposition);
        Assert.Equal(DunningDisposition.Due, At(23, 30).Disposition);
    }

    [Fact]
    public void Without_quiet_hours_messages_go_at_any_hour_of_a_business_day()
    {
        var planner = new DunningPlanner(new DunningSchedule { Steps = DunningSchedule.Rgc765.Steps, QuietHours = null });
        var at = Local(3, 10, 23, 30);
        var action = Assert.Single(planner.Plan(Debt(at, Invoice("100", Date(3, 10))), at));

        Assert.Equal((DunningDisposition.Due, (DateTimeOffset?)null, (string?)null), (action.Disposition, action.NotBefore, action.Reason));
    }

    [Fact]
    public void The_moment_is_read_in_sao_paulo_time()
    {
        var invoice = Invoice("100", Date(3, 10));

        var lateEvening = new DateTimeOffset(2026, 3, 11, 1, 30, 0, TimeSpan.Zero); // 22:30 on 10 March in São Paulo
        var deferred = Assert.Single(Planner.Plan(Debt(Local(3, 10), invoice), lateEvening));
        Assert.Equal(("due-today", Date(3, 10), DunningDisposition.Deferred, (DateTimeOffset?)Local(3, 11, 8)),
            (deferred.Step.Key, deferred.ScheduledDate, deferred.Disposition, deferred.NotBefore));

        var eight = new DateTimeOffset(2026, 3, 10, 11, 0, 0, TimeSpan.Zero);
        Assert.Equal(DunningDisposition.Due, Assert.Single(Planner.Plan(Debt(Local(3, 10), invoice), eight)).Disposition);
        var sevenFiftyNine = new DateTimeOffset(2026, 3, 10, 10, 59, 0, TimeSpan.Zero);
        Assert.Equal(Local(3, 10, 8), Assert.Single(Planner.Plan(Debt(Local(3, 10), invoice), sevenFiftyNine)).NotBefore);
    }

    // ---- weekends and holidays ----

    [Fact]
    public void Weekend_messages_move_to_the_first_allowed_moment_of_the_next_business_day()
    {
        var invoice = Invoice("100", Date(3, 10)); // reminder D-3 = Saturday 7 March

        var saturday = Assert.Single(Planner.Plan(Debt(Local(3, 7), invoice), Local(3, 7)));
        Assert.Equal(("reminder", DunningDisposition.Deferred, (DateTimeOffset?)Local(3, 9, 8), WeekendReason),
            (saturday.Step.Key, saturday.Disposition, saturday.NotBefore, saturday.Reason));

        var saturdayNight = Assert.Single(Planner.Plan(Debt(Local(3, 7, 22), invoice), Local(3, 7, 22)));
        Assert.Equal((DunningDisposition.Deferred, (DateTimeOffset?)Local(3, 9, 8), QuietReason),
            (saturdayNight.Disposition, saturdayNight.NotBefore, saturdayNight.Reason));

        var sundayDawn = Assert.Single(Planner.Plan(Debt(Local(3, 8, 7), invoice), Local(3, 8, 7)));
        Assert.Equal(Local(3, 9, 8), sundayDawn.NotBefore);

        var noQuiet = new DunningPlanner(new DunningSchedule { Steps = DunningSchedule.Rgc765.Steps, QuietHours = null });
        var anyHour = Assert.Single(noQuiet.Plan(Debt(Local(3, 7), invoice), Local(3, 7)));
        Assert.Equal((DunningDisposition.Deferred, (DateTimeOffset?)Local(3, 9, 0), WeekendReason),
            (anyHour.Disposition, anyHour.NotBefore, anyHour.Reason));

        var lunch = new DunningPlanner(new DunningSchedule
        {
            Steps = DunningSchedule.Rgc765.Steps, QuietHours = new QuietHours(new TimeOnly(12, 0), new TimeOnly(14, 0)),
        });
        var duringLunch = Assert.Single(lunch.Plan(Debt(Local(3, 7, 13), invoice), Local(3, 7, 13)));
        Assert.Equal(Local(3, 9, 0), duringLunch.NotBefore); // midnight is allowed by a 12:00-14:00 window

        var night = new DunningPlanner(new DunningSchedule
        {
            Steps = DunningSchedule.Rgc765.Steps, QuietHours = new QuietHours(new TimeOnly(0, 0), new TimeOnly(6, 0)),
        });
        Assert.Equal(Local(3, 9, 6), Assert.Single(night.Plan(Debt(Local(3, 7), invoice), Local(3, 7))).NotBefore);
    }

    [Fact]
    public void A_holiday_before_a_weekend_defers_to_the_monday()
    {
        var planner = new DunningPlanner(DunningSchedule.Rgc765, new HolidayCalendar([Date(3, 6)]));
        var invoice = Invoice("100", Date(3, 9)); // reminder D-3 = Friday 6 March, a city holiday here

        var friday = Assert.Single(planner.Plan(Debt(Local(3, 6), invoice), Local(3, 6)));
        Assert.Equal(("reminder", DunningDisposition.Deferred, (DateTimeOffset?)Local(3, 9, 8), WeekendReason),
            (friday.Step.Key, friday.Disposition, friday.NotBefore, friday.Reason));
        Assert.Equal(DunningDisposition.Due, Assert.Single(Planner.Plan(Debt(Local(3, 6), invoice), Local(3, 6))).Disposition);
    }

    // ---- day offsets and superseding ----

    [Fact]
    public void A_step_is_reached_exactly_on_its_day_offset()
    {
        var planner = new DunningPlanner(new DunningSchedule
        {
            Steps = [DunningStep.Notify("before", -2, "t"), DunningStep.Notify("after", 3, "t")],
            NotifyOnNonBusinessDays = true, QuietHours = null,
        });
        var invoice = Invoice("100", Date(3, 10));

        Assert.Empty(planner.Plan(Debt(Local(3, 7), invoice), Local(3, 7)));
        var before = Assert.Single(planner.Plan(Debt(Local(3, 8), invoice), Local(3, 8)));
        Assert.Equal(("before", Date(3, 8), DunningDisposition.Due, "1|before|100|2026-03-08"),
            (before.Step.Key, before.ScheduledDate, before.Disposition, before.Key));

        Assert.Equal(["before"], Keys(planner.Plan(Debt(Local(3, 10), invoice), Local(3, 10)))); // due date: still "before"
        Assert.Empty(planner.Plan(Debt(Local(3, 11), invoice), Local(3, 11)));
        Assert.Empty(planner.Plan(Debt(Local(3, 12), invoice), Local(3, 12)));
        var after = Assert.Single(planner.Plan(Debt(Local(3, 13), invoice), Local(3, 13)));
        Assert.Equal(("after", Date(3, 13), "1|after|100|2026-03-13"), (after.Step.Key, after.ScheduledDate, after.Key));
    }

    [Fact]
    public void The_due_day_message_is_never_sent_after_the_due_date()
    {
        var planner = new DunningPlanner(new DunningSchedule { Steps = [DunningStep.Notify("due", 0, "t")], NotifyOnNonBusinessDays = true });
        var invoice = Invoice("100", Date(3, 10));

        Assert.Equal(["due"], Keys(planner.Plan(Debt(Local(3, 10), invoice), Local(3, 10))));
        Assert.Empty(planner.Plan(Debt(Local(3, 11), invoice), Local(3, 11)));
    }

    [Fact]
    public void Steps_on_the_same_day_are_all_sent_in_key_order_until_a_later_step_supersedes_them()
    {
        var planner = new DunningPlanner(new DunningSchedule
        {
            Steps = [DunningStep.Notify("b-sms", 1, "t"), DunningStep.Notify("a-mail", 1, "t"), DunningStep.Notify("c-call", 3, "t")],
            NotifyOnNonBusinessDays = true, QuietHours = null,
        });
        var invoice = Invoice("100", Date(3, 10));

        Assert.Equal(["a-mail", "b-sms"], Keys(planner.Plan(Debt(Local(3, 11), invoice), Local(3, 11))));
        Assert.Equal(["a-mail", "b-sms"], Keys(planner.Plan(Debt(Local(3, 12), invoice), Local(3, 12))));
        Assert.Equal(["c-call"], Keys(planner.Plan(Debt(Local(3, 13), invoice), Local(3, 13))));
    }

    // ---- grace period ----

    [Fact]
    public void A_late_message_stays_sendable_for_the_grace_business_days_then_is_dropped()
    {
        var invoice = Invoice("100", Date(3, 3)); // overdue-5 = Sunday 8 March -> Monday 9; +3 business days = Thursday 12

        var lastDay = Assert.Single(Planner.Plan(Debt(Local(3, 12), invoice), Local(3, 12)));
        Assert.Equal(("overdue-5", Date(3, 8), DunningDisposition.Due), (lastDay.Step.Key, lastDay.ScheduledDate, lastDay.Disposition));
        Assert.Equal(["suspension-notice"], Keys(Planner.Plan(Debt(Local(3, 13), invoice), Local(3, 13))));

        var noGrace = new DunningPlanner(new DunningSchedule { Steps = DunningSchedule.Rgc765.Steps, NotificationGraceDays = 0 });
        Assert.Equal(["overdue-5"], Keys(noGrace.Plan(Debt(Local(3, 9), invoice), Local(3, 9))));
        Assert.Empty(noGrace.Plan(Debt(Local(3, 10), invoice), Local(3, 10)));

        // Grace days skip a holiday: Tuesday 10 March is one here, so the last day is Friday 13 (the notice is due too).
        var holiday = new DunningPlanner(DunningSchedule.Rgc765, new HolidayCalendar([Date(3, 10)]));
        Assert.Equal(["overdue-5", "suspension-notice"], Keys(holiday.Plan(Debt(Local(3, 13), invoice), Local(3, 13))));
    }

    [Fact]
    public void With_messages_on_any_day_the_grace_period_counts_calendar_days()
    {
        var planner = new DunningPlanner(new DunningSchedule { Steps = DunningSchedule.Rgc765.Steps, NotifyOnNonBusinessDays = true });
        var invoice = Invoice("100", Date(3, 3)); // overdue-5 = Sunday 8 March, sent that day; +3 calendar days = Wednesday 11

        var sunday = Assert.Single(planner.Plan(Debt(Local(3, 8), invoice), Local(3, 8)));
        Assert.Equal(("overdue-5", DunningDisposition.Due), (sunday.Step.Key, sunday.Disposition));
        Assert.Equal(["overdue-5"], Keys(planner.Plan(Debt(Local(3, 11), invoice), Local(3, 11))));
        Assert.Empty(planner.Plan(Debt(Local(3, 12), invoice), Local(3, 12)));
    }

    // ---- several invoices ----

    [Fact]
    public void One_message_per_step_for_several_invoices_in_due_date_order()
    {
        var a = Invoice("200", Date(2, 2));
        var b = Invoice("100", Date(2, 3));
        var at = Local(2, 20); // both suspension notices reached (12 and 13 Feb), the other messages are stale

        var notice = Assert.Single(Planner.Plan(Debt(at, b, a), at));
        Assert.Equal("suspension-notice", notice.Step.Key);
        Assert.Same(a, notice.Invoice);
        Assert.Equal(["200", "100"], notice.Invoices.Select(i => i.Id));
        Assert.Equal(Date(2, 12), notice.ScheduledDate);
        Assert.Equal("1|suspension-notice|200+100|2026-02-12", notice.Key);
        Assert.Equal(["1|suspension-notice|200|2026-02-12", "1|suspension-notice|100|2026-02-13"], notice.LedgerKeys);

        var sameDay = Assert.Single(Planner.Plan(Debt(Local(3, 10), Invoice("101", Date(3, 10)), Invoice("100", Date(3, 10))), Local(3, 10)));
        Assert.Equal(["100", "101"], sameDay.Invoices.Select(i => i.Id));

        var single = Assert.Single(Planner.Plan(Debt(Local(3, 10), Invoice("100", Date(3, 10))), Local(3, 10)));
        Assert.Equal("1|due-today|100|2026-03-10", single.Key);
    }

    [Fact]
    public void Paid_settled_and_repeated_invoices_are_not_dunned()
    {
        var open = Invoice("100", Date(3, 10), status: InvoiceStatus.PartiallyPaid, open: 10m);
        var debt = new DebtStatus
        {
            CustomerId = "1", AsOf = Date(3, 10),
            Overdue = [Invoice("050", Date(3, 10), status: InvoiceStatus.Paid), Invoice("060", Date(3, 10), open: 0m), open],
            Upcoming = [open],
            Contracts = [Contract("K1")],
        };

        var action = Assert.Single(Planner.Plan(debt, Local(3, 10)));
        Assert.Equal(["100"], action.Invoices.Select(i => i.Id));
        Assert.Equal("1|due-today|100|2026-03-10", action.Key);
    }

    [Fact]
    public void The_plan_is_ordered_by_due_date_then_step_day()
    {
        var old = Invoice("100", Date(2, 2));
        var current = Invoice("200", Date(2, 27));
        var at = Local(2, 27); // old: notice never sent (still due) and the suspension (skipped: no notice); current: due today

        var plan = Planner.Plan(Debt(at, current, old), at);
        Assert.Equal(["suspension-notice", "suspension", "due-today"], Keys(plan));
        Assert.Equal(["100", "100", "200"], plan.Select(a => a.Invoice.Id));
    }

    // ---- access changes ----

    [Fact]
    public void The_suspension_step_is_reached_exactly_on_its_day()
    {
        var invoice = Invoice("100", Date(2, 2)); // suspension D+25 = Friday 27 February
        var history = new[] { NoticeSent("100", Local(2, 12)) };

        Assert.Null(AccessOrNull(Planner.Plan(Debt(Local(2, 26), invoice), Local(2, 26), history: history)));
        var block = Block(Planner.Plan(Debt(Local(2, 27), invoice), Local(2, 27), history: history));
        Assert.Equal(("suspension", DunningDisposition.Due, Date(2, 27), "1|suspension|100|2026-02-27", (string?)null),
            (block.Step.Key, block.Disposition, block.ScheduledDate, block.Key, block.Reason));
        Assert.Equal(["K1"], block.Subscribers.Select(s => s.ContractId));
        Assert.Same(invoice, block.Invoice);
    }

    [Fact]
    public void Suspension_waits_exactly_15_days_after_the_notice_then_for_a_business_day()
    {
        var invoice = Invoice("100", Date(2, 2));
        var history = new[] { NoticeSent("100", Local(2, 13)) }; // + 15 days = Saturday 28 Feb -> Monday 2 March

        var early = Block(Planner.Plan(Debt(Local(2, 27), invoice), Local(2, 27), history: history));
        Assert.Equal(DunningDisposition.Deferred, early.Disposition);
        Assert.Equal(Local(3, 2, 0), early.NotBefore);
        Assert.Equal("Suspension notice sent on 2026-02-13; service may be restricted from 2026-03-02 (notice + 15 days, on a business day).",
            early.Reason);

        var monday = Block(Planner.Plan(Debt(Local(3, 2), invoice), Local(3, 2), history: history));
        Assert.Equal((DunningDisposition.Due, (DateTimeOffset?)null), (monday.Disposition, monday.NotBefore));

        Assert.Equal(Date(2, 27), Planner.EarliestRestriction(Date(2, 12)));
        Assert.Equal(Date(3, 2), Planner.EarliestRestriction(Date(2, 13)));
    }

    [Fact]
    public void With_access_changes_on_any_day_the_15_days_are_calendar_days()
    {
        var planner = new DunningPlanner(new DunningSchedule { Steps = DunningSchedule.Rgc765.Steps, AccessChangesOnNonBusinessDays = true });
        var invoice = Invoice("100", Date(2, 2));
        var history = new[] { NoticeSent("100", Local(2, 13)) };

        var early = Block(planner.Plan(Debt(Local(2, 27), invoice), Local(2, 27), history: history));
        Assert.Equal((DunningDisposition.Deferred, (DateTimeOffset?)Local(2, 28, 0)), (early.Disposition, early.NotBefore));
        Assert.Equal("Suspension notice sent on 2026-02-13; service may be restricted from 2026-02-28 (notice + 15 days).", early.Reason);

        var saturday = Block(planner.Plan(Debt(Local(2, 28), invoice), Local(2, 28), history: history));
        Assert.Equal(DunningDisposition.Due, saturday.Disposition);
        Assert.Equal(Date(2, 28), planner.EarliestRestriction(Date(2, 13)));
    }

    [Fact]
    public void A_longer_notice_period_is_honoured()
    {
        var planner = new DunningPlanner(new DunningSchedule
        {
            Steps = [DunningStep.SuspensionNotice("notice", 10, "n"), DunningStep.Suspend("suspension", 30)], SuspensionNoticeDays = 20,
        });
        var invoice = Invoice("100", Date(2, 2)); // suspension D+30 = Wednesday 4 March

        var onTime = Block(planner.Plan(Debt(Local(3, 4), invoice), Local(3, 4), history: [NoticeSent("100", Local(2, 12))]));
        Assert.Equal(DunningDisposition.Due, onTime.Disposition);

        var late = Block(planner.Plan(Debt(Local(3, 4), invoice), Local(3, 4), history: [NoticeSent("100", Local(2, 13))]));
        Assert.Equal(DunningDisposition.Deferred, late.Disposition);
        Assert.Equal(Local(3, 5, 0), late.NotBefore);
        Assert.Equal("Suspension notice sent on 2026-02-13; service may be restricted from 2026-03-05 (notice + 20 days, on a business day).",
            late.Reason);
    }

    [Fact]
    public void The_notice_date_is_read_in_sao_paulo_time_and_the_earliest_notice_counts()
    {
        var invoice = Invoice("100", Date(2, 2));
        var evening = new DateTimeOffset(2026, 2, 13, 1, 30, 0, TimeSpan.Zero); // 22:30 on 12 February in São Paulo
        var block = Block(Planner.Plan(Debt(Local(2, 27), invoice), Local(2, 27),
            history: [Entry("suspension-notice", "100", Date(2, 12), evening, notice: true)]));
        Assert.Equal(DunningDisposition.Due, block.Disposition);

        var second = Invoice("200", Date(2, 3));
        var history = new[] { NoticeSent("200", Local(2, 13)), NoticeSent("100", Local(2, 12)) };
        var both = Block(Planner.Plan(Debt(Local(2, 27), second, invoice), Local(2, 27), history: history));
        Assert.Equal((DunningDisposition.Due, "100"), (both.Disposition, both.Invoice.Id));
    }

    [Fact]
    public void Only_a_suspension_notice_about_debt_overdue_now_counts()
    {
        var invoice = Invoice("100", Date(2, 2));
        var notYetDue = Invoice("200", Date(2, 27));
        const string NoNotice = "No suspension notice about the overdue debt has been sent; Anatel RGC (Res. 765/2023 art. 70) " +
            "requires one at least 15 days before any suspension.";

        var plainMessage = Block(Planner.Plan(Debt(Local(2, 27), invoice), Local(2, 27),
            history: [Entry("overdue-1", "100", Date(2, 3), Local(2, 3))]));
        Assert.Equal((DunningDisposition.Skipped, NoNotice), (plainMessage.Disposition, plainMessage.Reason));

        var aboutTodaysInvoice = Block(Planner.Plan(Debt(Local(2, 27), invoice, notYetDue), Local(2, 27),
            history: [NoticeSent("200", Local(2, 12))]));
        Assert.Equal((DunningDisposition.Skipped, NoNotice), (aboutTodaysInvoice.Disposition, aboutTodaysInvoice.Reason));
    }

    [Fact]
    public void Suspension_on_a_holiday_is_deferred_to_the_next_business_day_with_the_reason()
    {
        var invoice = Invoice("100", Date(3, 27)); // suspension D+25 = Tuesday 21 April, Tiradentes
        var history = new[] { NoticeSent("100", Local(4, 1)) };

        var holiday = Block(Planner.Plan(Debt(Local(4, 21), invoice), Local(4, 21), history: history));
        Assert.Equal(DunningDisposition.Deferred, holiday.Disposition);
        Assert.Equal(Local(4, 22, 0), holiday.NotBefore);
        Assert.Equal("Not a business day (weekend or holiday): the customer could not reach the ISP; deferred to the next business day.",
            holiday.Reason);

        var anyDay = new DunningPlanner(new DunningSchedule { Steps = DunningSchedule.Rgc765.Steps, AccessChangesOnNonBusinessDays = true });
        Assert.Equal(DunningDisposition.Due, Block(anyDay.Plan(Debt(Local(4, 21), invoice), Local(4, 21), history: history)).Disposition);
    }

    [Fact]
    public void The_latest_and_strongest_restriction_on_the_oldest_invoice_is_chosen()
    {
        var planner = new DunningPlanner(new DunningSchedule
        {
            Steps =
            [
                DunningStep.SuspensionNotice("notice", 5, "n"),
                DunningStep.ThrottleTo("slow", 25, Bandwidth.FromMegabits(2)),
                DunningStep.ThrottleTo("b-slower", 28, Bandwidth.FromMegabits(1)),
                DunningStep.ThrottleTo("a-slower", 28, Bandwidth.FromMegabits(1)),
                DunningStep.Suspend("suspension", 40),
            ],
            AccessChangesOnNonBusinessDays = true,
        });
        var old = Invoice("100", Date(2, 2));
        var newer = Invoice("200", Date(2, 3));
        var history = new[] { NoticeSent("100", Local(2, 7)), NoticeSent("200", Local(2, 8)) };

        var throttle = Block(planner.Plan(Debt(Local(3, 3), newer, old), Local(3, 3), history: history)); // old D+29, newer D+28
        Assert.Equal(("a-slower", "100", Date(3, 2)), (throttle.Step.Key, throttle.Invoice.Id, throttle.ScheduledDate));

        var block = Block(planner.Plan(Debt(Local(3, 14), newer, old), Local(3, 14), history: history)); // old D+40, newer D+39
        Assert.Equal(("suspension", "100"), (block.Step.Key, block.Invoice.Id));

        var both = Block(planner.Plan(Debt(Local(3, 15), newer, old), Local(3, 15), history: history)); // both D+40 or later
        Assert.Equal(("suspension", "100", Date(3, 14)), (both.Step.Key, both.Invoice.Id, both.ScheduledDate));
    }

    [Fact]
    public void The_restriction_acts_on_the_invoice_contract_or_else_on_every_active_contract()
    {
        var history = new[] { NoticeSent("100", Local(2, 12)) };
        Contract[] contracts = [Contract("K2"), Contract("K1"), Contract("K3", AccessStatus.Inactive)];
        DunningPlannedAction BlockFor(string? contractId, Contract[] list) =>
            Block(Planner.Plan(Debt(Local(2, 27), list, Invoice("100", Date(2, 2), contractId)), Local(2, 27), history: history));

        Assert.Equal(["K2"], BlockFor("K2", contracts).Subscribers.Select(s => s.ContractId));
        Assert.Equal(["K1", "K2"], BlockFor("K9", contracts).Subscribers.Select(s => s.ContractId));
        Assert.Equal(["K1", "K2"], BlockFor(null, contracts).Subscribers.Select(s => s.ContractId));
        Assert.Equal(["K1", "K2"], BlockFor("K3", contracts).Subscribers.Select(s => s.ContractId));

        Contract[] trusted = [Contract("K1", AccessStatus.TrustUnlocked), Contract("K2")];
        var other = BlockFor("K2", trusted);
        Assert.Equal((DunningDisposition.Due, "K2"), (other.Disposition, Assert.Single(other.Subscribers).ContractId));
        var same = BlockFor("K1", trusted);
        Assert.Equal((DunningDisposition.Skipped,
            "A trust unlock is active (the customer promised to pay); no throttle or suspension meanwhile."), (same.Disposition, same.Reason));

        var none = BlockFor("K1", [Contract("K1", AccessStatus.Inactive)]);
        Assert.Equal((DunningDisposition.Skipped, "The customer has no active contract to act on."), (none.Disposition, none.Reason));
        Assert.Empty(none.Subscribers);
    }

    [Fact]
    public void Opt_out_reasons_are_exact()
    {
        var history = new[] { NoticeSent("100", Local(2, 12)) };
        var access = Block(Planner.Plan(Debt(Local(2, 27), Invoice("100", Date(2, 2))), Local(2, 27), DunningOptOut.AccessChanges, history));
        Assert.Equal((DunningDisposition.Skipped, "The customer opted out of automated throttling and suspension."), (access.Disposition, access.Reason));

        var message = Assert.Single(Planner.Plan(Debt(Local(3, 10), Invoice("200", Date(3, 10))), Local(3, 10), DunningOptOut.Notifications));
        Assert.Equal((DunningDisposition.Skipped, "The customer opted out of automated messages."), (message.Disposition, message.Reason));

        var notificationsOnly = Block(Planner.Plan(Debt(Local(2, 27), Invoice("100", Date(2, 2))), Local(2, 27), DunningOptOut.Notifications, history));
        Assert.Equal(DunningDisposition.Due, notificationsOnly.Disposition);
        var accessOnly = Assert.Single(Planner.Plan(Debt(Local(3, 10), Invoice("200", Date(3, 10))), Local(3, 10), DunningOptOut.AccessChanges));
        Assert.Equal(DunningDisposition.Due, accessOnly.Disposition);
    }

    [Fact]
    public void An_access_change_done_today_is_reported_skipped_and_one_done_before_is_not_planned()
    {
        var invoice = Invoice("100", Date(2, 2));
        var notice = NoticeSent("100", Local(2, 12));
        var blocked = Entry("suspension", "100", Date(2, 27), Local(2, 27, 9, 15), DunningActionKind.Block);

        var again = Block(Planner.Plan(Debt(Local(2, 27, 15), invoice), Local(2, 27, 15), history: [notice, blocked]));
        Assert.Equal((DunningDisposition.Skipped, "Already done today at 09:15."), (again.Disposition, again.Reason));

        Assert.Null(AccessOrNull(Planner.Plan(Debt(Local(3, 2), invoice), Local(3, 2), history: [notice, blocked])));

        // The same block recorded late in the evening (UTC the next day) is still "today" in São Paulo.
        var lateEntry = Entry("suspension", "100", Date(2, 27), new DateTimeOffset(2026, 2, 28, 1, 0, 0, TimeSpan.Zero), DunningActionKind.Block);
        var evening = Block(Planner.Plan(Debt(Local(2, 27, 23), invoice), Local(2, 27, 23, 30), history: [notice, lateEntry]));
        Assert.Equal("Already done today at 22:00.", evening.Reason);
    }

    [Fact]
    public void A_message_done_today_is_skipped_with_its_time_and_one_done_yesterday_is_not_planned()
    {
        var invoice = Invoice("100", Date(3, 3));
        var sent = Entry("overdue-5", "100", Date(3, 8), Local(3, 9, 8, 5));

        var again = Assert.Single(Planner.Plan(Debt(Local(3, 9, 16), invoice), Local(3, 9, 16), history: [sent]));
        Assert.Equal(("overdue-5", DunningDisposition.Skipped, "Already done today at 08:05."), (again.Step.Key, again.Disposition, again.Reason));
        Assert.Empty(Planner.Plan(Debt(Local(3, 10), invoice), Local(3, 10), history: [sent]));
        // The first entry of a key wins; a duplicate later entry does not change the answer.
        var duplicate = Entry("overdue-5", "100", Date(3, 8), Local(3, 9, 11));
        Assert.Equal("Already done today at 08:05.",
            Assert.Single(Planner.Plan(Debt(Local(3, 9, 16), invoice), Local(3, 9, 16), history: [sent, duplicate])).Reason);
    }

    [Fact]
    public void Reaching_an_access_step_needs_an_open_overdue_invoice_at_the_first_restriction_day()
    {
        var open = Invoice("100", Date(2, 2));
        Assert.False(Planner.ReachesAccessStep([open], Date(2, 26)));
        Assert.True(Planner.ReachesAccessStep([open], Date(2, 27)));
        Assert.False(Planner.ReachesAccessStep([Invoice("100", Date(2, 2), status: InvoiceStatus.Paid)], Date(2, 27)));
        Assert.False(Planner.ReachesAccessStep([Invoice("100", Date(2, 2), open: 0m)], Date(2, 27)));
        Assert.True(Planner.ReachesAccessStep([Invoice("100", Date(2, 2), status: InvoiceStatus.PartiallyPaid, open: 1m)], Date(2, 27)));
        Assert.True(Planner.ReachesAccessStep([Invoice("050", Date(3, 1)), open], Date(2, 27)));

        var throttleFirst = new DunningPlanner(DunningSchedule.FromJson(DunningScheduleTests.ExampleJson)); // throttle D+25, block D+30
        Assert.True(throttleFirst.ReachesAccessStep([open], Date(2, 27)));
        Assert.False(throttleFirst.ReachesAccessStep([open], Date(2, 26)));

        var messagesOnly = new DunningPlanner(new DunningSchedule { Steps = [DunningStep.Notify("r", 1, "t")] });
        Assert.False(messagesOnly.ReachesAccessStep([open], Date(12, 31)));
        Assert.Null(AccessOrNull(messagesOnly.Plan(Debt(Local(12, 31), open), Local(12, 31))));
    }

    // ---- found by the mutation run (survivors of 2026-11-30)

    [Fact]
    public void Actions_of_invoices_due_the_same_day_are_ordered_by_invoice_id()
    {
        var a = Invoice("100", Date(3, 10));
        var b = Invoice("200", Date(3, 10));
        var sent = Entry("due-today", "100", Date(3, 10), Local(3, 10, 8, 30));

        var plan = Planner.Plan(Debt(Local(3, 10), b, a), Local(3, 10), history: [sent]);
        Assert.Equal([("100", DunningDisposition.Skipped), ("200", DunningDisposition.Due)], plan.Select(x => (x.Invoice.Id, x.Disposition)));
    }

    [Fact]
    public void A_message_about_one_invoice_is_exactly_the_planned_record()
    {
        var invoice = Invoice("100", Date(3, 10));
        var action = Assert.Single(Planner.Plan(Debt(Local(3, 10), invoice), Local(3, 10)));
        var expected = new DunningPlannedAction
        {
            CustomerId = "1", Step = DunningSchedule.Rgc765.Steps[1], Invoice = invoice, ScheduledDate = Date(3, 10), Disposition = DunningDisposition.Due,
        };
        Assert.Equal(expected, action);
    }

    [Fact]
    public void Among_invoices_due_the_same_day_the_lowest_id_is_the_restriction_target()
    {
        var history = new[] { NoticeSent("100", Local(2, 12)), NoticeSent("200", Local(2, 12)) };
        var block = Block(Planner.Plan(Debt(Local(2, 27), Invoice("200", Date(2, 2)), Invoice("100", Date(2, 2))), Local(2, 27), history: history));
        Assert.Equal(("100", DunningDisposition.Due), (block.Invoice.Id, block.Disposition));
    }

    [Fact]
    public void One_trust_unlocked_contract_among_several_holds_the_restriction()
    {
        var history = new[] { NoticeSent("100", Local(2, 12)) };
        Contract[] contracts = [Contract("K1", AccessStatus.TrustUnlocked), Contract("K2")];
        var block = Block(Planner.Plan(Debt(Local(2, 27), contracts, Invoice("100", Date(2, 2), contractId: null)), Local(2, 27), history: history));
        Assert.Equal(DunningDisposition.Skipped, block.Disposition);
        Assert.Equal(["K1", "K2"], block.Subscribers.Select(x => x.ContractId));
    }
}
