namespace Cobranca.Connectors.Boleto.Tests;

public class DueDateFactorTests
{
    [Theory]
    [InlineData("2000-07-03", 1000)]
    [InlineData("2012-04-27", 5316)]
    [InlineData("2016-09-15", 6918)]
    [InlineData("2022-05-29", 9000)]
    [InlineData("2025-01-16", 9963)]
    [InlineData("2025-02-20", 9998)]
    [InlineData("2025-02-21", 9999)]
    [InlineData("2025-02-22", 1000)]
    [InlineData("2025-02-23", 1001)]
    [InlineData("2025-03-05", 1011)]
    [InlineData("2025-04-05", 1042)]
    [InlineData("2026-06-22", 1485)]
    [InlineData("2049-10-13", 9999)]
    [InlineData("2049-10-14", 1000)]
    public void Encodes_the_reference_table(string date, int factor)
    {
        Assert.Equal(factor, DueDateFactor.FromDate(DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Fact]
    public void Base_date_alone_has_no_current_factor()
    {
        Assert.Equal(0, DueDateFactor.BaseDate.DayNumber - new DateOnly(1997, 10, 7).DayNumber);
        Assert.Throws<ArgumentOutOfRangeException>(() => DueDateFactor.FromDate(DueDateFactor.BaseDate));
    }

    [Theory]
    [InlineData(1042, "2025-04-05")]
    [InlineData(9963, "2025-01-16")]
    [InlineData(1485, "2026-06-22")]
    [InlineData(1524, "2026-07-31")]
    public void Decodes_the_reference_table_with_today_2026_01_15(int factor, string expected)
    {
        Assert.True(DueDateFactor.TryToDate(factor, BoletoVectors.Today, out var date));
        Assert.Equal(DateOnly.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), date);
    }

    [Fact]
    public void Factor_6918_has_no_candidate_in_2026()
    {
        // 2016-09-15 is 3409 days back, 2041-05-07 is 5591 days ahead: both outside −3000/+5500.
        Assert.False(DueDateFactor.TryToDate(6918, BoletoVectors.Today, out _));
        Assert.Equal(3409, BoletoVectors.Today.DayNumber - new DateOnly(2016, 9, 15).DayNumber);
        Assert.Equal(5591, new DateOnly(2041, 5, 7).DayNumber - BoletoVectors.Today.DayNumber);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(10000)]
    public void Out_of_range_factors_do_not_decode(int factor)
    {
        Assert.False(DueDateFactor.TryToDate(factor, BoletoVectors.Today, out _));
    }

    [Fact]
    public void Extreme_reference_dates_do_not_throw()
    {
        Assert.False(DueDateFactor.TryToDate(1000, DateOnly.MaxValue, out _));
        Assert.False(DueDateFactor.TryToDate(1000, DateOnly.MinValue, out _));
    }

    [Fact]
    public void Every_day_for_a_century_round_trips_through_the_window()
    {
        // Independent of the closed form: walk day by day from factor 1000, restarting after 9999.
        var factor = 1000;
        for (var date = new DateOnly(2000, 7, 3); date <= new DateOnly(2099, 12, 31); date = date.AddDays(1))
        {
            Assert.Equal(factor, DueDateFactor.FromDate(date));
            // Read any day from 3000 days before to 5500 days after... sample the two edges and the due date itself.
            foreach (var today in new[] { date.AddDays(-5500), date, date.AddDays(3000) })
            {
                Assert.True(DueDateFactor.TryToDate(factor, today, out var decoded));
                Assert.Equal(date, decoded);
            }
            Assert.False(DueDateFactor.TryToDate(factor, date.AddDays(3001), out var after) && after == date);
            factor = factor == 9999 ? 1000 : factor + 1;
        }
    }
}
