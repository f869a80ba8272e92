using Microsoft.Extensions.Time.Testing;
using static Cobranca.Connectors.Boleto.Tests.BoletoVectors;

namespace Cobranca.Connectors.Boleto.Tests;

public class BoletoCodeTests
{
    [Theory]
    [MemberData(nameof(BankIds), MemberType = typeof(BoletoVectors))]
    public void Barcode_and_linha_of_every_bank_vector_convert_both_ways(string id)
    {
        var v = Bank(id);
        var reference = v.DueDate ?? Today;
        foreach (var input in new[] { v.Barcode, v.Line, Digits(v.Line) })
        {
            var code = BoletoCode.Parse(input, reference);
            Assert.Equal(BoletoKind.Bank, code.Kind);
            Assert.Equal(v.Barcode, code.Barcode);
            Assert.Equal(Digits(v.Line), code.DigitableLine);
            Assert.Equal(v.Line, code.FormattedDigitableLine);
            Assert.Equal(v.Barcode[..3], code.BankCode);
            Assert.Equal(9, code.CurrencyCode);
            Assert.Equal(v.DueDate, code.DueDate);
            Assert.False(code.IsDueDateOutOfRange);
            Assert.Equal(v.Amount == 0 ? null : v.Amount, code.Amount);
            Assert.Equal(v.Barcode[19..], code.FreeField);
            Assert.Null(code.Segment);
        }
    }

    [Theory]
    [MemberData(nameof(CollectionIds), MemberType = typeof(BoletoVectors))]
    public void Barcode_and_linha_of_every_arrecadacao_vector_convert_both_ways(string id)
    {
        var v = Collection(id);
        foreach (var input in new[] { v.Barcode, v.Line, Digits(v.Line) })
        {
            var code = BoletoCode.Parse(input, Today);
            Assert.Equal(BoletoKind.Collection, code.Kind);
            Assert.Equal(v.Barcode, code.Barcode);
            Assert.Equal(Digits(v.Line), code.DigitableLine);
            Assert.Equal(v.Line, code.FormattedDigitableLine);
            Assert.Null(code.BankCode);
            Assert.Null(code.DueDate);
            Assert.Equal(v.Barcode[1] - '0', code.Segment);
            Assert.Equal(v.Barcode[2] - '0', code.ValueIdentifier);
        }
    }

    [Fact]
    public void Shared_vectors_with_upstream_dates_decode_relative_to_2026()
    {
        // B13/B14 straddle the 2025 reset; both must come out right with one reference date.
        Assert.Equal(new DateOnly(2025, 1, 16), BoletoCode.Parse(Bank("B13").Line, Today).DueDate);
        Assert.Equal(new DateOnly(2025, 4, 5), BoletoCode.Parse(Bank("B14").Line, Today).DueDate);
        Assert.Equal(2711.12m, BoletoCode.Parse(Bank("B13").Barcode, Today).Amount);
        Assert.Equal(645.39m, BoletoCode.Parse(Bank("B14").Barcode, Today).Amount);
    }

    [Fact]
    public void Old_factor_outside_the_window_is_not_an_error_and_keeps_the_raw_factor()
    {
        var code = BoletoCode.Parse(Bank("B1").Line, Today);
        Assert.Null(code.DueDate);
        Assert.True(code.IsDueDateOutOfRange);
        Assert.Equal(6918, code.DueDateFactorValue);
        Assert.Equal(100.00m, code.Amount);
    }

    [Fact]
    public void Third_cycle_factor_decodes_with_a_2049_reference_date()
    {
        var code = BoletoCode.Parse(E6.Line, new DateOnly(2049, 10, 1));
        Assert.Equal(E6.Barcode, code.Barcode);
        Assert.Equal(new DateOnly(2049, 10, 14), code.DueDate);
        Assert.Equal(1000, code.DueDateFactorValue);
        // The same factor read in 2026 is the 2025 reset day.
        Assert.Equal(new DateOnly(2025, 2, 22), BoletoCode.Parse(E6.Line, Today).DueDate);
    }

    [Fact]
    public void Zero_factor_and_zero_amount_mean_no_due_date_and_amount_to_be_informed()
    {
        var code = BoletoCode.Parse(Bank("E4").Barcode, Today);
        Assert.Null(code.DueDateFactorValue);
        Assert.Null(code.DueDate);
        Assert.False(code.IsDueDateOutOfRange);
        Assert.Null(code.Amount);
    }

