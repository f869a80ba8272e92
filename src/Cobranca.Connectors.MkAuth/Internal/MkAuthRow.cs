using System.Globalization;
using System.Text.Json;

namespace Cobranca.Connectors.MkAuth.Internal;

/// <summary>Reads a JSON object row into text values: numbers and booleans as text, null as null, secrets dropped, mojibake repaired.</summary>
internal static class MkAuthRow
{
    public static Dictionary<string, string?> Read(JsonElement row)
    {
        var values = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var property in row.EnumerateObject())
        {
            if (IsSecret(property.Name)) continue;
            values[property.Name] = property.Value.ValueKind switch
            {
                JsonValueKind.String => MkAuthText.Repair(property.Value.GetString() ?? string.Empty),
                JsonValueKind.Number => property.Value.GetRawText(),
                JsonValueKind.True => "true",
                JsonValueKind.False => "false",
                JsonValueKind.Null or JsonValueKind.Undefined => null,
                _ => property.Value.GetRawText(),
            };
        }
        return values;
    }

    /// <summary>Columns never kept: the PPPoE password (<c>senha</c>), other passwords, tokens, gateway keys.</summary>
    public static bool IsSecret(string name) =>
        name.Contains("senha", StringComparison.OrdinalIgnoreCase)
        || name.Contains("password", StringComparison.OrdinalIgnoreCase)
        || name.Contains("token", StringComparison.OrdinalIgnoreCase)
        || name.Contains("secret", StringComparison.OrdinalIgnoreCase)
        || name.StartsWith("chave", StringComparison.OrdinalIgnoreCase)
        || name.Equals("pass", StringComparison.OrdinalIgnoreCase)
        || name.Equals("hash", StringComparison.OrdinalIgnoreCase);

    public static string? Text(this IReadOnlyDictionary<string, string?> row, string key)
    {
        var value = row.TryGetValue(key, out var v) ? v?.Trim() : null;
        return string.IsNullOrEmpty(value) || value is "NULL" or "null" ? null : value;
    }

    public static bool Is(this IReadOnlyDictionary<string, string?> row, string key, params string[] values)
    {
        var text = row.Text(key);
        return text is not null && values.Any(v => string.Equals(text, v, StringComparison.OrdinalIgnoreCase));
    }

    public static DateOnly? Date(this IReadOnlyDictionary<string, string?> row, string key)
    {
        var text = row.Text(key);
        if (text is null || text.StartsWith("0000", StringComparison.Ordinal)) return null;
        if (text.Length > 10) text = text[..10];
        return DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)
            || DateOnly.TryParseExact(text, "dd/MM/yyyy", CultureInfo.InvariantCulture, DateTimeStyles.None, out d) ? d : null;
    }

    public static DateTime? LocalDateTime(this IReadOnlyDictionary<string, string?> row, string key)
    {
        var text = row.Text(key);
        if (text is null || text.StartsWith("0000", StringComparison.Ordinal)) return null;
        string[] formats = ["yyyy-MM-dd HH:mm:ss", "yyyy-MM-dd HH:mm", "yyyy-MM-dd", "yyyy-MM-ddTHH:mm:ss"];
        return DateTime.TryParseExact(text, formats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;
    }
}
