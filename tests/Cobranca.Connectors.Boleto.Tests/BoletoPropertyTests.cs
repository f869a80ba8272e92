using CsCheck;
using static Cobranca.Connectors.Boleto.Tests.BoletoVectors;

namespace Cobranca.Connectors.Boleto.Tests;

public class BoletoPropertyTests
{
    private static readonly char[] Replacements = Enumerable.Range(0, 128).Select(i => (char)i).Concat("éç\u00A0\u0660٣\uFF11").ToArray();

    /// <summary>True when <paramref name="barcode"/> is a bank barcode whose general DV (mod 11) holds, computed independently.</summary>
    private static bool IsStandardValidBankBarcode(string barcode)
    {
        if (barcode.Length != 44 || !barcode.All(char.IsAsciiDigit) || barcode[0] == '8') return false;
        var dv = 11 - Mod11Rest(barcode[..4] + barcode[5..]);
        return (dv is 0 or 10 or 11 ? 1 : dv) == barcode[4] - '0';
    }

    private static IEnumerable<(int Position, char Replacement, string Corrupted)> Substitutions(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            foreach (var c in Replacements)
            {
                if (c != text[i]) yield return (i, c, string.Concat(text.AsSpan(0, i), c.ToString(), text.AsSpan(i + 1)));
            }
        }
    }

    [Theory]
    [MemberData(nameof(BankIds), MemberType = typeof(BoletoVectors))]
    public void Single_character_substitutions_in_a_bank_linha_are_rejected_unless_mod11_folds_them(string id)
    {
        var v = Bank(id);
        var generalDvIsOne = v.Barcode[4] == '1';
        foreach (var line in new[] { v.Line, Digits(v.Line) })
        {
            var accepted = new List<int>();
            foreach (var (position, _, corrupted) in Substitutions(line))
            {
                if (!BoletoCode.TryParse(corrupted, Today, out var code))
                {
                    Assert.Throws<BoletoException>(() => BoletoCode.Parse(corrupted, Today));
                    continue;
                }
                // Only possible when the general DV is 1: FEBRABAN's mod 11 maps rests 0, 1 and 10 all to 1, so a
                // substitution in field 5 (factor + amount, the only field without its own DV) can land on another
                // valid boleto. The result must then be a boleto the standard itself accepts.
                Assert.True(generalDvIsOne, $"{id}: substitution at {position} accepted although the DV is {v.Barcode[4]}");
                Assert.True(IsStandardValidBankBarcode(code.Barcode));
                Assert.True(Digits(line[..position]).Length >= 33, $"{id}: accepted substitution outside field 5 at {position}");
                accepted.Add(position);
            }
            if (!generalDvIsOne) Assert.Empty(accepted);
        }
    }

    [Theory]
    [InlineData("E3", 27)]
    [InlineData("E5", 26)]
    public void With_general_dv_1_the_standard_itself_cannot_see_some_field_5_substitutions(string id, int expected)
    {
        // Counted independently (Python, straight from the FEBRABAN rules): substitutions in the digit-only linha that
        // yield another boleto valid under every FEBRABAN check. Nothing in the code can tell them from real boletos.
        var line = Digits(Bank(id).Line);
        var accepted = Substitutions(line).Count(s => char.IsAsciiDigit(s.Replacement) && BoletoCode.TryParse(s.Corrupted, Today, out _));
        Assert.Equal(expected, accepted);
    }

    [Theory]
    [MemberData(nameof(BankIds), MemberType = typeof(BoletoVectors))]
    public void Single_digit_substitutions_in_a_bank_barcode_are_rejected_exactly_when_the_standard_can_tell(string id)
    {
        var barcode = Bank(id).Barcode;
        foreach (var (position, c, corrupted) in Substitutions(barcode))
        {
            var accepted = BoletoCode.TryParse(corrupted, Today, out _);
            if (!char.IsAsciiDigit(c) || position == 4)
            {
                Assert.False(accepted, $"{id}: '{c}' at {position} accepted");
                continue;
            }
            // A barcode has one check digit; the parser accepts exactly what the standard accepts (and also rejects
            // currencies other than 9/0, factors 0001-0999, and a leading 8, which reads as arrecadação).
            var standard = IsStandardValidBankBarcode(corrupted) && corrupted[3] is '9' or '0'
                && corrupted[5..9] is var f && (f == "0000" || string.CompareOrdinal(f, "1000") >= 0);
            Assert.True(standard == accepted, $"{id}: '{c}' at {position}: standard {standard}, parser {accepted}");
            if (Bank(id).Barcode[4] != '1') Assert.False(accepted, $"{id}: '{c}' at {position} accepted with DV {Bank(id).Barcode[4]}");
        }
    }

    [Theory]
    [MemberData(nameof(CollectionIds), MemberType = typeof(BoletoVectors))]
    public void Every_single_character_substitution_in_an_arrecadacao_linha_is_rejected(string id)
    {
        var v = Collection(id);
        foreach (var line in new[] { v.Line, Digits(v.Line) })
        {
            foreach (var (position, c, corrupted) in Substitutions(line))
            {
                Assert.False(BoletoCode.TryParse(corrupted, Today, out _), $"{id}: '{c}' at {position} accepted");
            }
        }
    }

    [Fact]
    public void Random_bank_boletos_round_trip_through_barcode_and_linha()
    {
        var gen = Gen.Select(Gen.Int[1, 799].Select(b => b.ToString("000")), Gen.Int[0, 6000], Gen.Long[0, 9_999_999_999L],
            Gen.String[Gen.Char["0123456789"], 25, 25]);
        gen.Sample((bank, offset, cents, free) =>
        {
            var due = offset == 0 ? (DateOnly?)null : Today.AddDays(offset - 2900);
            var amount = cents == 0 ? (decimal?)null : cents / 100m;
            var built = BoletoCode.CreateBank(bank, due, amount, free);
            var fromLine = BoletoCode.Parse(built.FormattedDigitableLine, Today);
            var fromBarcode = BoletoCode.Parse(built.Barcode, Today);
            Assert.Equal(built.Barcode, fromLine.Barcode);
            Assert.Equal(built.DigitableLine, fromBarcode.DigitableLine);
            Assert.Equal(due, fromLine.DueDate);
            Assert.Equal(amount, fromLine.Amount);
            Assert.Equal(bank, fromLine.BankCode);
            Assert.Equal(free, fromLine.FreeField);
            // Independent checks of the produced digits.
            Assert.True(IsStandardValidBankBarcode(built.Barcode));
            var l = built.DigitableLine;
            Assert.Equal(l[9] - '0', Luhn(l[..9]));
            Assert.Equal(l[20] - '0', Luhn(l[10..20]));
            Assert.Equal(l[31] - '0', Luhn(l[21..31]));
        }, iter: 1500);
    }

    [Fact]
    public void Random_arrecadacao_codes_round_trip_through_barcode_and_linha()
    {
        var gen = Gen.Select(Gen.Int[0, 9], Gen.Char["6789"], Gen.String[Gen.Char["0123456789"], 40, 40]);
        gen.Sample((segment, identifier, rest) =>
        {
            var body = "8" + segment + identifier + rest; // 43 digits without the DV
            var dv = identifier is '6' or '7' ? Luhn(body) : Mod11Rest(body) is var r && r < 2 ? 0 : 11 - r;
            var barcode = body[..3] + dv + body[3..];
            var code = BoletoCode.Parse(barcode, Today);
            Assert.Equal(barcode, BoletoCode.Parse(code.FormattedDigitableLine, Today).Barcode);
            Assert.Equal(48, code.DigitableLine.Length);
            Assert.Equal(segment, code.Segment);
        }, iter: 1000);
    }

    private static void OnlyTypedErrors(string input)
    {
        try
        {
            BoletoCode.TryParse(input, Today, out _);
            BoletoCode.Parse(input, Today);
            BoletoCode.Parse(input, DateOnly.MaxValue);
            BoletoCode.Parse(input, DateOnly.MinValue);
        }
        catch (BoletoException)
        {
        }
    }

    [Fact]
    public void Random_text_and_bytes_never_crash_the_parser()
    {
        Gen.String.Sample(OnlyTypedErrors, iter: 1000);
        Gen.Byte.Array[0, 200].Sample(b => OnlyTypedErrors(System.Text.Encoding.Latin1.GetString(b)), iter: 1000);
        // Digit strings of the interesting lengths reach the check-digit and factor code.
        Gen.Select(Gen.Int[43, 49], Gen.String[Gen.Char["0123456789"], 49, 49], Gen.Char["0123456789 .-"])
            .Select((n, digits, sep) => digits[..n].Insert(n / 2, sep.ToString()))
            .Sample(OnlyTypedErrors, iter: 2000);
    }
}
