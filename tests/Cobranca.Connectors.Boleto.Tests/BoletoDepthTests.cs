using static Cobranca.Connectors.Boleto.Tests.BoletoVectors;

namespace Cobranca.Connectors.Boleto.Tests;

/// <summary>The test-depth list of issue 17: what the surviving mutants showed was untested.</summary>
public class BoletoDepthTests
{
    // ---- late fees at real contract rates (1 %/day alone let amount*rate vs amount/rate survive)

    [Theory]
    // amount, days, rate, period, expected interest (computed by hand: amount * rate/100 * days [/30])
    [InlineData("1234.56", 17, "0.033", InterestPeriod.Daily, "6.93")]     // 6.9258816
    [InlineData("89.90", 45, "0.033", InterestPeriod.Daily, "1.34")]       // 1.335015
    [InlineData("1234.56", 45, "1", InterestPeriod.Monthly, "18.52")]      // 18.5184
    [InlineData("89.90", 7, "1", InterestPeriod.Monthly, "0.21")]          // 0.209766...
    [InlineData("250.00", 31, "2", InterestPeriod.Monthly, "5.17")]        // 5.1666...
    [InlineData("99.90", 1, "0.033", InterestPeriod.Daily, "0.03")]        // 0.032967
    public void Interest_at_contract_rates(string amount, int days, string rate, InterestPeriod period, string expected)
    {
        var calc = new LateFeeCalculator(new LateFeePolicy { FinePercent = 2m, InterestPercent = D(rate), InterestPeriod = period });
        var due = new DateOnly(2026, 3, 10);

        var r = calc.Calculate(D(amount), due, due.AddDays(days));

        Assert.Equal(days, r.DaysLate);
        Assert.Equal(D(expected), r.Interest);
        Assert.Equal(Math.Round(D(amount) * 2m / 100m, 2, MidpointRounding.AwayFromZero), r.Fine);
        Assert.Equal(D(amount) + r.Fine + r.Interest, r.Total);
        Assert.Equal(2m, r.FinePercentApplied);
    }

    [Fact]
    public void Fine_at_a_fractional_rate_and_each_rounding_policy()
    {
        var due = new DateOnly(2026, 3, 10);
        // 1.5 % of 21.70 = 0.3255: half-up 0.33, half-even 0.33 (not a tie), truncate 0.32.
        Assert.Equal(0.33m, Calc(1.5m, LateFeeRounding.HalfUp).Calculate(21.70m, due, due.AddDays(1)).Fine);
        Assert.Equal(0.32m, Calc(1.5m, LateFeeRounding.Truncate).Calculate(21.70m, due, due.AddDays(1)).Fine);
        // 1.5 % of 21.50 = 0.3225 -> 0.32 every way; 2 % of 16.25 = 0.325 is a tie: 0.33 / 0.32 / 0.32.
        Assert.Equal(0.33m, Calc(2m, LateFeeRounding.HalfUp).Calculate(16.25m, due, due.AddDays(1)).Fine);
        Assert.Equal(0.32m, Calc(2m, LateFeeRounding.HalfEven).Calculate(16.25m, due, due.AddDays(1)).Fine);
        Assert.Equal(0.32m, Calc(2m, LateFeeRounding.Truncate).Calculate(16.25m, due, due.AddDays(1)).Fine);

        static LateFeeCalculator Calc(decimal fine, LateFeeRounding rounding) => new(new LateFeePolicy { FinePercent = fine, Rounding = rounding });
    }

    [Fact]
    public void Exactly_two_percent_is_not_above_the_consumer_limit()
    {
        var due = new DateOnly(2026, 3, 10);
        var r = new LateFeeCalculator(new LateFeePolicy { FinePercent = 2m }).Calculate(100m, due, due.AddDays(1));
        Assert.Empty(r.Warnings);
        Assert.Equal(2.00m, r.Fine);
        var above = new LateFeeCalculator(new LateFeePolicy { FinePercent = 2.01m, CapFineAtConsumerLimit = false }).Calculate(100m, due, due.AddDays(1));
        Assert.Equal([LateFeeWarning.FineAboveConsumerLimit], above.Warnings);
        Assert.Equal(2.01m, above.Fine);
    }

    // ---- CreateBank

