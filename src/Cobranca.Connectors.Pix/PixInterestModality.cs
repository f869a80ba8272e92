namespace Cobranca.Connectors.Pix;

/// <summary><c>cobv.juros.modalidade</c>: how late interest (juros de mora) accrues. Numbers are the BACEN codes.</summary>
public enum PixInterestModality
{
    /// <summary>1: amount per calendar day.</summary>
    AmountPerCalendarDay = 1,

    /// <summary>2: percent per day, calendar days.</summary>
    PercentPerDayCalendarDays = 2,

    /// <summary>3: percent per month, calendar days (the usual "1 % a.m. pro rata die").</summary>
    PercentPerMonthCalendarDays = 3,

    /// <summary>4: percent per year, calendar days.</summary>
    PercentPerYearCalendarDays = 4,

    /// <summary>5: amount per business day.</summary>
    AmountPerBusinessDay = 5,

    /// <summary>6: percent per day, business days.</summary>
    PercentPerDayBusinessDays = 6,

    /// <summary>7: percent per month, business days.</summary>
    PercentPerMonthBusinessDays = 7,

    /// <summary>8: percent per year, business days.</summary>
    PercentPerYearBusinessDays = 8,
}
