using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Cobranca.Connectors.Http;

/// <summary>Reads an optional <see cref="int"/> from a number or a numeric string; <c>""</c> and null read as null.</summary>
public sealed class LenientNullableInt32Converter : JsonConverter<int?>
{
    /// <inheritdoc />
    public override bool HandleNull => true;

    /// <inheritdoc />
    public override int? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var text = LenientJson.ReadAsText(ref reader);
        if (LenientJson.IsEmpty(text)) return null;
        return int.TryParse(text!.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw LenientJson.Invalid("integer", text);
    }

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, int? value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        if (value is null) writer.WriteNullValue();
        else writer.WriteNumberValue(value.Value);
    }
}
