using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Cobranca.Connectors.Http;

/// <summary>Reads an <see cref="int"/> from a number or a numeric string (<c>"total": "2"</c>); <c>""</c> reads as 0.</summary>
public sealed class LenientInt32Converter : JsonConverter<int>
{
    /// <inheritdoc />
    public override int Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var text = LenientJson.ReadAsText(ref reader);
        if (LenientJson.IsEmpty(text)) return 0;
        return int.TryParse(text!.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw LenientJson.Invalid("integer", text);
    }

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, int value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteNumberValue(value);
    }
}
