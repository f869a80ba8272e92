namespace Cobranca.Connectors.Workflows.Tests;

public sealed class HolidayCalendarTests
{
    [Theory]
    [InlineData(2024, 3, 31)]
    [InlineData(2025, 4, 20)]
    [InlineData(2026, 4, 5)]
    [InlineData(2027, 3, 28)]
    [InlineData(2038, 4, 25)]
    public void Easter_sunday(int year, int month, int day) =>
        Assert.Equal(new DateOnly(year, month, day), HolidayCalendar.EasterSunday(year));

    [Fact]
    public void Easter_based_dates_of_2026()
    {
        Assert.Equal(
            [new DateOnly(2026, 2, 16), new DateOnly(2026, 2, 17), new DateOnly(2026, 4, 3), new DateOnly(2026, 6, 4)],
            HolidayCalendar.EasterBasedHolidays(2026));
    }

    [Fact]
    public void National_fixed_holidays_include_consciencia_negra_from_2024()
    {
        Assert.DoesNotContain(new DateOnly(2023, 11, 20), HolidayCalendar.NationalFixedHolidays(2023));
        Assert.Contains(new DateOnly(2024, 11, 20), HolidayCalendar.NationalFixedHolidays(2024));
        Assert.Equal(9, HolidayCalendar.NationalFixedHolidays(2026).Count);
        Assert.True(HolidayCalendar.BrazilNational.IsHoliday(new DateOnly(2026, 4, 21)));
        Assert.True(HolidayCalendar.BrazilNational.IsHoliday(new DateOnly(2026, 10, 12)));
        Assert.False(HolidayCalendar.BrazilNational.IsHoliday(new DateOnly(2026, 4, 3))); // Good Friday: opt-in
        Assert.False(HolidayCalendar.None.IsHoliday(new DateOnly(2026, 12, 25)));
    }

    [Fact]
    public void Host_dates_and_easter_based_dates_are_added()
    {
        var aracaju = new HolidayCalendar([new DateOnly(2026, 3, 17)], includeEasterBased: true);

        Assert.True(aracaju.IsHoliday(new DateOnly(2026, 3, 17)));
        Assert.True(aracaju.IsHoliday(new DateOnly(2026, 4, 3)));
        Assert.True(aracaju.IsHoliday(new DateOnly(2026, 1, 1)));
        Assert.False(aracaju.IsHoliday(new DateOnly(2026, 3, 18)));
    }
}