    [Fact]
    public void Parse_uses_the_injected_clock_in_sao_paulo()
    {
        // 2026-01-15 02:30 UTC is still 2026-01-14 in Sao Paulo; the window is the same either way, but a clock in
        // 2016 makes B1 decodable while the 2026 clock does not.
        var clock2016 = new FakeTimeProvider(new DateTimeOffset(2016, 9, 1, 12, 0, 0, TimeSpan.Zero));
        Assert.Equal(new DateOnly(2016, 9, 15), BoletoCode.Parse(Bank("B1").Barcode, clock2016).DueDate);
        var clock2026 = new FakeTimeProvider(new DateTimeOffset(2026, 1, 15, 2, 30, 0, TimeSpan.Zero));
        Assert.Null(BoletoCode.Parse(Bank("B1").Barcode, clock2026).DueDate);
        Assert.Equal(new DateOnly(2025, 4, 5), BoletoCode.Parse(Bank("B14").Barcode, clock2026).DueDate);
    }

    [Fact]
    public void Window_edges_are_inclusive_and_follow_the_clock_date_in_sao_paulo()
    {
        // B14 is due 2025-04-05; it stays decodable while today <= due + 3000 days.
        var lastDay = new DateOnly(2025, 4, 5).AddDays(DueDateFactor.WindowPastDays);
        Assert.NotNull(BoletoCode.Parse(Bank("B14").Barcode, lastDay).DueDate);
        Assert.Null(BoletoCode.Parse(Bank("B14").Barcode, lastDay.AddDays(1)).DueDate);
        // 02:59 UTC on the day after is still lastDay in Sao Paulo (UTC-3).
        var clock = new FakeTimeProvider(new DateTimeOffset(lastDay.AddDays(1).ToDateTime(new TimeOnly(2, 59)), TimeSpan.Zero));
        Assert.NotNull(BoletoCode.Parse(Bank("B14").Barcode, clock).DueDate);
        clock.Advance(TimeSpan.FromMinutes(2));
        Assert.Null(BoletoCode.Parse(Bank("B14").Barcode, clock).DueDate);
    }

    [Theory]
    [InlineData("", BoletoErrorKind.Empty, null)]
    [InlineData("   ", BoletoErrorKind.Empty, null)]
    [InlineData("10491.23456 60000.100044 00000.000216 8 6918000001000O", BoletoErrorKind.InvalidCharacter, null)]
    [InlineData("10491/23456", BoletoErrorKind.InvalidCharacter, null)]
    [InlineData("10491.23456\t60000.100044 00000.000216 8 69180000010000", BoletoErrorKind.InvalidCharacter, null)]
    [InlineData("10491 23456 60000.100044 00000.000216 8 69180000010000", BoletoErrorKind.InvalidFormat, null)]
    [InlineData("10491.23456-60000.100044 00000.000216 8 69180000010000", BoletoErrorKind.InvalidFormat, null)]
    [InlineData("83640000001-1 33120138000 2 81288462711-6 08013618155-1", BoletoErrorKind.InvalidFormat, null)]
    [InlineData("1049.1234566", BoletoErrorKind.InvalidLength, null)]
    [InlineData("1049123456600001000440000000021686918000001000", BoletoErrorKind.InvalidLength, null)]
    [InlineData("104912345660000100044000000002168691800000100000", BoletoErrorKind.InvalidProductCode, null)]
    [InlineData("1049123456600001000440000000021686918000001000000", BoletoErrorKind.InvalidLength, null)]
    [InlineData("10491.23457 60000.100044 00000.000216 8 69180000010000", BoletoErrorKind.InvalidFieldCheckDigit, 1)]
    [InlineData("10491.23456 60000.100045 00000.000216 8 69180000010000", BoletoErrorKind.InvalidFieldCheckDigit, 2)]
    [InlineData("10491.23456 60000.100044 00000.000217 8 69180000010000", BoletoErrorKind.InvalidFieldCheckDigit, 3)]
    [InlineData("10491.23456 60000.100044 00000.000216 7 69180000010000", BoletoErrorKind.InvalidCheckDigit, null)]
    [InlineData("10491.23456 60000.100044 00000.000216 8 69180000010001", BoletoErrorKind.InvalidCheckDigit, null)]
    [InlineData("10497691800000100001234560000100040000000021", BoletoErrorKind.InvalidCheckDigit, null)]
    [InlineData("83640000001-1 33120138000-2 81288462711-6 08013618155-2", BoletoErrorKind.InvalidFieldCheckDigit, 4)]
    [InlineData("83640000001-1 33120138001-2 81288462711-6 08013618155-1", BoletoErrorKind.InvalidFieldCheckDigit, 2)]
    [InlineData("83650000001331201380008128846271108013618155", BoletoErrorKind.InvalidCheckDigit, null)]
    [InlineData("83540000001331201380008128846271108013618155", BoletoErrorKind.InvalidValueIdentifier, null)]
    public void Invalid_input_has_a_typed_error(string input, BoletoErrorKind kind, int? field)
    {
        var ex = Assert.Throws<BoletoException>(() => BoletoCode.Parse(input, Today));
        Assert.Equal(kind, ex.Kind);
        Assert.Equal(field, ex.Field);
        Assert.False(BoletoCode.TryParse(input, Today, out var code));
        Assert.Null(code);
    }

