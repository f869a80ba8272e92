using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Cobranca.Connectors.Http;

/// <summary>
/// Reads an optional <see cref="DateTimeOffset"/>. Values with an offset (RFC 3339) keep it; values without one
/// (<c>"2025-03-20 14:05:00"</c>, how ERPs write local time) are taken as America/Sao_Paulo time. <c>""</c> and
/// <c>"0000-00-00 00:00:00"</c> read as null. Writes RFC 3339.
/// </summary>
public sealed class LenientDateTimeOffsetConverter : JsonConverter<DateTimeOffset?>
{
    private static readonly string[] LocalFormats = ["yyyy-MM-dd HH:mm:ss", "yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd HH:mm", "dd/MM/yyyy HH:mm:ss", "yyyy-MM-dd", "dd/MM/yyyy"];

    /// <inheritdoc />
    public override bool HandleNull => true;

    /// <inheritdoc />
    public override DateTimeOffset? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var text = LenientJson.ReadAsText(ref reader)?.Trim();
        if (LenientDateOnlyConverter.IsNullDate(text)) return null;
        if (DateTime.TryParseExact(text, LocalFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
            return Abstractions.BrazilTime.FromLocal(local);
        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var dto))
            return dto;
        throw LenientJson.Invalid("date-time", text);
    }

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, DateTimeOffset? value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        if (value is null) writer.WriteNullValue();
        else writer.WriteStringValue(value.Value.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFzzz", CultureInfo.InvariantCulture));
    }
}
