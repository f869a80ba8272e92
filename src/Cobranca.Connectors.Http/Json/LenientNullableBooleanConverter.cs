using System.Text.Json;
using System.Text.Json.Serialization;

namespace Cobranca.Connectors.Http;

/// <summary>Like <see cref="LenientBooleanConverter"/>, but <c>""</c> and null read as null.</summary>
public sealed class LenientNullableBooleanConverter : JsonConverter<bool?>
{
    /// <inheritdoc />
    public override bool HandleNull => true;

    /// <inheritdoc />
    public override bool? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var text = LenientJson.ReadAsText(ref reader);
        if (LenientJson.IsEmpty(text)) return null;
        return LenientJson.TryParseBoolean(text!, out var value) ? value : throw LenientJson.Invalid("yes/no value", text);
    }

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, bool? value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        if (value is null) writer.WriteNullValue();
        else writer.WriteBooleanValue(value.Value);
    }
}
