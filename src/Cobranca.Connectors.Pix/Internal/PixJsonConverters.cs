using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using Cobranca.Connectors.Http;

namespace Cobranca.Connectors.Pix.Internal;

/// <summary>
/// BACEN money and percentages are strings with a dot and two decimals (<c>"110.00"</c>). Reads a string or a number,
/// writes the string form (invariant culture, half away from zero).
/// </summary>
internal sealed class PixAmountConverter : JsonConverter<decimal>
{
    public override decimal Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var text = LenientJson.ReadAsText(ref reader);
        return text is not null && LenientJson.TryParseDecimal(text, out var value) ? value : throw LenientJson.Invalid("amount", text);
    }

    public override void Write(Utf8JsonWriter writer, decimal value, JsonSerializerOptions options) =>
        writer.WriteStringValue(Math.Round(value, 2, MidpointRounding.AwayFromZero).ToString("0.00", CultureInfo.InvariantCulture));
}

internal sealed class PixChargeStatusJsonConverter : JsonConverter<PixChargeStatus>
{
    public override PixChargeStatus Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.TokenType == JsonTokenType.String ? new PixChargeStatus(reader.GetString()!) : default;

    public override void Write(Utf8JsonWriter writer, PixChargeStatus value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value.Value);
}

internal sealed class PixRefundStatusJsonConverter : JsonConverter<PixRefundStatus>
{
    public override PixRefundStatus Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.TokenType == JsonTokenType.String ? new PixRefundStatus(reader.GetString()!) : default;

    public override void Write(Utf8JsonWriter writer, PixRefundStatus value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value.Value);
}

/// <summary>Reads an array, a single object (as a one-item list) or null.</summary>
internal sealed class SingleOrArrayConverter<T> : JsonConverter<List<T>>
    where T : class
{
    public override List<T>? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var info = (JsonTypeInfo<T>)options.GetTypeInfo(typeof(T));
        switch (reader.TokenType)
        {
            case JsonTokenType.Null:
                return null;
            case JsonTokenType.StartObject:
                var single = JsonSerializer.Deserialize(ref reader, info);
                return single is null ? [] : [single];
            case JsonTokenType.StartArray:
                var list = new List<T>();
                while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                {
                    var item = JsonSerializer.Deserialize(ref reader, info);
                    if (item is not null) list.Add(item);
                }

                return list;
            default:
                reader.Skip();
                return [];
        }
    }

    public override void Write(Utf8JsonWriter writer, List<T> value, JsonSerializerOptions options)
    {
        var info = (JsonTypeInfo<T>)options.GetTypeInfo(typeof(T));
        writer.WriteStartArray();
        foreach (var item in value) JsonSerializer.Serialize(writer, item, info);
        writer.WriteEndArray();
    }
}