    [Theory]
    [InlineData("10491.23456  60000.100044   00000.000216 8 69180000010000\r\n", "B1")]
    [InlineData("1049123456 60000100044 00000000216 8 69180000010000", "B1")]
    [InlineData("\t10498691800000100001234560000100040000000021 ", "B1")]
    [InlineData("83640000001 1 33120138000 2 81288462711 6 08013618155 1", "A1")]
    [InlineData("836400000011 331201380002 812884627116 080136181551", "A1")]
    public void Printed_layout_variants_are_accepted(string input, string id)
    {
        var expected = id.StartsWith('A') ? Collection(id).Barcode : Bank(id).Barcode;
        Assert.Equal(expected, BoletoCode.Parse(input, new DateOnly(2016, 9, 1)).Barcode);
    }

    [Fact]
    public void Null_input_is_a_typed_error()
    {
        Assert.Equal(BoletoErrorKind.Empty, Assert.Throws<BoletoException>(() => BoletoCode.Parse(null!, Today)).Kind);
        Assert.False(BoletoCode.TryParse(null, out _));
    }

    [Theory]
    [InlineData("1045" + "6918", BoletoErrorKind.InvalidCurrency)]      // currency 5
    [InlineData("1049" + "0918", BoletoErrorKind.InvalidDueDateFactor)] // factor 0918
    public void Rules_beyond_the_check_digits_still_apply(string bankCurrencyFactor, BoletoErrorKind kind)
    {
        // The general DV is recomputed (independently) so only the rule under test can fail.
        var body = bankCurrencyFactor + "0000010000" + "1234560000100040000000021";
        var dv = 11 - Mod11Rest(body);
        var barcode = body[..4] + (dv is 0 or 10 or 11 ? 1 : dv) + body[4..];
        Assert.Equal(kind, Assert.Throws<BoletoException>(() => BoletoCode.Parse(barcode, Today)).Kind);
    }

    [Fact]
    public void CreateBank_reproduces_the_vectors()
    {
        foreach (var v in AllBank)
        {
            var code = BoletoCode.CreateBank(v.Barcode[..3], v.DueDate, v.Amount == 0 ? null : v.Amount, v.Barcode[19..]);
            Assert.Equal(v.Barcode, code.Barcode);
            Assert.Equal(Digits(v.Line), code.DigitableLine);
            Assert.Equal(v.DueDate, code.DueDate);
        }
    }

    [Theory]
    [InlineData("10", "1234567890123456789012345", 1)]
    [InlineData("1a4", "1234567890123456789012345", 1)]
    [InlineData("104", "123456789012345678901234", 1)]
    [InlineData("104", "1234567890123456789012345", -1)]
    [InlineData("104", "1234567890123456789012345", 100_000_000)]
    [InlineData("104", "1234567890123456789012345", 1.001)]
    public void CreateBank_rejects_bad_parts(string bank, string free, double amount)
    {
        Assert.ThrowsAny<ArgumentException>(() => BoletoCode.CreateBank(bank, new DateOnly(2026, 1, 10), (decimal)amount, free));
    }

    [Fact]
    public void CreateBank_rejects_due_dates_before_factor_1000()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => BoletoCode.CreateBank("104", new DateOnly(2000, 7, 2), 1m, new string('0', 25)));
    }

    [Fact]
    public void Arrecadacao_fields_decode()
    {
        var telecom = BoletoCode.Parse(Collection("F1").Line, Today);
        Assert.Equal(4, telecom.Segment);
        Assert.Equal(129.90m, telecom.Amount);
        Assert.Equal("0123", telecom.CompanyCode);
        var carne = BoletoCode.Parse(Collection("F2").Barcode, Today);
        Assert.Equal(6, carne.Segment);
        Assert.Equal(8, carne.ValueIdentifier);
        Assert.Equal("11222333", carne.CompanyCode);
        Assert.Equal(899.00m, carne.Amount);
        Assert.Equal(carne.Barcode[23..], carne.FreeField);
        // Identifiers 7 and 9 carry a currency quantity, not reais.
        Assert.Null(BoletoCode.Parse(Collection("F3").Line, Today).Amount);
        Assert.Null(BoletoCode.Parse(Collection("F4").Line, Today).Amount);
        Assert.Equal(133.12m, BoletoCode.Parse(Collection("A1").Line, Today).Amount);
    }

    [Fact]
    public void ToString_is_the_formatted_line()
    {
        Assert.Equal(Bank("B2").Line, BoletoCode.Parse(Bank("B2").Barcode, Today).ToString());
    }
}
