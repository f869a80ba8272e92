using System.Text;
using System.Text.Json;

namespace Cobranca.Connectors.Ixc.Internal;

/// <summary>
/// The top level of a listing reply read with one <see cref="Utf8JsonReader"/> pass: <c>total</c>, the rows of
/// <c>registros</c> and the fields of IXC's error shape. Scalars follow <see cref="IxcReply.Str"/> (a string, or a
/// number's text); a repeated property keeps its last value. Rows share their key strings through <see cref="IxcRowShape"/>.
/// </summary>
internal sealed class IxcEnvelope
{
    public bool IsObject { get; private set; }
    public JsonTokenType? TotalKind { get; private set; }
    public long? Total { get; private set; }
    public List<IxcRow> Rows { get; private set; } = [];
    public string? Type { get; private set; }
    public string? Tipo { get; private set; }
    public string? Message { get; private set; }
    public string? Mensagem { get; private set; }
    public string? Codigo { get; private set; }
    public string? Code { get; private set; }

    /// <summary>Reads a whole UTF-8 JSON document; throws <see cref="JsonException"/> when it is malformed.</summary>
    public static IxcEnvelope Read(ReadOnlySpan<byte> json)
    {
        var envelope = new IxcEnvelope();
        var reader = new Utf8JsonReader(json);
        reader.Read();
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            reader.Skip();
            while (reader.Read()) { /* the rest must still be valid JSON */ }
            return envelope;
        }
        envelope.IsObject = true;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("registros"u8))
            {
                reader.Read();
                envelope.Rows = reader.TokenType == JsonTokenType.StartArray ? ReadRows(ref reader, json) : Skip<List<IxcRow>>(ref reader, []);
            }
            else if (reader.ValueTextEquals("total"u8))
            {
                reader.Read();
                envelope.TotalKind = reader.TokenType;
                envelope.Total = reader.TokenType switch
                {
                    JsonTokenType.String when long.TryParse(reader.GetString(), out var t) => t,
                    JsonTokenType.Number when reader.TryGetInt64(out var t) => t,
                    _ => Skip<long?>(ref reader, null),
                };
            }
            else if (reader.ValueTextEquals("type"u8)) envelope.Type = Scalar(ref reader);
            else if (reader.ValueTextEquals("tipo"u8)) envelope.Tipo = Scalar(ref reader);
            else if (reader.ValueTextEquals("message"u8)) envelope.Message = Scalar(ref reader);
            else if (reader.ValueTextEquals("mensagem"u8)) envelope.Mensagem = Scalar(ref reader);
            else if (reader.ValueTextEquals("codigo"u8)) envelope.Codigo = Scalar(ref reader);
            else if (reader.ValueTextEquals("code"u8)) envelope.Code = Scalar(ref reader);
            else
            {
                reader.Read();
                reader.Skip();
            }
        }
        while (reader.Read()) { /* throws for anything but blanks after the object */ }
        return envelope;
    }

    private static T Skip<T>(ref Utf8JsonReader reader, T value)
    {
        reader.Skip();
        return value;
    }

    /// <summary>Reads the value after a property name like <see cref="IxcReply.Str"/>: a string, a number's text, else null.</summary>
    private static string? Scalar(ref Utf8JsonReader reader)
    {
        reader.Read();
        return reader.TokenType switch
        {
            JsonTokenType.String => reader.GetString(),
            JsonTokenType.Number => Encoding.UTF8.GetString(reader.ValueSpan),
            _ => Skip<string?>(ref reader, null),
        };
    }

    /// <summary>Reads the rows of <c>registros</c>; the reader is on its <c>[</c> and ends on its <c>]</c>.</summary>
    private static List<IxcRow> ReadRows(ref Utf8JsonReader reader, ReadOnlySpan<byte> json)
    {
        var rows = new List<IxcRow>();
        IxcRowShape? shape = null;
        var names = new List<string>(64);
        var values = new List<string?>(64);
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            names.Clear();
            values.Clear();
            if (reader.TokenType != JsonTokenType.StartObject)
            {
                reader.Skip(); // not an object: an empty row, as before
                rows.Add(new IxcRow(new IxcRowShape([]).Fill(values)));
                continue;
            }
            var same = shape is not null;
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var i = names.Count;
                string name;
                if (same && i < shape!.Names.Length && reader.ValueTextEquals(shape.Utf8Names[i])) name = shape.Names[i];
                else
                {
                    same = false;
                    name = reader.GetString()!;
                }
                names.Add(name);
                reader.Read();
                values.Add(Value(ref reader, json));
            }
            if (!same || names.Count != shape!.Names.Length) shape = new IxcRowShape([.. names]);
            rows.Add(new IxcRow(shape.Fill(values)));
        }
        return rows;
    }

    /// <summary>A field value: a string, null, or the raw JSON text of anything else (numbers, booleans, objects, arrays).</summary>
    private static string? Value(ref Utf8JsonReader reader, ReadOnlySpan<byte> json)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.String:
                return (reader.ValueIsEscaped ? null : ShortValues.Get(reader.ValueSpan)) ?? reader.GetString();
            case JsonTokenType.Null:
                return null;
            case JsonTokenType.StartObject or JsonTokenType.StartArray:
                var start = (int)reader.TokenStartIndex;
                reader.Skip();
                return Encoding.UTF8.GetString(json[start..(int)reader.BytesConsumed]);
            default:
                return Encoding.UTF8.GetString(reader.ValueSpan);
        }
    }

    /// <summary>
    /// The empty value and the values of one ASCII character ("0", "A", "S", "N"...), which IXC repeats in many fields of
    /// every row: one shared string each instead of one per field. Longer repeated values (dates, amounts) are not
    /// shared: a per-page lookup for them cost more time than the allocations it saved.
    /// </summary>
    private static class ShortValues
    {
        private static readonly string[] Ascii = [.. Enumerable.Range(0, 128).Select(c => ((char)c).ToString())];

        /// <summary>The shared string of <paramref name="utf8"/> (unescaped), or null when it is not one of them.</summary>
        public static string? Get(ReadOnlySpan<byte> utf8) => utf8.Length switch
        {
            0 => string.Empty,
            1 when utf8[0] < 128 => Ascii[utf8[0]],
            _ => null,
        };
    }
}
