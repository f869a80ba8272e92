using System.Globalization;
using Cobranca.Connectors.Abstractions;

namespace Cobranca.Connectors.Ixc.Internal;

/// <summary>
/// One IXC row as strings (IXC sends every scalar as a string). Reads are tolerant: <c>""</c>, <c>"0"</c> (for keys)
/// and <c>"0000-00-00"</c> are null; money accepts a dot or a comma.
/// </summary>
internal sealed class IxcRow
{
    private readonly IxcFields _fields;

    public IxcRow(IxcFields fields) => _fields = fields;

    /// <summary>The text of a field, trimmed; null when missing or blank.</summary>
    public string? Text(string field) =>
        _fields.TryGetValue(field, out var v) && !string.IsNullOrWhiteSpace(v) ? v.Trim() : null;

    /// <summary>A foreign key / id: null when missing, blank or <c>"0"</c>.</summary>
    public string? Key(string field) => Text(field) is { } v && v != "0" ? v : null;

    /// <summary>An <c>S</c>/<c>N</c> flag.</summary>
    public bool Flag(string field) => string.Equals(Text(field), "S", StringComparison.OrdinalIgnoreCase);

    /// <summary>Money; null when missing or unparseable.</summary>
    public decimal? Money(string field) =>
        Abstractions.Money.TryParse(Text(field), out var amount) ? amount : null;

    /// <summary>A date (<c>yyyy-MM-dd</c>, optionally with a time, or <c>dd/MM/yyyy</c>); null for <c>0000-00-00</c>.</summary>
    public DateOnly? Date(string field)
    {
        var v = Text(field);
        if (v is null || v.StartsWith("0000", StringComparison.Ordinal) || v == "0") return null;
        var datePart = v.Length > 10 ? v[..10] : v;
        if (DateOnly.TryParseExact(datePart, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)) return d;
        if (DateOnly.TryParseExact(datePart, "dd/MM/yyyy", CultureInfo.InvariantCulture, DateTimeStyles.None, out d)) return d;
        return null;
    }

    /// <summary>
    /// The row as a read-only dictionary, for the models' <c>Raw</c>. Secret-like fields (<c>senha*</c>, <c>*token*</c>,
    /// <c>*password*</c>, <c>*hash*</c>, <c>*secret*</c>) were dropped when the row was read; the row is never mutated.
    /// </summary>
    public IReadOnlyDictionary<string, string?> Raw => _fields;

    public static bool IsSecretField(string key) =>
        key.Contains("senha", StringComparison.OrdinalIgnoreCase)
        || key.Contains("password", StringComparison.OrdinalIgnoreCase)
        || key.Contains("token", StringComparison.OrdinalIgnoreCase)
        || key.Contains("hash", StringComparison.OrdinalIgnoreCase)
        || key.Contains("secret", StringComparison.OrdinalIgnoreCase);
}
