using System.Globalization;
using System.Text.Json;

namespace Cobranca.Connectors.Sgp.Internal;

/// <summary>Tolerant readers for SGP's replies: numbers or strings, Python's <c>"None"</c>, padded text, two date formats.</summary>
internal static class SgpJson
{
    /// <summary>The first non-null property of <paramref name="names"/>; with no names, the element itself (array items).</summary>
    public static JsonElement? Prop(this JsonElement e, params string[] names)
    {
        if (names.Length == 0) return e.ValueKind is JsonValueKind.Null or JsonValueKind.Undefined ? null : e;
        if (e.ValueKind != JsonValueKind.Object) return null;
        foreach (var name in names)
        {
            if (e.TryGetProperty(name, out var v) && v.ValueKind is not (JsonValueKind.Null or JsonValueKind.Undefined)) return v;
        }
        return null;
    }

    /// <summary>Text, trimmed; <c>""</c>, <c>"None"</c> and <c>"null"</c> (Python leaks) are null.</summary>
    public static string? Str(this JsonElement e, params string[] names)
    {
        if (e.Prop(names) is not { } v) return null;
        var s = v.ValueKind switch
        {
            JsonValueKind.String => v.GetString(),
            JsonValueKind.Number => v.GetRawText(),
            JsonValueKind.True => "true",
            JsonValueKind.False => "false",
            _ => null,
        };
        s = s?.Trim();
        return string.IsNullOrEmpty(s) || s is "None" or "null" or "none" ? null : s;
    }

    public static int? Int(this JsonElement e, params string[] names) =>
        e.Str(names) is { } s && int.TryParse(s, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var i) ? i : null;

    public static decimal? Dec(this JsonElement e, params string[] names)
    {
        if (e.Str(names) is not { } s) return null;
        if (s.Contains(',', StringComparison.Ordinal)) s = s.Replace(".", "", StringComparison.Ordinal).Replace(',', '.');
        return decimal.TryParse(s, NumberStyles.Number, CultureInfo.InvariantCulture, out var d) ? d : null;
    }

    /// <summary>true/false, "true"/"True"/"1"/1 (deliberately loose: reading "True" as false would hide a real unlock).</summary>
    public static bool? Bool(this JsonElement e, params string[] names) => e.Str(names)?.ToUpperInvariant() switch
    {
        "TRUE" or "1" or "S" or "SIM" => true,
        "FALSE" or "0" or "N" or "NAO" or "NÃO" => false,
        _ => null,
    };

    /// <summary><c>yyyy-MM-dd</c> (optionally with a time) or <c>dd/MM/yyyy</c> (optionally with a time).</summary>
    public static DateOnly? Date(this JsonElement e, params string[] names)
    {
        if (e.Str(names) is not { } s) return null;
        var date = s.Length >= 10 ? s[..10] : s;
        if (DateOnly.TryParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var iso)) return iso;
        if (DateOnly.TryParseExact(date, "dd/MM/yyyy", CultureInfo.InvariantCulture, DateTimeStyles.None, out var br)) return br;
        return null;
    }

    public static IEnumerable<JsonElement> Array(this JsonElement e, string name) =>
        e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out var a) && a.ValueKind == JsonValueKind.Array ? a.EnumerateArray() : [];

    /// <summary>Every scalar field as text, secrets removed (for <c>Raw</c>).</summary>
    public static IReadOnlyDictionary<string, string?> Raw(JsonElement e)
    {
        var raw = new Dictionary<string, string?>(StringComparer.Ordinal);
        if (e.ValueKind != JsonValueKind.Object) return raw;
        foreach (var p in e.EnumerateObject())
        {
            if (IsSecret(p.Name) || p.Value.ValueKind is JsonValueKind.Object or JsonValueKind.Array) continue;
            raw[p.Name] = e.Str(p.Name);
        }
        return raw.AsReadOnly();
    }

    /// <summary>Fields SGP returns that must never be kept, logged or shown: PPPoE and central passwords, central login, tokens.</summary>
    public static bool IsSecret(string name) =>
        name.Contains("senha", StringComparison.OrdinalIgnoreCase) || name.Contains("password", StringComparison.OrdinalIgnoreCase)
        || name.Contains("token", StringComparison.OrdinalIgnoreCase) || name.Equals("contratoCentralLogin", StringComparison.OrdinalIgnoreCase);
}
