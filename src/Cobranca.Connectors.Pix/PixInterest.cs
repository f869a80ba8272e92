namespace Cobranca.Connectors.Pix;

/// <summary>Late interest (<c>juros</c>) on a <c>cobv</c> paid after its due date, computed by the PSP.</summary>
/// <param name="Modality">Unit and day count (see <see cref="PixInterestModality"/>).</param>
/// <param name="Value">The amount (BRL) or the percentage, per <paramref name="Modality"/>.</param>
public sealed record PixInterest(PixInterestModality Modality, decimal Value)
{
    /// <summary>Percent per month over calendar days (modality 3), e.g. <c>PercentPerMonth(1m)</c> for 1 % a.m.</summary>
    /// <param name="percent">Monthly percentage.</param>
    public static PixInterest PercentPerMonth(decimal percent) => new(PixInterestModality.PercentPerMonthCalendarDays, percent);
}
