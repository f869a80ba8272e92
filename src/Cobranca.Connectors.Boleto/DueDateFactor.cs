namespace Cobranca.Connectors.Boleto;

/// <summary>
/// The FEBRABAN due-date factor (positions 6–9 of the barcode): days since 1997-10-07, restarted at 1000 on
/// 2025-02-22 after reaching 9999, so it repeats every 9000 days. Decoding needs a reference date ("today"):
/// the date is the candidate inside the window of <see cref="WindowPastDays"/> days back and
/// <see cref="WindowFutureDays"/> days ahead.
/// </summary>
public static class DueDateFactor
{
    /// <summary>Day 0 of the factor: 1997-10-07.</summary>
    public static readonly DateOnly BaseDate = new(1997, 10, 7);

    /// <summary>The first day of the second cycle (factor 1000 again): 2025-02-22.</summary>
    public static readonly DateOnly ResetDate = new(2025, 2, 22);

    /// <summary>The smallest factor a boleto issued today can carry (1000 = 2000-07-03 in the first cycle).</summary>
    public const int MinFactor = 1000;

    /// <summary>The largest factor; the day after it the factor restarts at <see cref="MinFactor"/>.</summary>
    public const int MaxFactor = 9999;

    /// <summary>The length of a cycle: 9000 days.</summary>
    public const int CycleDays = MaxFactor - MinFactor + 1;

    /// <summary>How far back from the reference date a decoded due date may be (FEBRABAN: 3000 days).</summary>
    public const int WindowPastDays = 3000;

    /// <summary>How far ahead of the reference date a decoded due date may be (FEBRABAN: 5500 days).</summary>
    public const int WindowFutureDays = 5500;

    /// <summary>Encodes a due date as its factor (1000–9999), applying the 2025-02-22 reset and later cycles.</summary>
    /// <param name="dueDate">A due date from 2000-07-03 on.</param>
    /// <exception cref="ArgumentOutOfRangeException">The date is before 2000-07-03 (factor below 1000).</exception>
    public static int FromDate(DateOnly dueDate)
    {
        var days = dueDate.DayNumber - BaseDate.DayNumber;
        if (days < MinFactor)
        {
            throw new ArgumentOutOfRangeException(nameof(dueDate), dueDate, "Due dates before 2000-07-03 have no factor in the current rules.");
        }
        return days <= MaxFactor ? days : ((days - (MaxFactor + 1)) % CycleDays) + MinFactor;
    }

    /// <summary>
    /// Decodes a factor: the date <c>1997-10-07 + factor + 9000·k</c> that falls within
    /// [<paramref name="referenceDate"/> − 3000, <paramref name="referenceDate"/> + 5500]. At most one does.
    /// </summary>
    /// <param name="factor">The factor (1–9999; 0 means "no due date" and never decodes).</param>
    /// <param name="referenceDate">"Today" (America/Sao_Paulo) or the date the boleto was read.</param>
    /// <param name="dueDate">The due date, when one candidate is inside the window.</param>
    /// <returns>False when no candidate falls inside the window ("vencimento fora da faixa").</returns>
    public static bool TryToDate(int factor, DateOnly referenceDate, out DateOnly dueDate)
    {
        dueDate = default;
        if (factor is < 1 or > MaxFactor) return false;
        var lower = referenceDate.DayNumber - WindowPastDays;
        var upper = referenceDate.DayNumber + WindowFutureDays;
        var first = BaseDate.DayNumber + factor;
        // Stryker disable once Equality,Conditional : when first >= lower the division below is 0 as well (C# truncates
        // toward zero), or negative only when first is 9000+ days past the upper bound, which is refused below anyway.
        var cycles = first >= lower ? 0 : (lower - first + CycleDays - 1) / CycleDays;
        if (cycles > 0 && factor < MinFactor) return false; // later cycles only run 1000..9999
        var candidate = first + (cycles * CycleDays);
        if (candidate > upper || candidate > DateOnly.MaxValue.DayNumber) return false;
        dueDate = DateOnly.FromDayNumber(candidate);
        return true;
    }
}
