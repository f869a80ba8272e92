using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Cobranca.Connectors.Http;

/// <summary>
/// Reads an optional <see cref="DateOnly"/> from <c>yyyy-MM-dd</c>, <c>dd/MM/yyyy</c> or a date-time whose date part
/// is taken; <c>""</c>, <c>"0"</c>, <c>"0000-00-00"</c> (and <c>"0000-00-00 00:00:00"</c>) read as null. Writes <c>yyyy-MM-dd</c>.
/// </summary>
public sealed class LenientDateOnlyConverter : JsonConverter<DateOnly?>
{
    private static readonly string[] Formats = ["yyyy-MM-dd", "dd/MM/yyyy", "yyyy-MM-dd HH:mm:ss", "yyyy-MM-dd'T'HH:mm:ss", "dd/MM/yyyy HH:mm:ss"];

    /// <inheritdoc />
    public override bool HandleNull => true;

    /// <inheritdoc />
    public override DateOnly? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var text = LenientJson.ReadAsText(ref reader)?.Trim();
        if (IsNullDate(text)) return null;
        if (DateTime.TryParseExact(text, Formats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var dt))
            return DateOnly.FromDateTime(dt);
        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var dto))
            return DateOnly.FromDateTime(dto.DateTime);
        throw LenientJson.Invalid("date", text);
    }

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, DateOnly? value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        if (value is null) writer.WriteNullValue();
        else writer.WriteStringValue(value.Value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
    }

    internal static bool IsNullDate(string? text) =>
        LenientJson.IsEmpty(text) || text == "0" || text!.StartsWith("0000-00-00", StringComparison.Ordinal) ||
        text.StartsWith("00/00/0000", StringComparison.Ordinal);
}
