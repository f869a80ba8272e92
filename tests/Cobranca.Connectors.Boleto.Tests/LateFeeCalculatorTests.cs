namespace Cobranca.Connectors.Boleto.Tests;

public class LateFeeCalculatorTests
{
    private static readonly DateOnly Due = new(2026, 3, 10); // a Tuesday

    [Fact]
    public void J5_two_percent_fine_and_one_percent_a_month_pro_rata_die()
    {
        var calc = new LateFeeCalculator(new LateFeePolicy { FinePercent = 2m, InterestPercent = 1m });
        var r = calc.Calculate(99.90m, Due, Due.AddDays(10));
        Assert.Equal(10, r.DaysLate);
        Assert.Equal(2.00m, r.Fine);     // 1.998
        Assert.Equal(0.33m, r.Interest); // 0.333
        Assert.Equal(102.23m, r.Total);
        Assert.Empty(r.Warnings);
    }

    [Fact]
    public void Bacen_cobv_example_three_percent_fine_one_percent_a_day_two_days_late()
    {
        // Pix spec, Pix.componentesValor: R$100,00, 2 days late, multa 3 %, juros 1 % ao dia → 105.00.
        var calc = new LateFeeCalculator(new LateFeePolicy
        {
            FinePercent = 3m, InterestPercent = 1m, InterestPeriod = InterestPeriod.Daily, CapFineAtConsumerLimit = false,
        });
        var r = calc.Calculate(100m, Due, Due.AddDays(2));
        Assert.Equal(3.00m, r.Fine);
        Assert.Equal(2.00m, r.Interest);
        Assert.Equal(105.00m, r.Total);
        Assert.Equal([LateFeeWarning.FineAboveConsumerLimit], r.Warnings);
        Assert.Equal(3m, r.FinePercentApplied);
    }

    [Fact]
    public void Fine_above_two_percent_is_capped_by_default_with_a_warning()
    {
        var r = new LateFeeCalculator(new LateFeePolicy { FinePercent = 10m }).Calculate(100m, Due, Due.AddDays(1));
        Assert.Equal(2.00m, r.Fine);
        Assert.Equal(2m, r.FinePercentApplied);
        Assert.Equal([LateFeeWarning.FineAboveConsumerLimit], r.Warnings);
    }

    [Fact]
    public void Paying_on_or_before_the_due_date_costs_nothing()
    {
        var calc = new LateFeeCalculator(new LateFeePolicy { FinePercent = 2m, InterestPercent = 1m });
        foreach (var day in new[] { Due.AddDays(-5), Due })
        {
            var r = calc.Calculate(80m, Due, day);
            Assert.Equal(0, r.DaysLate);
            Assert.Equal(80m, r.Total);
            Assert.Equal(0m, r.Fine + r.Interest);
        }
    }

    [Fact]
    public void One_percent_a_month_is_one_thirtieth_a_day_simple_not_compound()
    {
        var calc = new LateFeeCalculator(new LateFeePolicy { InterestPercent = 1m, Rounding = LateFeeRounding.Truncate });
        Assert.Equal(1.00m, calc.Calculate(100m, Due, Due.AddDays(30)).Interest);
        Assert.Equal(3.00m, calc.Calculate(100m, Due, Due.AddDays(90)).Interest); // compound would be 3.03
        Assert.Equal(121.66m, calc.Calculate(1000m, Due, Due.AddDays(365)).Interest); // 1000 × 1 % × 365 / 30 = 121.666…
    }

    [Theory]
    [InlineData(LateFeeRounding.HalfUp, 16.75, 0.34)]   // 16.75 × 2 % = 0.335 exactly
    [InlineData(LateFeeRounding.HalfEven, 16.75, 0.34)]
    [InlineData(LateFeeRounding.Truncate, 16.75, 0.33)]
    [InlineData(LateFeeRounding.HalfUp, 16.25, 0.33)]   // 16.25 × 2 % = 0.325 exactly: half-even goes down to the even 2
    [InlineData(LateFeeRounding.HalfEven, 16.25, 0.32)]
    [InlineData(LateFeeRounding.Truncate, 16.25, 0.32)]
    public void Rounding_policy_decides_the_centavo_of_an_exact_midpoint(LateFeeRounding rounding, double amount, double expected)
    {
        var r = new LateFeeCalculator(new LateFeePolicy { FinePercent = 2m, Rounding = rounding }).Calculate((decimal)amount, Due, Due.AddDays(1));
        Assert.Equal((decimal)expected, r.Fine);
    }

    [Fact]
    public void Weekend_due_date_moves_to_monday_and_late_days_count_from_it()
    {
        var saturday = new DateOnly(2026, 3, 14);
        var calc = new LateFeeCalculator(new LateFeePolicy { FinePercent = 2m, InterestPercent = 1m, PostponeDueDateToBusinessDay = true });
        var onMonday = calc.Calculate(100m, saturday, saturday.AddDays(2));
        Assert.Equal(0, onMonday.DaysLate);
        Assert.Equal(100m, onMonday.Total);
        Assert.Equal([LateFeeWarning.DueDatePostponed], onMonday.Warnings);
        var onWednesday = calc.Calculate(100m, saturday, saturday.AddDays(4));
        Assert.Equal(new DateOnly(2026, 3, 16), onWednesday.EffectiveDueDate);
        Assert.Equal(2, onWednesday.DaysLate);
        // Without the option the same payment is four days late.
        Assert.Equal(4, new LateFeeCalculator(new LateFeePolicy()).Calculate(100m, saturday, saturday.AddDays(4)).DaysLate);
    }

    [Fact]
    public void Holidays_postpone_too()
    {
        var tiradentes = new DateOnly(2026, 4, 21); // Tuesday
        var calc = new LateFeeCalculator(new LateFeePolicy
        {
            FinePercent = 2m, PostponeDueDateToBusinessDay = true, Holidays = new HashSet<DateOnly> { tiradentes },
        });
        Assert.Equal(0m, calc.Calculate(50m, tiradentes, tiradentes.AddDays(1)).Fine);
        Assert.Equal(1.00m, calc.Calculate(50m, tiradentes, tiradentes.AddDays(2)).Fine);
    }

    [Fact]
    public void Invalid_policy_and_amount_are_rejected()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new LateFeeCalculator(new LateFeePolicy { FinePercent = -1m }));
        Assert.Throws<ArgumentOutOfRangeException>(() => new LateFeeCalculator(new LateFeePolicy { InterestPercent = -0.5m }));
        Assert.Throws<ArgumentOutOfRangeException>(() => new LateFeeCalculator(new LateFeePolicy { Rounding = (LateFeeRounding)42 }));
        Assert.Throws<ArgumentNullException>(() => new LateFeeCalculator(null!));
        Assert.Throws<ArgumentOutOfRangeException>(() => new LateFeeCalculator(new LateFeePolicy()).Calculate(-1m, Due, Due));
    }
}
