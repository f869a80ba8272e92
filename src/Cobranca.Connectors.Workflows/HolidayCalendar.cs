using System.Collections.Concurrent;

namespace Cobranca.Connectors.Workflows;

/// <summary>
/// A holiday calendar: Brazil's fixed national holidays (optionally the Easter-based dates banks close on) plus any
/// dates the host adds (state and municipal holidays, which vary by city). Thread-safe.
/// </summary>
/// <remarks>
/// Fixed national holidays: 1 Jan, 21 Apr (Tiradentes), 1 May, 7 Sep, 12 Oct (Lei 6.802/1980), 2 Nov, 15 Nov, 20 Nov
/// (from 2024, Lei 14.759/2023) and 25 Dec. Easter-based (<c>includeEasterBased</c>): Carnival Monday and Tuesday, Good
/// Friday and Corpus Christi; they are "ponto facultativo" or municipal by law but banks close on them.
/// </remarks>
public sealed class HolidayCalendar : IHolidayCalendar
{
    private readonly HashSet<DateOnly> _extra;
    private readonly bool _national;
    private readonly bool _easter;
    private readonly ConcurrentDictionary<int, HashSet<DateOnly>> _byYear = new();

    /// <summary>Creates a calendar.</summary>
    /// <param name="extraDates">Host holidays (state, municipal, company).</param>
    /// <param name="includeNationalFixed">Include the fixed national holidays.</param>
    /// <param name="includeEasterBased">Include Carnival Monday/Tuesday, Good Friday and Corpus Christi.</param>
    public HolidayCalendar(IEnumerable<DateOnly>? extraDates = null, bool includeNationalFixed = true, bool includeEasterBased = false)
    {
        _extra = extraDates is null ? [] : [.. extraDates];
        _national = includeNationalFixed;
        _easter = includeEasterBased;
    }

    /// <summary>The fixed national holidays only.</summary>
    public static HolidayCalendar BrazilNational { get; } = new();

    /// <summary>No holidays at all (weekends still count as non-business days where the schedule says so).</summary>
    public static HolidayCalendar None { get; } = new(includeNationalFixed: false);

    /// <inheritdoc />
    public bool IsHoliday(DateOnly date) =>
        _extra.Contains(date) || _byYear.GetOrAdd(date.Year, BuildYear).Contains(date);

    /// <summary>Brazil's fixed national holidays of <paramref name="year"/>, in date order.</summary>
    /// <param name="year">The year.</param>
    public static IReadOnlyList<DateOnly> NationalFixedHolidays(int year)
    {
        var days = new List<DateOnly>
        {
            new(year, 1, 1), new(year, 4, 21), new(year, 5, 1), new(year, 9, 7), new(year, 10, 12),
            new(year, 11, 2), new(year, 11, 15),
        };
        if (year >= 2024) days.Add(new DateOnly(year, 11, 20));
        days.Add(new DateOnly(year, 12, 25));
        return days;
    }

    /// <summary>Carnival Monday, Carnival Tuesday, Good Friday and Corpus Christi of <paramref name="year"/>, in date order.</summary>
    /// <param name="year">The year (Gregorian, 1583 or later).</param>
    public static IReadOnlyList<DateOnly> EasterBasedHolidays(int year)
    {
        var easter = EasterSunday(year);
        return [easter.AddDays(-48), easter.AddDays(-47), easter.AddDays(-2), easter.AddDays(60)];
    }

    /// <summary>Easter Sunday (Gregorian computus).</summary>
    /// <param name="year">The year (1583 or later).</param>
    public static DateOnly EasterSunday(int year)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(year, 1583);
        var a = year % 19;
        var b = year / 100;
        var c = year % 100;
        var d = b / 4;
        var e = b % 4;
        var f = (b + 8) / 25;
        var g = (b - f + 1) / 3;
        var h = (19 * a + b - d - g + 15) % 30;
        var i = c / 4;
        var k = c % 4;
        var l = (32 + 2 * e + 2 * i - h - k) % 7;
        var m = (a + 11 * h + 22 * l) / 451;
        var month = (h + l - 7 * m + 114) / 31;
        var day = (h + l - 7 * m + 114) % 31 + 1;
        return new DateOnly(year, month, day);
    }

    private HashSet<DateOnly> BuildYear(int year)
    {
        var set = new HashSet<DateOnly>();
        if (_national) set.UnionWith(NationalFixedHolidays(year));
        if (_easter && year >= 1583) set.UnionWith(EasterBasedHolidays(year));
        return set;
    }
}
