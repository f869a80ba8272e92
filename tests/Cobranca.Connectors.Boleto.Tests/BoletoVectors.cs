using System.Globalization;

namespace Cobranca.Connectors.Boleto.Tests;

/// <summary>A boleto bancário vector: due date (null = factor 0000), amount, barcode and printed linha.</summary>
public sealed record BankVector(string Id, DateOnly? DueDate, decimal Amount, string Barcode, string Line);

/// <summary>An arrecadação vector: printed 48-digit linha and barcode.</summary>
public sealed record CollectionVector(string Id, string Line, string Barcode);

public static class BoletoVectors
{
    private static readonly string[][] Rows = File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "vectors", "boleto.txt"))
        .Where(l => l.Length > 0 && !l.StartsWith('#'))
        .Select(l => l.Split('\t'))
        .ToArray();

    /// <summary>Rows of tests/vectors/boleto.txt (verified upstream).</summary>
    public static IReadOnlyList<BankVector> SharedBank { get; } = Rows.Where(r => r.Length == 5)
        .Select(r => new BankVector(r[0], DateOnly.ParseExact(r[1], "yyyy-MM-dd", CultureInfo.InvariantCulture),
            decimal.Parse(r[2], CultureInfo.InvariantCulture), r[3], r[4]))
        .ToList();

    public static IReadOnlyList<CollectionVector> SharedCollection { get; } = Rows.Where(r => r.Length == 3)
        .Select(r => new CollectionVector(r[0], r[1], r[2]))
        .ToList();

    /// <summary>
    /// Derived here: barcodes assembled from (bank, factor, amount, campo livre) by a separately written Python script
    /// (fator = days since 1997-10-07 with the 2025-02-22 reset rule; mod-11 general DV with 0/10/11 → 1; mod-10 field
    /// DVs; the script reproduces B1 and B14 before being trusted). E3 and E5 were chosen to have general DV 1, the
    /// value where mod 11 folds three rests together (see the corruption tests). E6 is the first day of the third
    /// cycle (2049-10-14 → factor 1000, by the same rule; FEBRABAN has not confirmed the 2049 cycle).
    /// </summary>
    public static IReadOnlyList<BankVector> DerivedBank { get; } =
    [
        new("E1", new DateOnly(2026, 6, 22), 149.90m, "00194148500000149900000002801234567890000017", "00190.00009 02801.234564 78900.000171 4 14850000014990"),
        new("E2", new DateOnly(2025, 2, 21), 0.01m, "23797999900000000013381260007900000123400650", "23793.38128 60007.900008 01234.006508 7 99990000000001"),
        new("E3", new DateOnly(2025, 2, 22), 99_999_999.99m, "75691100099999999991303400117011200007440010", "75691.30342 00117.011205 00074.400102 1 10009999999999"),
        new("E4", null, 0m, "34194000000000000001090000123456789123412340", "34191.09008 00123.456782 91234.123403 4 00000000000000"),
        new("E5", new DateOnly(2026, 7, 31), 99.90m, "26091152400000099900000007000000000000000003", "26090.00001 07000.000005 00000.000034 1 15240000009990"),
    ];

    /// <summary>Third cycle (decoded with a reference date in 2049).</summary>
    public static readonly BankVector E6 = new("E6", new DateOnly(2049, 10, 14), 250.00m, "10499100000000250000000000000000000000000000", "10490.00001 00000.000000 00000.000000 9 10000000025000");

    /// <summary>
    /// Derived here with the same script: segment/identifier/value/company chosen, general DV and block DVs computed
    /// (mod 10 for identifiers 6/7, arrecadação mod 11 — rest 0/1 → 0 — for 8/9); the script reproduces A1 and A3.
    /// </summary>
    public static IReadOnlyList<CollectionVector> DerivedCollection { get; } =
    [
        new("F1", "84650000001-9 29900123202-2 61125000000-1 00000012340-6", "84650000001299001232026112500000000000012340"),
        new("F2", "86830000008-1 99001122233-9 30001202611-4 30000000100-6", "86830000008990011222333000120261130000000100"),
        new("F3", "81770000000-0 15000007999-9 99999999999-1 99999999990-0", "81770000000150000079999999999999999999999990"),
        new("F4", "82950000004-1 56780321000-3 00000001111-8 11111111110-4", "82950000004567803210000000000111111111111110"),
    ];

    public static IEnumerable<BankVector> AllBank => SharedBank.Concat(DerivedBank);

    public static IEnumerable<CollectionVector> AllCollection => SharedCollection.Concat(DerivedCollection);

    public static TheoryData<string> BankIds() => new(AllBank.Select(v => v.Id));

    public static TheoryData<string> CollectionIds() => new(AllCollection.Select(v => v.Id));

    public static BankVector Bank(string id) => AllBank.Single(v => v.Id == id);

    public static CollectionVector Collection(string id) => AllCollection.Single(v => v.Id == id);

    /// <summary>Reference date for the vectors: every due date above is within the window of 2026-01-15.</summary>
    public static readonly DateOnly Today = new(2026, 1, 15);

    public static string Digits(string s) => new(s.Where(char.IsAsciiDigit).ToArray());

    // Independent check-digit routines (written again for the tests, not calling the library).
    public static int Luhn(string digits)
    {
        var sum = 0;
        for (var i = 0; i < digits.Length; i++)
        {
            var p = (digits[digits.Length - 1 - i] - '0') * (i % 2 == 0 ? 2 : 1);
            sum += (p / 10) + (p % 10);
        }
        return (10 - (sum % 10)) % 10;
    }

    public static int Mod11Rest(string digits)
    {
        var sum = 0;
        for (var i = 0; i < digits.Length; i++) sum += (digits[digits.Length - 1 - i] - '0') * (2 + (i % 8));
        return sum % 11;
    }
}
