using System.Globalization;
using Cobranca.Connectors.Testing;

namespace Cobranca.Connectors.Abstractions.Tests.Testing;

public class BoletoCodesTests
{
    public static TheoryData<string, string, string, string> Vectors()
    {
        var data = new TheoryData<string, string, string, string>();
        foreach (var line in File.ReadLines(Path.Combine(AppContext.BaseDirectory, "vectors", "boleto.txt")))
        {
            if (!line.StartsWith('B')) continue;
            var f = line.Split('\t');
            data.Add(f[1], f[2], f[3], f[4]);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Vectors))]
    public void Check_digits_factor_and_line_match_the_verified_vectors(string due, string amount, string barcode, string printedLine)
    {
        var line = new string(printedLine.Where(char.IsAsciiDigit).ToArray());
        Assert.Equal(line, BoletoCodes.LineFromBarcode(barcode));
        Assert.Equal(barcode[4] - '0', BoletoCodes.GeneralCheckDigit(barcode.Remove(4, 1)));
        Assert.Equal(int.Parse(barcode[5..9], CultureInfo.InvariantCulture), BoletoCodes.Factor(DateOnly.ParseExact(due, "yyyy-MM-dd", CultureInfo.InvariantCulture)));
        Assert.Equal(decimal.Parse(amount, CultureInfo.InvariantCulture) * 100, decimal.Parse(barcode[9..19], CultureInfo.InvariantCulture));
    }

    [Fact]
    public void Built_codes_are_consistent_and_encode_due_date_and_amount()
    {
        Assert.True(BoletoCodes.TryBuild("20001", new DateOnly(2026, 12, 10), 99.90m, out var barcode, out var line));
        Assert.Equal(44, barcode.Length);
        Assert.Equal(47, line.Length);
        Assert.All(barcode + line, c => Assert.True(char.IsAsciiDigit(c)));
        Assert.StartsWith("0019", barcode, StringComparison.Ordinal);
        Assert.Equal(BoletoCodes.Factor(new DateOnly(2026, 12, 10)).ToString("0000", CultureInfo.InvariantCulture), barcode[5..9]);
        Assert.Equal("0000009990", barcode[9..19]);
        Assert.Equal(barcode[4] - '0', BoletoCodes.GeneralCheckDigit(barcode.Remove(4, 1)));
        Assert.Equal(line, BoletoCodes.LineFromBarcode(barcode));
        Assert.Contains("0000020001", barcode, StringComparison.Ordinal);
    }

    [Fact]
    public void Factor_restarts_at_1000_on_2025_02_22()
    {
        Assert.Equal(9999, BoletoCodes.Factor(new DateOnly(2025, 2, 21)));
        Assert.Equal(1000, BoletoCodes.Factor(new DateOnly(2025, 2, 22)));
        Assert.Equal(1042, BoletoCodes.Factor(new DateOnly(2025, 4, 5)));
    }

    [Fact]
    public void Amounts_that_do_not_fit_are_not_encoded()
    {
        Assert.False(BoletoCodes.TryBuild("1", new DateOnly(2026, 1, 1), 100_000_000m, out _, out _));
        Assert.False(BoletoCodes.TryBuild("1", new DateOnly(2026, 1, 1), -1m, out _, out _));
        Assert.False(BoletoCodes.TryBuild("12345678901", new DateOnly(2026, 1, 1), 1m, out _, out _));
    }
}
