using System.Text.Json;
using System.Text.Json.Serialization;

namespace Cobranca.Connectors.Http;

/// <summary>
/// Reads a <see cref="decimal"/> amount from a number or a string, invariant (<c>"1234.56"</c>) or with a comma
/// (<c>"1234,56"</c>, <c>"1.234,56"</c>); <c>""</c> reads as 0. Writes a JSON number.
/// </summary>
public sealed class LenientDecimalConverter : JsonConverter<decimal>
{
    /// <inheritdoc />
    public override decimal Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var text = LenientJson.ReadAsText(ref reader);
        if (LenientJson.IsEmpty(text)) return 0m;
        return LenientJson.TryParseDecimal(text!, out var value) ? value : throw LenientJson.Invalid("amount", text);
    }

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, decimal value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteNumberValue(value);
    }
}
