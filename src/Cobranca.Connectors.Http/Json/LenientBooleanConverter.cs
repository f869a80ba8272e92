using System.Text.Json;
using System.Text.Json.Serialization;

namespace Cobranca.Connectors.Http;

/// <summary>
/// Reads a <see cref="bool"/> from JSON booleans and from the strings Brazilian ERPs use: <c>"S"</c>/<c>"N"</c>,
/// <c>"sim"</c>/<c>"nao"</c>/<c>"não"</c>, <c>"1"</c>/<c>"0"</c>, <c>"true"</c>/<c>"false"</c> (any case); <c>""</c> reads as false.
/// Writes a JSON boolean.
/// </summary>
public sealed class LenientBooleanConverter : JsonConverter<bool>
{
    /// <inheritdoc />
    public override bool Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var text = LenientJson.ReadAsText(ref reader);
        if (LenientJson.IsEmpty(text)) return false;
        return LenientJson.TryParseBoolean(text!, out var value) ? value : throw LenientJson.Invalid("yes/no value", text);
    }

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, bool value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteBooleanValue(value);
    }
}
