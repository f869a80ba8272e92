using Cobranca.Connectors.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace Cobranca.Connectors.Abstractions.Tests;

public class BrazilTimeTests
{
    [Theory]
    [InlineData("2026-11-24T02:59:59Z", "2026-11-23")] // 23:59:59 in São Paulo (UTC-3, no DST since 2019)
    [InlineData("2026-11-24T03:00:00Z", "2026-11-24")]
    [InlineData("2026-01-01T02:00:00Z", "2025-12-31")]
    public void Today_is_the_sao_paulo_date_not_the_utc_one(string utc, string expected)
    {
        var time = new FakeTimeProvider(DateTimeOffset.Parse(utc, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(DateOnly.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), BrazilTime.Today(time));
        Assert.Equal(TimeSpan.FromHours(-3), BrazilTime.Now(time).Offset);
    }

    [Fact]
    public void Historic_daylight_saving_offsets_are_applied()
    {
        // Brazil observed DST until early 2019: January 2018 was UTC-2 in São Paulo.
        var time = new FakeTimeProvider(new DateTimeOffset(2018, 1, 15, 1, 30, 0, TimeSpan.Zero));
        Assert.Equal(TimeSpan.FromHours(-2), BrazilTime.Now(time).Offset);
        Assert.Equal(new DateOnly(2018, 1, 14), BrazilTime.Today(time));
        Assert.Equal(TimeSpan.FromHours(-2), BrazilTime.FromLocal(new DateTime(2018, 1, 15, 12, 0, 0)).Offset);
    }

    [Fact]
    public void FromLocal_attaches_the_offset_whatever_the_kind()
    {
        var local = BrazilTime.FromLocal(new DateTime(2026, 11, 23, 9, 30, 0, DateTimeKind.Utc));
        Assert.Equal(new DateTimeOffset(2026, 11, 23, 9, 30, 0, TimeSpan.FromHours(-3)), local);
        Assert.Equal(new DateTimeOffset(2026, 11, 23, 12, 30, 0, TimeSpan.Zero), local.ToUniversalTime());
    }

    [Fact]
    public void A_null_clock_is_refused()
    {
        Assert.Throws<ArgumentNullException>(() => BrazilTime.Today(null!));
        Assert.Throws<ArgumentNullException>(() => BrazilTime.Now(null!));
    }
}
