using System.Globalization;
using Cobranca.Connectors.Abstractions;

namespace Cobranca.Connectors.Workflows;

/// <summary>
/// Decides, for one customer's <see cref="DebtStatus"/> at one moment, which steps of a <see cref="DunningSchedule"/>
/// are due, deferred or skipped. A pure function of its inputs (schedule, holidays, debt, moment, opt-out, history):
/// the same inputs always give the same plan, in the same order, with no I/O.
/// </summary>
/// <remarks>
/// <list type="bullet">
/// <item>Messages: per open invoice, the latest notify step whose scheduled day (due date + offset) is reached (a missed
/// earlier reminder is superseded; a pre-due reminder is never sent after the due date); moved to the next business day
/// and out of quiet hours (deferred, never dropped); dropped as stale after the grace period, except the suspension
/// notice, which stays due while the invoice is overdue. Already executed ones (in the history) are not planned again;
/// on the day they ran they are reported as skipped. A step due for several invoices of the customer is one message
/// about all of them (<see cref="DunningPlannedAction.Invoices"/>): one suspension notice per customer, not per invoice.</item>
/// <item>Access changes: at most one per customer, the strongest reached (block over throttle, then the latest step),
/// only for overdue invoices, never for trust-unlocked contracts, and only when a suspension notice about the overdue
/// debt was recorded at least <see cref="DunningSchedule.SuspensionNoticeDays"/> days before (Anatel RGC, Res. 765/2023 art. 70).</item>
/// </list>
/// </remarks>
public sealed class DunningPlanner
{
    private readonly IHolidayCalendar _holidays;
    private readonly int? _firstAccessDay;
    private readonly DunningStep[] _notifySteps;

    /// <summary>Creates a planner.</summary>
    /// <param name="schedule">The schedule; validated here.</param>
    /// <param name="holidays">Holidays; <see cref="HolidayCalendar.BrazilNational"/> by default.</param>
    /// <exception cref="ConnectorValidationException">The schedule is invalid.</exception>
    public DunningPlanner(DunningSchedule schedule, IHolidayCalendar? holidays = null)
    {
        ArgumentNullException.ThrowIfNull(schedule);
        schedule.EnsureValid();
        Schedule = schedule;
        _holidays = holidays ?? HolidayCalendar.BrazilNational;
        _notifySteps = schedule.Steps.Where(s => s.Action == DunningActionKind.Notify).ToArray();
        _firstAccessDay = schedule.Steps.Where(s => s.Action is DunningActionKind.Throttle or DunningActionKind.Block)
            .Select(s => (int?)s.Day).Min();
    }

    /// <summary>The schedule.</summary>
    public DunningSchedule Schedule { get; }

    /// <summary>True for Monday to Friday dates that are not holidays.</summary>
    /// <param name="date">A São Paulo date.</param>
    public bool IsBusinessDay(DateOnly date) =>
        date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && !_holidays.IsHoliday(date);

