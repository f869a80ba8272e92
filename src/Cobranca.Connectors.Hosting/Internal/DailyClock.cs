namespace Cobranca.Connectors.Hosting.Internal;

/// <summary>Local-time arithmetic for a daily job in a tenant's time zone.</summary>
internal static class DailyClock
{
    /// <summary>The instant of <paramref name="time"/> on <paramref name="date"/> in <paramref name="zone"/>; a local
    /// time skipped by a daylight-saving jump moves forward to the first valid minute.</summary>
    public static DateTimeOffset At(DateOnly date, TimeOnly time, TimeZoneInfo zone)
    {
        var local = date.ToDateTime(time, DateTimeKind.Unspecified);
        for (var i = 0; zone.IsInvalidTime(local) && i < 48 * 60; i++) local = local.AddMinutes(1);
        return new DateTimeOffset(local, zone.GetUtcOffset(local));
    }

    /// <summary>The local date of <paramref name="instant"/> in <paramref name="zone"/>.</summary>
    public static DateOnly LocalDate(DateTimeOffset instant, TimeZoneInfo zone) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, zone).DateTime);

    /// <summary>
    /// The date of the first run for a host starting at <paramref name="now"/>: today when today's run time is still
    /// ahead, or when it has passed and <paramref name="catchUp"/> (run once now: the ledger makes a repeated day
    /// harmless); otherwise tomorrow.
    /// </summary>
    public static DateOnly FirstRunDate(DateTimeOffset now, TimeOnly runAt, TimeZoneInfo zone, bool catchUp)
    {
        var today = LocalDate(now, zone);
        return now <= At(today, runAt, zone) || catchUp ? today : today.AddDays(1);
    }

    /// <summary>The date after a run of <paramref name="ran"/>: the next day, or today when the clock jumped past days.</summary>
    public static DateOnly NextRunDate(DateOnly ran, DateTimeOffset now, TimeZoneInfo zone)
    {
        var next = ran.AddDays(1);
        var today = LocalDate(now, zone);
        return next < today ? today : next;
    }

    /// <summary>Monday to Friday and not a holiday.</summary>
    public static bool IsBusinessDay(DateOnly date, Workflows.IHolidayCalendar holidays) =>
        date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && !holidays.IsHoliday(date);
}
