using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Cobranca.Connectors.Http;

/// <summary>Token-reading helpers shared by the lenient converters.</summary>
internal static class LenientJson
{
    /// <summary>Reads the current token as text: strings as they are, numbers and booleans as their JSON text; null for JSON null.</summary>
    public static string? ReadAsText(ref Utf8JsonReader reader)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.Null:
                return null;
            case JsonTokenType.String:
                return reader.GetString();
            case JsonTokenType.Number:
                return reader.HasValueSequence
                    ? Encoding.UTF8.GetString(reader.ValueSequence.ToArray())
                    : Encoding.UTF8.GetString(reader.ValueSpan);
            case JsonTokenType.True:
                return "true";
            case JsonTokenType.False:
                return "false";
            default:
                throw new JsonException($"Expected a string, number or boolean, found {reader.TokenType}.");
        }
    }

    /// <summary>True for the values Brazilian ERPs use to mean "no value".</summary>
    public static bool IsEmpty(string? text) =>
        text is null || string.IsNullOrWhiteSpace(text) || text.Trim() is "null" or "NULL";

    /// <summary>Parses an amount: invariant <c>1234.56</c>, or pt-BR <c>1.234,56</c> / <c>1234,56</c>.</summary>
    public static bool TryParseDecimal(string text, out decimal value)
    {
        var s = text.Trim();
        if (s.Contains(',', StringComparison.Ordinal))
            return Abstractions.Money.TryParse(s, out value);
        return decimal.TryParse(s, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent,
            CultureInfo.InvariantCulture, out value);
    }

    public static bool TryParseBoolean(string text, out bool value)
    {
        switch (text.Trim().ToUpperInvariant())
        {
            case "S": case "SIM": case "Y": case "YES": case "TRUE": case "1": case "T": case "ON":
                value = true;
                return true;
            case "N": case "NAO": case "NÃO": case "NO": case "FALSE": case "0": case "F": case "OFF":
                value = false;
                return true;
            default:
                value = false;
                return false;
        }
    }

    public static JsonException Invalid(string what, string? text) =>
        // The text is not echoed: it may be personal data.
        new($"The value is not a valid {what} (length {text?.Length ?? 0}).");
}
