using System.Globalization;
using System.Text;

namespace Cobranca.Connectors.Testing;

/// <summary>
/// Builds a structurally valid FEBRABAN boleto barcode (44 digits) and its linha digitável (47 digits) for test data:
/// real mod-10 field check digits, real mod-11 general check digit and the due-date factor with the 2025-02-22 reset.
/// The campo livre follows the Banco do Brasil 7-digit convênio layout with a made-up convênio.
/// </summary>
internal static class BoletoCodes
{
    private const string Bank = "001";
    private const string Convenio = "3128557";
    private static readonly DateOnly FactorBase = new(1997, 10, 7);

    /// <summary>Builds the pair, or returns false when the amount or date cannot be encoded.</summary>
    public static bool TryBuild(string invoiceId, DateOnly dueDate, decimal amount, out string barcode, out string digitableLine)
    {
        barcode = digitableLine = string.Empty;
        var cents = decimal.Round(amount * 100m, 0, MidpointRounding.AwayFromZero);
        var days = dueDate.DayNumber - FactorBase.DayNumber;
        if (cents is < 0 or > 9_999_999_999m || days < 1000) return false;
        var factor = Factor(dueDate);

        var sequence = new string(invoiceId.Where(char.IsAsciiDigit).ToArray());
        if (sequence.Length == 0 || sequence.Length > 10) return false;
        var freeField = "000000" + Convenio + sequence.PadLeft(10, '0') + "17";

        var withoutDv = string.Create(CultureInfo.InvariantCulture, $"{Bank}9{factor:0000}{(long)cents:0000000000}{freeField}");
        var dv = GeneralCheckDigit(withoutDv);
        barcode = withoutDv[..4] + dv + withoutDv[4..];

        digitableLine = LineFromBarcode(barcode);
        return true;
    }

    /// <summary>Rearranges a 44-digit barcode into the 47-digit linha digitável (fields 1-3 get their mod-10 digits).</summary>
    internal static string LineFromBarcode(string barcode)
    {
        var f1 = barcode[..4] + barcode[19..24];
        var f2 = barcode[24..34];
        var f3 = barcode[34..44];
        return new StringBuilder(47)
            .Append(f1).Append(Mod10(f1))
            .Append(f2).Append(Mod10(f2))
            .Append(f3).Append(Mod10(f3))
            .Append(barcode[4])
            .Append(barcode, 5, 14)
            .ToString();
    }

    /// <summary>Due-date factor: days since 1997-10-07, restarting at 1000 on 2025-02-22.</summary>
    internal static int Factor(DateOnly dueDate)
    {
        var days = dueDate.DayNumber - FactorBase.DayNumber;
        return days <= 9999 ? days : ((days - 10000) % 9000) + 1000;
    }

    /// <summary>Mod 11 with weights 2..9 from the right; results 0, 10 and 11 become 1.</summary>
    internal static int GeneralCheckDigit(string digits)
    {
        var sum = 0;
        var weight = 2;
        for (var i = digits.Length - 1; i >= 0; i--)
        {
            sum += (digits[i] - '0') * weight;
            weight = weight == 9 ? 2 : weight + 1;
        }
        var dv = 11 - (sum % 11);
        return dv is 0 or 10 or 11 ? 1 : dv;
    }

    /// <summary>Mod 10 with weights 2,1,2,1... from the right, two-digit products summed digit by digit.</summary>
    internal static int Mod10(string digits)
    {
        var sum = 0;
        var weight = 2;
        for (var i = digits.Length - 1; i >= 0; i--)
        {
            var product = (digits[i] - '0') * weight;
            sum += product / 10 + product % 10;
            weight = weight == 2 ? 1 : 2;
        }
        return (10 - (sum % 10)) % 10;
    }
}