    [Theory]
    [InlineData("12345678901234567890123a4")]
    [InlineData("1234567890123456789012 34")]
    [InlineData("１２３４５６７８９０１２３４５６７８９０１２３４５")] // full-width digits are not ASCII digits
    public void CreateBank_refuses_a_non_digit_free_field(string free)
    {
        var ex = Assert.Throws<ArgumentException>(() => BoletoCode.CreateBank("341", new DateOnly(2026, 1, 10), 1m, free));
        Assert.Equal("freeField", ex.ParamName);
        Assert.StartsWith("The campo livre has 25 digits.", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void CreateBank_bank_code_errors_are_worded()
    {
        var ex = Assert.Throws<ArgumentException>(() => BoletoCode.CreateBank("34a", null, null, new string('0', 25)));
        Assert.Equal("bankCode", ex.ParamName);
        Assert.StartsWith("The bank code has 3 digits.", ex.Message, StringComparison.Ordinal);
        var amount = Assert.Throws<ArgumentOutOfRangeException>(() => BoletoCode.CreateBank("341", null, 0.001m, new string('0', 25)));
        Assert.Equal("amount", amount.ParamName);
    }

    [Fact]
    public void CreateBank_without_due_date_or_amount()
    {
        var code = BoletoCode.CreateBank("341", null, null, "1090000123456789123412340");

        Assert.Null(code.DueDate);
        Assert.Null(code.DueDateFactorValue);
        Assert.Null(code.Amount);
        Assert.False(code.IsDueDateOutOfRange);
        Assert.Equal("00000000000000", code.Barcode[5..19]);
        Assert.Equal(Bank("E4").Barcode, code.Barcode);
        var again = BoletoCode.Parse(code.DigitableLine, Today);
        Assert.Null(again.DueDate);
        Assert.Null(again.Amount);
        Assert.Null(again.DueDateFactorValue);
    }

    [Fact]
    public void CreateBank_with_zero_amount_is_to_be_informed_and_max_amount_fits()
    {
        Assert.Null(BoletoCode.CreateBank("341", Today, 0m, new string('0', 25)).Amount);
        var max = BoletoCode.CreateBank("341", Today, 99_999_999.99m, new string('0', 25));
        Assert.Equal(99_999_999.99m, max.Amount);
        Assert.Equal("9999999999", max.Barcode[9..19]);
        Assert.Equal(Today, max.DueDate);
        Assert.Equal(DueDateFactor.FromDate(Today), max.DueDateFactorValue);
    }

    // ---- kind-specific accessors

    [Fact]
    public void Bank_accessors_and_null_arrecadacao_ones()
    {
        var code = BoletoCode.Parse(Bank("B2").Line, Today);
        Assert.Equal(BoletoKind.Bank, code.Kind);
        Assert.Equal("341", code.BankCode);
        Assert.Equal(9, code.CurrencyCode);
        Assert.Equal(Bank("B2").Barcode[19..], code.FreeField);
        Assert.Null(code.Segment);
        Assert.Null(code.ValueIdentifier);
        Assert.Null(code.CompanyCode);
        Assert.Equal(7195, code.DueDateFactorValue);
    }

    [Fact]
    public void Variable_currency_0_is_read()
    {
        var nine = BoletoCode.CreateBank("341", Today, 10m, new string('5', 25)).Barcode;
        var zero = nine[..3] + "0" + "X" + nine[5..];
        var dv = Enumerable.Range(0, 10).Single(d => BoletoCode.TryParse(zero.Replace('X', (char)('0' + d)), Today, out _));
        var code = BoletoCode.Parse(zero.Replace('X', (char)('0' + dv)), Today);
        Assert.Equal(0, code.CurrencyCode);
    }

    [Fact]
    public void Arrecadacao_accessors_and_null_bank_ones()
    {
        var code = BoletoCode.Parse(Collection("A1").Barcode, Today);
        Assert.Equal(BoletoKind.Collection, code.Kind);
        Assert.Null(code.BankCode);
        Assert.Null(code.CurrencyCode);
        Assert.Null(code.DueDate);
        Assert.Null(code.DueDateFactorValue);
        Assert.False(code.IsDueDateOutOfRange);
        Assert.Equal(3, code.Segment);          // 8 3 6 4: energy/gas, identifier 6 (mod 10)
        Assert.Equal(6, code.ValueIdentifier);
        Assert.Equal(Collection("A1").Barcode[15..19], code.CompanyCode);
        Assert.Equal(Collection("A1").Barcode[19..], code.FreeField);
        Assert.Equal(Collection("A1").Line, code.FormattedDigitableLine);
    }

    // ---- the -3000 / +5500 window, hit exactly

    [Theory]
    [InlineData(-3000, true)]
    [InlineData(-3001, false)]
    [InlineData(5500, true)]
    [InlineData(5501, false)]
    [InlineData(0, true)]
    public void Window_edges_exactly(int offset, bool inside)
    {
        var due = Today.AddDays(offset);
        var code = BoletoCode.Parse(BoletoCode.CreateBank("341", due, 10m, new string('7', 25)).Barcode, Today);

        Assert.Equal(inside, code.DueDate == due);
        Assert.Equal(!inside, code.IsDueDateOutOfRange);
        Assert.Equal(inside ? due : null, code.DueDate);
        Assert.True(DueDateFactor.TryToDate(DueDateFactor.FromDate(due), Today, out var decoded) == inside);
        if (inside) Assert.Equal(due, decoded);
    }

    [Fact]
    public void Window_constants_are_febraban_s()
    {
        Assert.Equal(3000, DueDateFactor.WindowPastDays);
        Assert.Equal(5500, DueDateFactor.WindowFutureDays);
        Assert.Equal(9000, DueDateFactor.CycleDays);
        Assert.Equal(1000, DueDateFactor.FromDate(DueDateFactor.ResetDate));
        Assert.Equal(9999, DueDateFactor.FromDate(DueDateFactor.ResetDate.AddDays(-1)));
        Assert.Equal(1000, DueDateFactor.FromDate(new DateOnly(2000, 7, 3)));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(10000)]
    public void Factors_outside_1_to_9999_never_decode(int factor) =>
        Assert.False(DueDateFactor.TryToDate(factor, Today, out _));

    [Fact]
    public void Factors_below_1000_decode_only_in_the_first_cycle()
    {
        Assert.True(DueDateFactor.TryToDate(999, new DateOnly(2000, 7, 1), out var first));
        Assert.Equal(DueDateFactor.BaseDate.AddDays(999), first);
        Assert.False(DueDateFactor.TryToDate(999, new DateOnly(2026, 1, 15), out _));
    }

    // ---- error texts (the CLI prints them)

    [Theory]
    [InlineData("", BoletoErrorKind.Empty, "The barcode or linha digitável is empty.")]
    [InlineData("10491.23456 60000.100044 00000.000216 8 6918000001000O", BoletoErrorKind.InvalidCharacter,
        "Character 53 is not a digit; only digits and the printed punctuation (spaces, dots, hyphens) are allowed.")]
    [InlineData("1049.1234566", BoletoErrorKind.InvalidLength, "11 digits: a barcode has 44, a linha digitável 47 (boleto bancário) or 48 (arrecadação).")]
    [InlineData("10491.23457 60000.100044 00000.000216 8 69180000010000", BoletoErrorKind.InvalidFieldCheckDigit,
        "The check digit of field 1 of the linha digitável does not match.")]
    [InlineData("10491.23456 60000.100044 00000.000216 7 69180000010000", BoletoErrorKind.InvalidCheckDigit, "The general check digit (mod 11) does not match.")]
    [InlineData("83640000001-1 33120138001-2 81288462711-6 08013618155-1", BoletoErrorKind.InvalidFieldCheckDigit,
        "The check digit of block 2 of the linha digitável does not match.")]
    [InlineData("83650000001331201380008128846271108013618155", BoletoErrorKind.InvalidCheckDigit, "The general check digit (mod 10) does not match.")]
    [InlineData("83540000001331201380008128846271108013618155", BoletoErrorKind.InvalidValueIdentifier,
        "The arrecadação value identifier (3rd digit) must be 6, 7, 8 or 9.")]
    [InlineData("104912345660000100044000000002168691800000100000", BoletoErrorKind.InvalidProductCode,
        "A 48-digit linha digitável is arrecadação and must start with 8.")]
    [InlineData("1049123456600001000440000000021686918000001000000", BoletoErrorKind.InvalidLength,
        "More than 48 digits: not a barcode (44) nor a linha digitável (47 or 48).")]
    public void Error_texts(string input, BoletoErrorKind kind, string message)
    {
        var ex = Assert.Throws<BoletoException>(() => BoletoCode.Parse(input, Today));
        Assert.Equal(kind, ex.Kind);
        Assert.Equal(message, ex.Message);
    }

    [Fact]
    public void Currency_and_factor_error_texts()
    {
        var currency = Assert.Throws<BoletoException>(() => BoletoCode.Parse(WithGeneralDv("10415691800000100001234560000100040000000021"), Today));
        Assert.Equal(BoletoErrorKind.InvalidCurrency, currency.Kind);
        Assert.Equal("The currency code must be 9 (Real) or 0 (variable currency).", currency.Message);
        var factor = Assert.Throws<BoletoException>(() => BoletoCode.Parse(WithGeneralDv("10495099900000100001234560000100040000000021"), Today));
        Assert.Equal(BoletoErrorKind.InvalidDueDateFactor, factor.Kind);
        Assert.Equal("The due-date factor is below 1000, which no current boleto carries.", factor.Message);
        var format = Assert.Throws<BoletoException>(() => BoletoCode.Parse("10491 23456 60000.100044 00000.000216 8 69180000010000", Today));
        Assert.StartsWith("The punctuation does not follow a printed layout", format.Message, StringComparison.Ordinal);
    }

    /// <summary>Replaces position 5 with the mod-11 general DV computed independently (Mod11Rest of the vectors file).</summary>
    private static string WithGeneralDv(string barcode)
    {
        var dv = 11 - Mod11Rest(barcode[..4] + barcode[5..]);
        return barcode[..4] + (dv is 0 or 10 or 11 ? 1 : dv) + barcode[5..];
    }

    // ---- further survivors of the first mutation run

    [Fact]
    public void CreateBank_null_parts_throw_ArgumentNullException()
    {
        Assert.Equal("bankCode", Assert.Throws<ArgumentNullException>(() => BoletoCode.CreateBank(null!, null, null, new string('0', 25))).ParamName);
        Assert.Equal("freeField", Assert.Throws<ArgumentNullException>(() => BoletoCode.CreateBank("341", null, null, null!)).ParamName);
    }

    [Fact]
    public void Short_free_field_of_digits_is_refused_by_its_own_check()
    {
        var ex = Assert.Throws<ArgumentException>(() => BoletoCode.CreateBank("341", null, 1m, new string('1', 24)));
        Assert.Equal("freeField", ex.ParamName);
        var letters = Assert.Throws<ArgumentException>(() => BoletoCode.CreateBank("341", null, 1m, "a" + new string('1', 24)));
        Assert.Equal("freeField", letters.ParamName);
        Assert.StartsWith("The amount must be 0 to 99,999,999.99 with at most two decimals.",
            Assert.Throws<ArgumentOutOfRangeException>(() => BoletoCode.CreateBank("341", null, -1m, new string('0', 25))).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Punctuation_right_after_a_space_is_not_a_layout()
    {
        // Only runs of spaces collapse; a dot or hyphen after a space is a separator of its own.
        var ex = Assert.Throws<BoletoException>(() => BoletoCode.Parse("10491.23456 .60000.100044 00000.000216 8 69180000010000", Today));
        Assert.Equal(BoletoErrorKind.InvalidFormat, ex.Kind);
        Assert.Equal(BoletoErrorKind.InvalidFormat,
            Assert.Throws<BoletoException>(() => BoletoCode.Parse("83640000001-1 -33120138000-2 81288462711-6 08013618155-1", Today)).Kind);
        Assert.NotNull(BoletoCode.Parse("10491.23456  60000.100044   00000.000216 8 69180000010000", Today).Barcode);
    }

    [Fact]
    public void Mod11_arrecadacao_general_digit_error_names_mod_11()
    {
        var a3 = Collection("A3").Barcode; // value identifier 8: mod 11
        var wrong = a3[..3] + (a3[3] == '0' ? '1' : '0') + a3[4..];
        var ex = Assert.Throws<BoletoException>(() => BoletoCode.Parse(wrong, Today));
        Assert.Equal(BoletoErrorKind.InvalidCheckDigit, ex.Kind);
        Assert.Equal("The general check digit (mod 11) does not match.", ex.Message);
    }

    /// <summary>An arrecadação barcode with the general DV computed independently (Luhn for 6/7, arrecadação mod 11 for 8/9).</summary>
    private static string BuildCollection(char segment, char identifier, string value11, string rest29)
    {
        var body = "8" + segment + identifier + value11 + rest29; // 43 digits, DV goes after position 3
        int dv;
        if (identifier is '6' or '7')
        {
            dv = Luhn(body);
        }
        else
        {
            var rest = Mod11Rest(body);
            dv = rest is 0 or 1 ? 0 : 11 - rest;
        }
        return body[..3] + dv + body[3..];
    }

    [Fact]
    public void Arrecadacao_with_zero_value_has_no_amount()
    {
        var code = BoletoCode.Parse(BuildCollection('6', '8', "00000000000", "01230000000000000000000000000"), Today);
        Assert.Null(code.Amount);
        var ten = BoletoCode.Parse(BuildCollection('6', '8', "00000001000", "01230000000000000000000000000"), Today);
        Assert.Equal(10.00m, ten.Amount);
    }

    [Fact]
    public void Weak_flag_follows_the_arrecadacao_modulus()
    {
        // Search the value field for a mod-11 code whose general DV is 0 and a mod-10 code whose DV is 0.
        string Find(char identifier) => Enumerable.Range(1, 500)
            .Select(v => BuildCollection('4', identifier, v.ToString("00000000000", System.Globalization.CultureInfo.InvariantCulture), "01230000000000000000000000000"))
            .First(b => b[3] == '0');
        var mod11 = BoletoCode.Parse(Find('8'), Today);
        var mod10 = BoletoCode.Parse(Find('6'), Today);
        Assert.True(mod11.HasWeakCheckDigit);
        Assert.Equal([BoletoWarning.WeakCheckDigit], mod11.Warnings);
        Assert.False(mod10.HasWeakCheckDigit);
        Assert.Empty(mod10.Warnings);
    }

    [Fact]
    public void Factor_1_decodes_in_its_own_time()
    {
        Assert.True(DueDateFactor.TryToDate(1, new DateOnly(1997, 10, 10), out var date));
        Assert.Equal(new DateOnly(1997, 10, 8), date);
    }

    [Fact]
    public void The_last_representable_day_decodes()
    {
        var factor = DueDateFactor.FromDate(DateOnly.MaxValue);
        Assert.True(DueDateFactor.TryToDate(factor, DateOnly.MaxValue.AddDays(-10), out var date));
        Assert.Equal(DateOnly.MaxValue, date);
    }

    [Fact]
    public void Postponement_walks_at_most_366_days()
    {
        var due = new DateOnly(2026, 1, 5); // a Monday
        var within = Enumerable.Range(0, 367).Select(due.AddDays).ToHashSet();
        var firstFree = due.AddDays(367);
        Assert.True(firstFree.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday));
        var calc = new LateFeeCalculator(new LateFeePolicy { FinePercent = 2m, PostponeDueDateToBusinessDay = true, Holidays = within });

        var r = calc.Calculate(100m, due, firstFree);

        Assert.Equal(firstFree, r.EffectiveDueDate);
        Assert.Equal(0, r.DaysLate);
        Assert.Equal([LateFeeWarning.DueDatePostponed], r.Warnings);

        var never = new LateFeeCalculator(new LateFeePolicy { PostponeDueDateToBusinessDay = true, Holidays = Enumerable.Range(0, 400).Select(due.AddDays).ToHashSet() });
        var ex = Assert.Throws<InvalidOperationException>(() => never.Calculate(100m, due, due.AddDays(500)));
        Assert.Equal("The holiday list leaves no business day within a year of the due date.", ex.Message);
    }

    [Fact]
    public void Policy_errors()
    {
        var unknown = Assert.Throws<ArgumentOutOfRangeException>(() => new LateFeeCalculator(new LateFeePolicy { Rounding = (LateFeeRounding)99 }));
        Assert.StartsWith("Unknown rounding or interest period.", unknown.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentOutOfRangeException>(() => new LateFeeCalculator(new LateFeePolicy { InterestPeriod = (InterestPeriod)99 }));
        Assert.Equal("policy", Assert.Throws<ArgumentNullException>(() => new LateFeeCalculator(new LateFeePolicy { Holidays = null! })).ParamName);
        var early = Assert.Throws<ArgumentOutOfRangeException>(() => DueDateFactor.FromDate(new DateOnly(2000, 7, 2)));
        Assert.StartsWith("Due dates before 2000-07-03 have no factor in the current rules.", early.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Exception_constructors_default_to_an_invalid_format()
    {
        var plain = new BoletoException();
        Assert.Equal((BoletoErrorKind.InvalidFormat, "The code is invalid.", (int?)null), (plain.Kind, plain.Message, plain.Field));
        var message = new BoletoException("m");
        Assert.Equal((BoletoErrorKind.InvalidFormat, "m"), (message.Kind, message.Message));
        var inner = new InvalidOperationException();
        var wrapped = new BoletoException("w", inner);
        Assert.Equal((BoletoErrorKind.InvalidFormat, "w", (int?)null), (wrapped.Kind, wrapped.Message, wrapped.Field));
        Assert.Same(inner, wrapped.InnerException);
    }

    private static decimal D(string s) => decimal.Parse(s, System.Globalization.CultureInfo.InvariantCulture);
}