    /// <summary>Plans one customer.</summary>
    /// <param name="debt">The customer's debt, freshly read.</param>
    /// <param name="at">The moment (converted to São Paulo time).</param>
    /// <param name="optOut">What the customer opted out of.</param>
    /// <param name="history">The customer's executed actions (from the <see cref="IDunningLedger"/>).</param>
    /// <returns>The relevant steps, ordered by invoice due date, invoice id, step day and step key.</returns>
    public IReadOnlyList<DunningPlannedAction> Plan(DebtStatus debt, DateTimeOffset at, DunningOptOut optOut = DunningOptOut.None,
        IReadOnlyList<DunningLedgerEntry>? history = null)
    {
        ArgumentNullException.ThrowIfNull(debt);
        var local = TimeZoneInfo.ConvertTime(at, BrazilTime.Zone);
        var today = DateOnly.FromDateTime(local.DateTime);
        var done = new Dictionary<string, DunningLedgerEntry>(StringComparer.Ordinal);
        foreach (var entry in history ?? []) done.TryAdd(entry.Key, entry);

        var invoices = debt.Overdue.Concat(debt.Upcoming)
            .Where(i => i.Status is InvoiceStatus.Open or InvoiceStatus.PartiallyPaid && i.OpenAmount > 0)
            .DistinctBy(i => i.Id, StringComparer.Ordinal)
            .OrderBy(i => i.DueDate).ThenBy(i => i.Id, StringComparer.Ordinal)
            .ToList();

        var messages = new List<DunningPlannedAction>();
        foreach (var invoice in invoices)
        {
            var reached = _notifySteps.Where(s => invoice.DueDate.AddDays(s.Day) <= today).ToList();
            // Only the latest reached message of an invoice is sent: a missed reminder is superseded by the next one.
            var latest = reached.Where(s => !s.IsSuspensionNotice).Select(s => s.Day).DefaultIfEmpty(int.MinValue).Max();
            foreach (var step in reached)
            {
                if (!step.IsSuspensionNotice && (step.Day < latest || (step.Day <= 0 && today > invoice.DueDate))) continue;
                if (PlanNotification(debt.CustomerId, invoice, step, local, today, optOut, done) is { } action) messages.Add(action);
            }
        }
        var plan = GroupPerStep(messages);
        if (PlanAccessChange(debt, invoices, today, optOut, done, history ?? []) is { } access) plan.Add(access);

        return plan
            .OrderBy(a => a.Invoice.DueDate).ThenBy(a => a.Invoice.Id, StringComparer.Ordinal)
            .ThenBy(a => a.Step.Day).ThenBy(a => a.Step.Key, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>
    /// One message per customer and step: the same step due (or deferred, or skipped for the same reason) for several
    /// invoices becomes one action about all of them, ordered by due date (a customer with three overdue invoices gets one
    /// suspension notice, not three).
    /// </summary>
    private static List<DunningPlannedAction> GroupPerStep(List<DunningPlannedAction> messages)
    {
        var plan = new List<DunningPlannedAction>(messages.Count);
        foreach (var group in messages.GroupBy(a => (a.Step.Key, a.Disposition, a.NotBefore, a.Reason)))
        {
            var first = group.First();
            plan.Add(group.Skip(1).Any() ? first with { Invoices = group.Select(a => a.Invoice).ToList() } : first);
        }
        return plan;
    }

    /// <summary>
    /// True when <paramref name="openInvoices"/> reach a throttle/block step on <paramref name="today"/>: only then does
    /// the plan need the customer's contracts (and the runner a fresh read before acting).
    /// </summary>
    internal bool ReachesAccessStep(IEnumerable<Invoice> openInvoices, DateOnly today)
    {
        if (_firstAccessDay is not { } first) return false;
        foreach (var invoice in openInvoices)
        {
            if (invoice.Status is InvoiceStatus.Open or InvoiceStatus.PartiallyPaid && invoice.OpenAmount > 0
                && invoice.DueDate < today && invoice.DueDate.AddDays(first) <= today) return true;
        }
        return false;
    }

    private DunningPlannedAction? PlanNotification(string customerId, Invoice invoice, DunningStep step, DateTimeOffset local,
        DateOnly today, DunningOptOut optOut, Dictionary<string, DunningLedgerEntry> done)
    {
        var scheduled = invoice.DueDate.AddDays(step.Day);
        if (scheduled > today) return null;
        var action = new DunningPlannedAction
        {
            CustomerId = customerId, Step = step, Invoice = invoice, ScheduledDate = scheduled, Disposition = DunningDisposition.Due,
        };
        if (done.Count > 0) // the key is only built when there is a history to look it up in
        {
            var key = action.Key;
            if (AlreadyDone(action, key, done, today) is { } repeat) return repeat;
            if (done.ContainsKey(key)) return null;
        }

        // Stale reminders are dropped (weeks late they help nobody); the suspension notice never is: suspension depends on it.
        var effective = Schedule.NotifyOnNonBusinessDays ? scheduled : NextBusinessDay(scheduled);
        if (!step.IsSuspensionNotice && today > AddGrace(effective)) return null;

        if (optOut.HasFlag(DunningOptOut.Notifications))
            return action with { Disposition = DunningDisposition.Skipped, Reason = "The customer opted out of automated messages." };

        var next = NextNotificationMoment(local);
        if (next > local)
        {
            var why = Schedule.QuietHours is { } q && q.Contains(TimeOnly.FromDateTime(local.DateTime))
                ? $"Quiet hours ({q}); deferred to the next allowed moment."
                : "Not a business day (weekend or holiday); deferred to the next business day.";
            return action with { Disposition = DunningDisposition.Deferred, NotBefore = next, Reason = why };
        }
        return action;
    }

    private DunningPlannedAction? PlanAccessChange(DebtStatus debt, List<Invoice> invoices, DateOnly today,
        DunningOptOut optOut, Dictionary<string, DunningLedgerEntry> done, IReadOnlyList<DunningLedgerEntry> history)
    {
        if (!ReachesAccessStep(invoices, today)) return null; // most customers: nothing to look at
        var overdue = invoices.Where(i => i.DueDate < today).ToList();
        var reached = (
            from invoice in overdue
            from step in Schedule.Steps
            where step.Action is DunningActionKind.Block or DunningActionKind.Throttle
            let scheduled = invoice.DueDate.AddDays(step.Day)
            where scheduled <= today
            select (invoice, step, scheduled)).ToList();
        if (reached.Count == 0) return null;

        var (target, chosen, date) = reached
            .OrderByDescending(r => r.step.Action == DunningActionKind.Block)
            .ThenByDescending(r => r.step.Day).ThenBy(r => r.step.Key, StringComparer.Ordinal)
            .ThenBy(r => r.invoice.DueDate).ThenBy(r => r.invoice.Id, StringComparer.Ordinal)
            .First();

        var contracts = debt.Contracts.Where(c => c.Access.Status != AccessStatus.Inactive).ToList();
        if (target.ContractId is { } contractId && contracts.Any(c => c.Id == contractId))
            contracts = contracts.Where(c => c.Id == contractId).ToList();
        var action = new DunningPlannedAction
        {
            CustomerId = debt.CustomerId, Step = chosen, Invoice = target, ScheduledDate = date, Disposition = DunningDisposition.Due,
            Subscribers = contracts.OrderBy(c => c.Id, StringComparer.Ordinal).Select(c => c.ToSubscriber()).ToList(),
        };
        if (done.Count > 0) // the key is only built when there is a history to look it up in
        {
            var key = action.Key;
            if (AlreadyDone(action, key, done, today) is { } repeat) return repeat;
            if (done.ContainsKey(key)) return null;
        }

        if (optOut.HasFlag(DunningOptOut.AccessChanges))
            return Skip(action, "The customer opted out of automated throttling and suspension.");
        if (contracts.Count == 0) return Skip(action, "The customer has no active contract to act on.");
        if (contracts.Any(c => c.Access.Status == AccessStatus.TrustUnlocked))
            return Skip(action, "A trust unlock is active (the customer promised to pay); no throttle or suspension meanwhile.");

        var overdueIds = overdue.Select(i => i.Id).ToHashSet(StringComparer.Ordinal);
        var notice = history
            .Where(h => h.IsSuspensionNotice && overdueIds.Contains(h.InvoiceId))
            .Select(h => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(h.ExecutedAt, BrazilTime.Zone).DateTime))
            .DefaultIfEmpty()
            .Min();
        if (notice == default)
        {
            return Skip(action, "No suspension notice about the overdue debt has been sent; Anatel RGC (Res. 765/2023 art. 70) " +
                $"requires one at least {Schedule.SuspensionNoticeDays} days before any suspension.");
        }

        var allowed = EarliestRestriction(notice);
        if (today < allowed)
        {
            var why = string.Create(CultureInfo.InvariantCulture,
                $"Suspension notice sent on {notice:yyyy-MM-dd}; service may be restricted from {allowed:yyyy-MM-dd} (notice + {Schedule.SuspensionNoticeDays} days");
            why += Schedule.AccessChangesOnNonBusinessDays ? ")." : ", on a business day).";
            return action with { Disposition = DunningDisposition.Deferred, NotBefore = StartOf(allowed), Reason = why };
        }
        if (!Schedule.AccessChangesOnNonBusinessDays && !IsBusinessDay(today))
        {
            return action with
            {
                Disposition = DunningDisposition.Deferred,
                NotBefore = StartOf(NextBusinessDay(today)),
                Reason = "Not a business day (weekend or holiday): the customer could not reach the ISP; deferred to the next business day.",
            };
        }
        return action;

        static DunningPlannedAction Skip(DunningPlannedAction a, string why) => a with { Disposition = DunningDisposition.Skipped, Reason = why };
    }

    private static DunningPlannedAction? AlreadyDone(DunningPlannedAction action, string key, Dictionary<string, DunningLedgerEntry> done, DateOnly today)
    {
        if (!done.TryGetValue(key, out var entry)) return null;
        var when = TimeZoneInfo.ConvertTime(entry.ExecutedAt, BrazilTime.Zone);
        if (DateOnly.FromDateTime(when.DateTime) != today) return null;
        return action with
        {
            Disposition = DunningDisposition.Skipped,
            Reason = string.Create(CultureInfo.InvariantCulture, $"Already done today at {when:HH:mm}."),
        };
    }

    /// <summary>The first day service may be restricted after a suspension notice sent on <paramref name="noticeDate"/>.</summary>
    internal DateOnly EarliestRestriction(DateOnly noticeDate)
    {
        var allowed = noticeDate.AddDays(Schedule.SuspensionNoticeDays);
        return Schedule.AccessChangesOnNonBusinessDays ? allowed : NextBusinessDay(allowed);
    }

    private DateOnly NextBusinessDay(DateOnly date)
    {
        while (!IsBusinessDay(date)) date = date.AddDays(1);
        return date;
    }

    private DateOnly AddGrace(DateOnly effective)
    {
        if (Schedule.NotifyOnNonBusinessDays) return effective.AddDays(Schedule.NotificationGraceDays);
        var date = effective;
        for (var left = Schedule.NotificationGraceDays; left > 0;)
        {
            date = date.AddDays(1);
            if (IsBusinessDay(date)) left--;
        }
        return date;
    }

    /// <summary>The first moment at or after <paramref name="local"/> when a message may go out.</summary>
    private DateTimeOffset NextNotificationMoment(DateTimeOffset local)
    {
        var date = DateOnly.FromDateTime(local.DateTime);
        var time = TimeOnly.FromDateTime(local.DateTime);
        var moved = false;
        if (Schedule.QuietHours is { } quiet && quiet.Contains(time))
        {
            if (quiet.Start > quiet.End && time >= quiet.Start) date = date.AddDays(1);
            time = quiet.End;
            moved = true;
        }
        while (!Schedule.NotifyOnNonBusinessDays && !IsBusinessDay(date))
        {
            date = date.AddDays(1);
            time = FirstAllowedTime();
            moved = true;
        }
        return moved ? BrazilTime.FromLocal(date.ToDateTime(time)) : local;
    }

    private TimeOnly FirstAllowedTime() =>
        Schedule.QuietHours is { } q && q.Contains(TimeOnly.MinValue) ? q.End : TimeOnly.MinValue;

    private static DateTimeOffset StartOf(DateOnly date) => BrazilTime.FromLocal(date.ToDateTime(TimeOnly.MinValue));
}
