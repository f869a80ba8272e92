namespace Cobranca.Connectors.Pix;

/// <summary><c>cobv.desconto.modalidade</c>: how the early-payment discount works. Numbers are the BACEN codes.</summary>
public enum PixDiscountModality
{
    /// <summary>1: fixed amount until each date in <see cref="PixDiscount.FixedDates"/>.</summary>
    FixedAmountUntilDates = 1,

    /// <summary>2: percentage until each date in <see cref="PixDiscount.FixedDates"/>.</summary>
    PercentageUntilDates = 2,

    /// <summary>3: amount per calendar day of anticipation.</summary>
    AmountPerCalendarDayEarly = 3,

    /// <summary>4: amount per business day of anticipation.</summary>
    AmountPerBusinessDayEarly = 4,

    /// <summary>5: percent per calendar day of anticipation.</summary>
    PercentPerCalendarDayEarly = 5,

    /// <summary>6: percent per business day of anticipation.</summary>
    PercentPerBusinessDayEarly = 6,
}
