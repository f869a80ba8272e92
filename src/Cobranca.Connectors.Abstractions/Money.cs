using System.Globalization;

namespace Cobranca.Connectors.Abstractions;

/// <summary>
/// BRL amounts are <see cref="decimal"/> everywhere in this SDK (never <see cref="double"/>). These helpers parse and
/// format them the ways Brazilian systems write them, with an explicit rounding rule.
/// </summary>
public static class Money
{
    private static readonly CultureInfo PtBr = CultureInfo.GetCultureInfo("pt-BR");

    /// <summary>Rounds to centavos, half away from zero (the usual commercial rule).</summary>
    /// <param name="amount">The amount.</param>
    public static decimal Round(decimal amount) => Math.Round(amount, 2, MidpointRounding.AwayFromZero);

    /// <summary>
    /// Parses <c>"1234.56"</c>, <c>"1234,56"</c>, <c>"1.234,56"</c>, <c>"1,234.56"</c> and <c>"R$ 1.234,56"</c>.
    /// When only one kind of separator appears once, it is the decimal separator unless exactly three digits follow it
    /// (<c>"1.234"</c> is one thousand two hundred and thirty-four); repeated, it groups thousands.
    /// </summary>
    /// <param name="text">The text.</param>
    /// <param name="amount">The amount.</param>
    public static bool TryParse(string? text, out decimal amount)
    {
        amount = 0;
        if (string.IsNullOrWhiteSpace(text)) return false;
        var s = text.Trim();
        if (s.StartsWith("R$", StringComparison.OrdinalIgnoreCase)) s = s[2..].Trim();
        s = s.Replace("\u00a0", string.Empty, StringComparison.Ordinal).Replace(" ", string.Empty, StringComparison.Ordinal);
        if (s.Length == 0) return false;

        var lastComma = s.LastIndexOf(',');
        var lastDot = s.LastIndexOf('.');
        string normalised;
        if (lastComma >= 0 && lastDot >= 0)
        {
            normalised = lastComma > lastDot
                ? s.Replace(".", string.Empty, StringComparison.Ordinal).Replace(',', '.')
                : s.Replace(",", string.Empty, StringComparison.Ordinal);
        }
        else if (lastComma >= 0 || lastDot >= 0)
        {
            var sep = lastComma >= 0 ? ',' : '.';
            var idx = Math.Max(lastComma, lastDot);
            var decimals = s.Length - idx - 1;
            var count = s.Count(c => c == sep);
            normalised = count == 1 && decimals != 3
                ? s.Replace(sep, '.')
                : s.Replace(sep.ToString(), string.Empty, StringComparison.Ordinal);
        }
        else
        {
            normalised = s;
        }

        return decimal.TryParse(normalised, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint,
            CultureInfo.InvariantCulture, out amount);
    }

    /// <summary>Formats as <c>R$ 1.234,56</c>.</summary>
    /// <param name="amount">The amount.</param>
    public static string Format(decimal amount) => Round(amount).ToString("C2", PtBr);

    /// <summary>Formats with a dot and two decimals, <c>1234.56</c>, as the Pix API and most JSON APIs want.</summary>
    /// <param name="amount">The amount.</param>
    public static string ToInvariantString(decimal amount) => Round(amount).ToString("0.00", CultureInfo.InvariantCulture);
}
