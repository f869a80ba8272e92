using CsCheck;
using Cobranca.Connectors.Abstractions;

namespace Cobranca.Connectors.Abstractions.Tests;

public class MoneyTests
{
    [Theory]
    [InlineData("1234.56", "1234.56")]
    [InlineData("1234,56", "1234.56")]
    [InlineData("1.234,56", "1234.56")]
    [InlineData("1,234.56", "1234.56")]
    [InlineData("R$ 1.234,56", "1234.56")]
    [InlineData("R$\u00a01.234,56", "1234.56")]
    [InlineData("r$1.234,56", "1234.56")]
    [InlineData("1.234", "1234")] // one separator followed by three digits groups thousands
    [InlineData("1,234", "1234")]
    [InlineData("1.234.567", "1234567")]
    [InlineData("1.234.567,89", "1234567.89")]
    [InlineData("1,234,567.89", "1234567.89")]
    [InlineData("99,9", "99.9")]
    [InlineData("0.5", "0.5")]
    [InlineData(",50", "0.50")]
    [InlineData("100", "100")]
    [InlineData("-10,50", "-10.50")]
    [InlineData("-R$ 1.234,56", "-1234.56")]
    [InlineData("  89.90  ", "89.90")]
    public void Parses_the_ways_brazilian_systems_write_amounts(string text, string expected)
    {
        Assert.True(Money.TryParse(text, out var amount));
        Assert.Equal(decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), amount);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("R$")]
    [InlineData("abc")]
    [InlineData("1.2.3")] // groups of one digit are not thousands
    [InlineData("12.34,56")]
    [InlineData("1,23,456.00")]
    [InlineData("1,234,56")] // two commas then two digits: neither decimal nor grouping
    [InlineData("1.234,56,78")]
    [InlineData("1e5")]
    [InlineData("10 reais")]
    public void Rejects_what_is_not_an_amount(string? text)
    {
        Assert.False(Money.TryParse(text, out var amount));
        Assert.Equal(0m, amount);
    }

    [Theory]
    [InlineData("1234.5", "R$ 1.234,50")]
    [InlineData("0.005", "R$ 0,01")] // half away from zero
    [InlineData("0.004", "R$ 0,00")]
    [InlineData("1000000", "R$ 1.000.000,00")]
    public void Formats_in_brazilian_currency(string amount, string expected)
    {
        var formatted = Money.Format(decimal.Parse(amount, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(expected, formatted.Replace('\u00a0', ' '));
    }

    [Theory]
    [InlineData("1234.5", "1234.50")]
    [InlineData("2.345", "2.35")]
    [InlineData("-2.345", "-2.35")]
    [InlineData("0", "0.00")]
    public void Invariant_string_has_a_dot_and_two_decimals(string amount, string expected) =>
        Assert.Equal(expected, Money.ToInvariantString(decimal.Parse(amount, System.Globalization.CultureInfo.InvariantCulture)));

    [Fact]
    public void Round_is_half_away_from_zero_not_bankers()
    {
        Assert.Equal(0.13m, Money.Round(0.125m));
        Assert.Equal(-0.13m, Money.Round(-0.125m));
        Assert.Equal(0.12m, Money.Round(0.124m));
    }

    [Fact]
    public void Format_and_parse_round_trip()
    {
        Gen.Long[-10_000_000_000, 10_000_000_000].Sample(n =>
        {
            var rounded = Money.Round(n / 1000m);
            Assert.True(Money.TryParse(Money.Format(rounded), out var back));
            Assert.Equal(rounded, back);
            Assert.True(Money.TryParse(Money.ToInvariantString(rounded), out back));
            Assert.Equal(rounded, back);
        }, iter: 500);
    }
}
