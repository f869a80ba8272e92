using System.CommandLine.Parsing;
using Cobranca.Connectors.Abstractions;

namespace Cobranca.Cli;

/// <summary>Culture-independent parsers for option values (the machine's culture never changes what a value means).</summary>
public static class CliParsers
{
    /// <summary>
    /// A BRL amount: <c>99.90</c>, <c>99,90</c>, <c>1.234,56</c>, <c>1,234.56</c> or <c>R$ 99,90</c>, read by
    /// <see cref="Money.TryParse"/> whatever the machine's culture. A single separator followed by exactly three
    /// digits (<c>1.234</c>, <c>1,234</c>) is refused: it reads as one thousand in Brazil and as one in the US.
    /// Must be positive, with at most two decimals.
    /// </summary>
    /// <param name="result">The token(s) of the option.</param>
    public static decimal Amount(ArgumentResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var text = result.Tokens.Count == 1 ? result.Tokens[0].Value : string.Empty;
        if (IsAmbiguous(text))
        {
            result.AddError($"Ambiguous amount '{text}': write 1234.00 or 1.234,00 for one thousand two hundred and thirty-four, 1.23 for one real and twenty-three centavos.");
            return 0m;
        }
        if (!Money.TryParse(text, out var amount))
        {
            result.AddError($"Not an amount: '{text}'. Write it as 99.90 or 99,90.");
            return 0m;
        }
        if (amount <= 0m || decimal.Round(amount, 2) != amount)
        {
            result.AddError($"The amount must be positive with at most two decimals: '{text}'.");
            return 0m;
        }
        return amount;
    }

    /// <summary>An absolute http(s) URL.</summary>
    /// <param name="result">The token of the option.</param>
    public static Uri? AbsoluteUrl(ArgumentResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var text = result.Tokens.Count == 1 ? result.Tokens[0].Value : string.Empty;
        if (Uri.TryCreate(text, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp))
        {
            return uri;
        }
        result.AddError($"Not an absolute http(s) URL: '{text}'.");
        return null;
    }

    /// <summary>A date as yyyy-MM-dd.</summary>
    /// <param name="result">The token of the option.</param>
    public static DateOnly? Date(ArgumentResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var text = result.Tokens.Count == 1 ? result.Tokens[0].Value : string.Empty;
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var date))
        {
            return date;
        }
        result.AddError($"Not a date as yyyy-MM-dd: '{text}'.");
        return null;
    }

    /// <summary>One separator (dot or comma), used once, with exactly three digits after it and none other present.</summary>
    private static bool IsAmbiguous(string text)
    {
        var s = text.Trim();
        if (s.StartsWith("R$", StringComparison.OrdinalIgnoreCase)) s = s[2..].Trim();
        var dots = s.Count(c => c == '.');
        var commas = s.Count(c => c == ',');
        if (dots + commas != 1) return false;
        var at = s.IndexOfAny(['.', ',']);
        return s.Length - at - 1 == 3;
    }
}
