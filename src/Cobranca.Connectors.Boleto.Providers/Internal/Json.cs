using System.Globalization;
using System.Text.Json.Nodes;

namespace Cobranca.Connectors.Boleto.Providers.Internal;

/// <summary>Tolerant readers over <see cref="JsonNode"/>: numbers may come as strings and vice versa; a missing or odd field is null.</summary>
internal static class Json
{
    /// <summary>The child <paramref name="name"/> of an object; null for anything else (never throws on a value or array).</summary>
    public static JsonNode? Get(JsonNode? node, string name) => node is JsonObject o ? o[name] : null;

    public static string? Text(JsonNode? node, params string[] names)
    {
        if (node is not JsonObject o) return null;
        foreach (var name in names)
        {
            if (o[name] is JsonValue v)
            {
                if (v.TryGetValue<string>(out var s)) return string.IsNullOrWhiteSpace(s) ? null : s.Trim();
                if (v.TryGetValue<long>(out var l)) return l.ToString(CultureInfo.InvariantCulture);
                if (v.TryGetValue<decimal>(out var d)) return d.ToString(CultureInfo.InvariantCulture);
                if (v.TryGetValue<bool>(out var b)) return b ? "true" : "false";
            }
        }

        return null;
    }

    public static decimal? Decimal(JsonNode? node, params string[] names)
    {
        if (node is not JsonObject o) return null;
        foreach (var name in names)
        {
            if (o[name] is not JsonValue v) continue;
            if (v.TryGetValue<decimal>(out var d)) return d;
            if (v.TryGetValue<string>(out var s) && decimal.TryParse(s, NumberStyles.Number, CultureInfo.InvariantCulture, out var parsed)) return parsed;
        }

        return null;
    }

    public static long? Long(JsonNode? node, params string[] names)
    {
        if (node is not JsonObject o) return null;
        foreach (var name in names)
        {
            if (o[name] is not JsonValue v) continue;
            if (v.TryGetValue<long>(out var l)) return l;
            if (v.TryGetValue<string>(out var s) && long.TryParse(s, NumberStyles.Integer, CultureInfo.InvariantCulture, out var parsed)) return parsed;
        }

        return null;
    }

    /// <summary>A date in any of the formats banks use: yyyy-MM-dd, dd.MM.yyyy, dd/MM/yyyy, or a timestamp starting with one of them.</summary>
    public static DateOnly? Date(JsonNode? node, params string[] names) => ParseDate(Text(node, names));

    public static DateOnly? ParseDate(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        var t = text.Trim();
        string[] formats = ["yyyy-MM-dd", "dd.MM.yyyy", "dd/MM/yyyy"];
        foreach (var f in formats)
        {
            if (t.Length >= f.Length && DateOnly.TryParseExact(t[..f.Length], f, CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)) return d;
        }

        return null;
    }

    /// <summary>A timestamp: ISO 8601 with offset, or a local São Paulo date/time ("12/06/2025 16:29:30", "2024-06-18 00:00:00.0").</summary>
    public static DateTimeOffset? Timestamp(JsonNode? node, TimeZoneInfo zone, params string[] names)
    {
        var text = Text(node, names);
        if (text is null) return null;
        if (text.Length > 10 && (text.Contains('T', StringComparison.Ordinal) && (text.EndsWith('Z') || text.Contains('+', StringComparison.Ordinal) || text.LastIndexOf('-') > 10))
            && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var iso)) return iso;
        string[] formats = ["yyyy-MM-dd HH:mm:ss.f", "yyyy-MM-dd HH:mm:ss", "yyyy-MM-ddTHH:mm:ss", "yyyy-MM-ddTHH:mm:ss.fff", "dd/MM/yyyy HH:mm:ss", "dd.MM.yyyy HH:mm:ss"];
        if (DateTime.TryParseExact(text, formats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
            return new DateTimeOffset(local, zone.GetUtcOffset(local));
        if (ParseDate(text) is { } day)
        {
            var midnight = day.ToDateTime(TimeOnly.MinValue);
            return new DateTimeOffset(midnight, zone.GetUtcOffset(midnight));
        }

        return null;
    }

    public static string Digits(string? text) => text is null ? string.Empty : new string(text.Where(char.IsAsciiDigit).ToArray());
}
