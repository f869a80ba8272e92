using System.Text.Json;
using System.Text.Json.Serialization;

namespace Cobranca.Connectors.Http;

/// <summary>
/// Reads a foreign-key id: <c>""</c>, <c>"0"</c>, <c>0</c> and null mean "none" (IXC writes <c>"id_contrato": "0"</c>
/// for an invoice without contract). Numbers are read as text.
/// </summary>
public sealed class LenientIdConverter : JsonConverter<string?>
{
    /// <inheritdoc />
    public override bool HandleNull => true;

    /// <inheritdoc />
    public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var text = LenientJson.ReadAsText(ref reader)?.Trim();
        return LenientJson.IsEmpty(text) || text!.All(c => c == '0') ? null : text;
    }

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, string? value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        if (value is null) writer.WriteNullValue();
        else writer.WriteStringValue(value);
    }
}
