using System.Text.Json;
using System.Text.Json.Serialization;

namespace Cobranca.Connectors.Http;

/// <summary>
/// Reads a list that ERPs sometimes send as null, <c>""</c>, <c>false</c> or <c>{}</c> when empty; all of those read
/// as an empty list. A real array is read item by item with the options' converter for <typeparamref name="T"/>.
/// </summary>
/// <typeparam name="T">The item type.</typeparam>
public sealed class LenientListConverter<T> : JsonConverter<IReadOnlyList<T>>
{
    /// <inheritdoc />
    public override bool HandleNull => true;

    /// <inheritdoc />
    public override IReadOnlyList<T> Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        switch (reader.TokenType)
        {
            case JsonTokenType.Null:
            case JsonTokenType.False:
                return [];
            case JsonTokenType.String when string.IsNullOrWhiteSpace(reader.GetString()):
                return [];
            case JsonTokenType.StartObject:
                // An empty object stands for an empty list; a non-empty object keyed by index is read as its values.
                var fromObject = new List<T>();
                var valueInfo = (System.Text.Json.Serialization.Metadata.JsonTypeInfo<T>)options.GetTypeInfo(typeof(T));
                while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
                {
                    reader.Read();
                    fromObject.Add(JsonSerializer.Deserialize(ref reader, valueInfo)!);
                }
                return fromObject;
            case JsonTokenType.StartArray:
                var list = new List<T>();
                var info = (System.Text.Json.Serialization.Metadata.JsonTypeInfo<T>)options.GetTypeInfo(typeof(T));
                while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                    list.Add(JsonSerializer.Deserialize(ref reader, info)!);
                return list;
            default:
                throw new JsonException($"Expected a list, found {reader.TokenType}.");
        }
    }

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, IReadOnlyList<T> value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(options);
        var info = (System.Text.Json.Serialization.Metadata.JsonTypeInfo<T>)options.GetTypeInfo(typeof(T));
        writer.WriteStartArray();
        foreach (var item in value ?? []) JsonSerializer.Serialize(writer, item, info);
        writer.WriteEndArray();
    }
}
