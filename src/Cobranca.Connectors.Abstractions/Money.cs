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
    /// Parses <c>"1234.56"</c>, <c>"1234,56"</c>, <c>"1.234,56"</c>, <c>"1,234.56"</c>, <c>"R$ 1.234,56"</c> and <c>"-R$ 1.234,56"</c>.
    /// When only one kind of separator appears once, it is the decimal separator unless exactly three digits follow it
    /// (<c>"1.234"</c> is one thousand two hundred and thirty-four); repeated, it groups thousands. Groups that are not
    /// three digits long (<c>"1.2.3"</c>, <c>"12.34,56"</c>) are rejected rather than guessed.
    /// </summary>
    /// <param name="text">The text.</param>
    /// <param name="amount">The amount.</param>
    public static bool TryParse(string? text, out decimal amount)
    {
        amount = 0;
        if (string.IsNullOrWhiteSpace(text)) return false;
        var s = text.Trim();
        // "-R$ 1,00" is how pt-BR formats a negative amount (and what Format produces).
        var negative = s.StartsWith('-') && s.AsSpan(1).TrimStart().StartsWith("R$", StringComparison.OrdinalIgnoreCase);
        if (negative) s = s[1..].TrimStart();
        if (s.StartsWith("R$", StringComparison.OrdinalIgnoreCase)) s = s[2..].Trim();
        if (negative) s = "-" + s;
        s = s.Replace("\u00a0", string.Empty, StringComparison.Ordinal).Replace(" ", string.Empty, StringComparison.Ordinal);
        if (s.Length == 0) return false;

        var lastComma = s.LastIndexOf(',');
        var lastDot = s.LastIndexOf('.');
        string normalised;
        if (lastComma >= 0 && lastDot >= 0)
        {
            var (group, separator) = lastComma > lastDot ? ('.', ',') : (',', '.');
            var at = s.LastIndexOf(separator);
            if (s.IndexOf(separator, StringComparison.Ordinal) != at || !IsGrouped(s[..at], group)) return false;
            normalised = string.Concat(s[..at].Replace(group.ToString(), string.Empty, StringComparison.Ordinal), ".", s[(at + 1)..]);
        }
        else if (lastComma >= 0 || lastDot >= 0)
        {
            var sep = lastComma >= 0 ? ',' : '.';
            var idx = Math.Max(lastComma, lastDot);
            var decimals = s.Length - idx - 1;
            var count = s.Count(c => c == sep);
            if (count == 1 && decimals != 3)
            {
                normalised = s.Replace(sep, '.');
            }
            else
            {
                // Thousands grouping: "1.234", "1.234.567". Groups of other sizes ("1.2.3") are not a number.
                if (!IsGrouped(s, sep)) return false;
                normalised = s.Replace(sep.ToString(), string.Empty, StringComparison.Ordinal);
            }
        }
        else
        {
            normalised = s;
        }

        return decimal.TryParse(normalised, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint,
            CultureInfo.InvariantCulture, out amount);
    }

    /// <summary>True when <paramref name="integerPart"/> is 1-3 digits followed by groups of exactly three.</summary>
    private static bool IsGrouped(string integerPart, char separator)
    {
        var groups = integerPart.TrimStart('-', '+').Split(separator);
        if (groups[0].Length is < 1 or > 3) return false;
        for (var i = 1; i < groups.Length; i++)
        {
            if (groups[i].Length != 3) return false;
        }
        return true;
    }

    /// <summary>Formats as <c>R$ 1.234,56</c>.</summary>
    /// <param name="amount">The amount.</param>
    public static string Format(decimal amount) => Round(amount).ToString("C2", PtBr);

    /// <summary>Formats with a dot and two decimals, <c>1234.56</c>, as the Pix API and most JSON APIs want.</summary>
    /// <param name="amount">The amount.</param>
    public static string ToInvariantString(decimal amount) => Round(amount).ToString("0.00", CultureInfo.InvariantCulture);
}
