using System.Text.Json;
using System.Text.Json.Serialization;
using Cobranca.Connectors.Http;

namespace Cobranca.Connectors.Http.Tests;

public sealed class LenientConvertersTests
{
    private sealed class Row
    {
        [JsonConverter(typeof(LenientInt32Converter))] public int Total { get; set; }
        [JsonConverter(typeof(LenientNullableInt32Converter))] public int? Dias { get; set; }
        [JsonConverter(typeof(LenientDecimalConverter))] public decimal Valor { get; set; }
        [JsonConverter(typeof(LenientNullableDecimalConverter))] public decimal? Aberto { get; set; }
        [JsonConverter(typeof(LenientBooleanConverter))] public bool Ativo { get; set; }
        [JsonConverter(typeof(LenientNullableBooleanConverter))] public bool? Liberado { get; set; }
        [JsonConverter(typeof(LenientDateOnlyConverter))] public DateOnly? Vencimento { get; set; }
        [JsonConverter(typeof(LenientDateTimeOffsetConverter))] public DateTimeOffset? Pagamento { get; set; }
        [JsonConverter(typeof(LenientStringConverter))] public string? Id { get; set; }
        [JsonConverter(typeof(LenientIdConverter))] public string? IdContrato { get; set; }
        [JsonConverter(typeof(LenientListConverter<string>))] public IReadOnlyList<string> Registros { get; set; } = [];
    }

    private static Row Read(string json) => JsonSerializer.Deserialize<Row>(json, new JsonSerializerOptions { PropertyNameCaseInsensitive = true })!;

    [Theory]
    [InlineData("\"2\"", 2)]
    [InlineData("2", 2)]
    [InlineData("\"\"", 0)]
    [InlineData("\" 15 \"", 15)]
    public void Int_accepts_numbers_as_strings_and_empty_as_zero(string raw, int expected) =>
        Assert.Equal(expected, Read($"{{\"total\":{raw}}}").Total);

    [Theory]
    [InlineData("\"\"", null)]
    [InlineData("null", null)]
    [InlineData("\"7\"", 7)]
    public void Nullable_int_reads_empty_as_null(string raw, int? expected) =>
        Assert.Equal(expected, Read($"{{\"dias\":{raw}}}").Dias);

    [Theory]
    [InlineData("\"1234.56\"", "1234.56")]
    [InlineData("1234.56", "1234.56")]
    [InlineData("\"1234,56\"", "1234.56")]
    [InlineData("\"1.234,56\"", "1234.56")]
    [InlineData("\"89.9\"", "89.9")]
    [InlineData("\"\"", "0")]
    public void Decimal_accepts_strings_and_comma_decimals(string raw, string expected) =>
        Assert.Equal(decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), Read($"{{\"valor\":{raw}}}").Valor);

    [Fact]
    public void Nullable_decimal_reads_empty_as_null() => Assert.Null(Read("{\"aberto\":\"\"}").Aberto);

    [Theory]
    [InlineData("\"S\"", true)]
    [InlineData("\"N\"", false)]
    [InlineData("\"s\"", true)]
    [InlineData("\"sim\"", true)]
    [InlineData("\"nao\"", false)]
    [InlineData("\"não\"", false)]
    [InlineData("\"1\"", true)]
    [InlineData("0", false)]
    [InlineData("true", true)]
    [InlineData("\"false\"", false)]
    [InlineData("\"\"", false)]
    public void Boolean_accepts_brazilian_yes_no(string raw, bool expected) =>
        Assert.Equal(expected, Read($"{{\"ativo\":{raw}}}").Ativo);

    [Fact]
    public void Nullable_boolean_reads_empty_as_null() => Assert.Null(Read("{\"liberado\":\"\"}").Liberado);

    [Fact]
    public void Boolean_rejects_unknown_words_without_echoing_them()
    {
        var ex = Assert.Throws<JsonException>(() => Read("{\"ativo\":\"123.456.789-09\"}"));
        Assert.DoesNotContain("123.456.789-09", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("\"0000-00-00\"")]
    [InlineData("\"0000-00-00 00:00:00\"")]
    [InlineData("\"\"")]
    [InlineData("\"0\"")]
    [InlineData("null")]
    public void Date_reads_zero_and_empty_as_null(string raw) => Assert.Null(Read($"{{\"vencimento\":{raw}}}").Vencimento);

    [Theory]
    [InlineData("\"2025-03-20\"")]
    [InlineData("\"20/03/2025\"")]
    [InlineData("\"2025-03-20 13:45:00\"")]
    public void Date_reads_iso_and_brazilian_forms(string raw) =>
        Assert.Equal(new DateOnly(2025, 3, 20), Read($"{{\"vencimento\":{raw}}}").Vencimento);

    [Fact]
    public void Date_time_without_offset_is_sao_paulo_local_time()
    {
        var value = Read("{\"pagamento\":\"2025-03-20 10:00:00\"}").Pagamento;
        Assert.Equal(new DateTimeOffset(2025, 3, 20, 10, 0, 0, TimeSpan.FromHours(-3)), value);
        Assert.Equal(TimeSpan.FromHours(-3), value!.Value.Offset);
    }

    [Fact]
    public void Date_time_with_offset_keeps_it() =>
        Assert.Equal(new DateTimeOffset(2025, 3, 20, 13, 0, 0, TimeSpan.Zero), Read("{\"pagamento\":\"2025-03-20T13:00:00Z\"}").Pagamento);

    [Fact]
    public void Date_time_zero_is_null() => Assert.Null(Read("{\"pagamento\":\"0000-00-00 00:00:00\"}").Pagamento);

    [Theory]
    [InlineData("5", "5")]
    [InlineData("\"5\"", "5")]
    [InlineData("true", "true")]
    public void String_accepts_numbers(string raw, string expected) => Assert.Equal(expected, Read($"{{\"id\":{raw}}}").Id);

    [Theory]
    [InlineData("\"0\"")]
    [InlineData("0")]
    [InlineData("\"\"")]
    [InlineData("null")]
    public void Foreign_key_zero_means_none(string raw) => Assert.Null(Read($"{{\"idContrato\":{raw}}}").IdContrato);

    [Fact]
    public void Foreign_key_keeps_real_ids() => Assert.Equal("1050", Read("{\"idContrato\":\"1050\"}").IdContrato);

    [Theory]
    [InlineData("null")]
    [InlineData("\"\"")]
    [InlineData("false")]
    [InlineData("{}")]
    [InlineData("[]")]
    public void List_reads_empty_shapes_as_empty(string raw) => Assert.Empty(Read($"{{\"registros\":{raw}}}").Registros);

    [Fact]
    public void Missing_list_stays_empty_not_null() => Assert.Empty(Read("{\"total\":\"0\"}").Registros);

    [Fact]
    public void List_reads_arrays_and_index_keyed_objects()
    {
        Assert.Equal(["a", "b"], Read("{\"registros\":[\"a\",\"b\"]}").Registros);
        Assert.Equal(["a", "b"], Read("{\"registros\":{\"0\":\"a\",\"1\":\"b\"}}").Registros);
    }

    [Fact]
    public void Invalid_number_is_a_json_exception() => Assert.Throws<JsonException>(() => Read("{\"total\":\"abc\"}"));
}
