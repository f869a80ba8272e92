using System.Net;
using System.Text;
using System.Text.Json;
using Cobranca.Connectors.Abstractions;
using Cobranca.Connectors.Ixc.Internal;

namespace Cobranca.Connectors.Ixc.Tests;

/// <summary>The listing reader (one Utf8JsonReader pass), the rows' compact <c>Raw</c> and the pooled reply buffer.</summary>
public sealed class RowReadingTests
{
    private static IxcFields Fields(params (string Key, string? Value)[] wire) =>
        new IxcRowShape([.. wire.Select(f => f.Key)]).Fill([.. wire.Select(f => f.Value)]);

    [Fact]
    public void Compact_fields_answer_lookups_like_a_dictionary()
    {
        var fields = Fields(("id", "7"), ("razao", "Maria"), ("obs", null));

        Assert.Equal(3, fields.Count);
        Assert.Equal("7", fields["id"]);
        Assert.Null(fields["obs"]);
        Assert.True(fields.ContainsKey("obs"));
        Assert.True(fields.TryGetValue("razao", out var razao));
        Assert.Equal("Maria", razao);
        Assert.Equal("7", ((IReadOnlyDictionary<string, string?>)fields).GetValueOrDefault("id"));
    }

    [Fact]
    public void Compact_fields_report_missing_keys_and_reject_null_keys()
    {
        var fields = Fields(("id", "7"));

        Assert.False(fields.ContainsKey("ID")); // ordinal, as IXC's field names are
        Assert.False(fields.TryGetValue("cidade", out var missing));
        Assert.Null(missing);
        Assert.Null(((IReadOnlyDictionary<string, string?>)fields).GetValueOrDefault("cidade"));
        var ex = Assert.Throws<KeyNotFoundException>(() => fields["cidade"]);
        Assert.Contains("cidade", ex.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentNullException>(() => fields.ContainsKey(null!));
        Assert.Throws<ArgumentNullException>(() => fields.TryGetValue(null!, out _));
    }

    [Fact]
    public void Compact_fields_enumerate_in_wire_order_and_match_keys_to_values()
    {
        var fields = Fields(("id", "7"), ("razao", "Maria"), ("cidade", "1759"));

        Assert.Equal(["id", "razao", "cidade"], fields.Keys);
        Assert.Equal(["7", "Maria", "1759"], fields.Values);
        Assert.Equal(
            [new("id", "7"), new("razao", "Maria"), new("cidade", "1759")],
            fields.ToList<KeyValuePair<string, string?>>());
        Assert.Equal(new Dictionary<string, string?> { ["id"] = "7", ["razao"] = "Maria", ["cidade"] = "1759" }, fields.ToDictionary());
    }

    [Fact]
    public void Secret_like_fields_are_removed_from_the_compact_fields()
    {
        var fields = Fields(("id", "7"), ("senha", "s3cr3t"), ("Senha_Central", "x1"), ("api_token", "tk"), ("hash_md5", "h"),
            ("password", "p"), ("client_secret", "c"), ("razao", "Maria"));

        Assert.Equal(["id", "razao"], fields.Keys);
        Assert.Equal(["7", "Maria"], fields.Values);
        Assert.False(fields.ContainsKey("senha"));
        Assert.False(fields.TryGetValue("api_token", out _));
        Assert.DoesNotContain(fields, f => f.Value is "s3cr3t" or "x1" or "tk" or "h" or "p" or "c");
    }

    [Fact]
    public void A_repeated_field_keeps_its_first_position_and_its_last_value()
    {
        var fields = Fields(("id", "7"), ("status", "A"), ("razao", "Maria"), ("status", "R"));

        Assert.Equal(["id", "status", "razao"], fields.Keys);
        Assert.Equal("R", fields["status"]);
        Assert.Throws<ArgumentException>(() => new IxcFields(new IxcRowShape(["id"]), []));
    }

    [Fact]
    public void Listing_rows_read_in_one_pass_equal_rows_read_through_JsonDocument()
    {
        var body = """
            {"page":"1","total":"4","registros":[
              {"id":"1","razao":"Ana \"A\" \u00c9","valor":"10.50","senha":"x","n":12.5,"ok":true,"nada":null,"obj":{"a":[1,2]},"arr":[]},
              {"id":"2","razao":"Bia","valor":"7,25","senha":"y","n":-3,"ok":false,"nada":null,"obj":{},"arr":["q"]},
              {"razao":"Cid","id":"3","extra":"e","raz\u00e3o":"escaped name"},
              {"id":"4","id":"44"}
            ]}
            """u8.ToArray();

        var rows = IxcReply.ParseListing("fn_areceber.listar", body).Rows;

        using var doc = JsonDocument.Parse(body);
        var expected = doc.RootElement.GetProperty("registros").EnumerateArray().Select(ThroughJsonDocument).ToList();
        Assert.Equal(expected.Count, rows.Count);
        for (var i = 0; i < rows.Count; i++) Assert.Equal(expected[i].ToList(), rows[i].Raw.ToList());
        Assert.Equal("Ana \"A\" É", rows[0].Text("razao"));
        Assert.Equal("12.5", rows[0].Raw["n"]);
        Assert.Equal("true", rows[0].Raw["ok"]);
        Assert.Equal("""{"a":[1,2]}""", rows[0].Raw["obj"]);
        Assert.Equal(7.25m, rows[1].Money("valor"));
        Assert.Equal("escaped name", rows[2].Raw["razão"]);
        Assert.Equal("44", rows[3].Text("id"));
        Assert.All(rows, r => Assert.False(r.Raw.ContainsKey("senha")));
    }

    /// <summary>How rows were read before the one-pass reader: a dictionary filled from a JsonElement.</summary>
    private static Dictionary<string, string?> ThroughJsonDocument(JsonElement row)
    {
        var fields = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var p in row.EnumerateObject())
        {
            if (IxcRow.IsSecretField(p.Name)) continue;
            fields[p.Name] = p.Value.ValueKind switch
            {
                JsonValueKind.String => p.Value.GetString(),
                JsonValueKind.Null => null,
                _ => p.Value.GetRawText(),
            };
        }
        return fields;
    }

    [Fact]
    public void Rows_of_the_same_shape_share_their_key_strings_and_one_character_values()
    {
        var body = Encoding.UTF8.GetBytes(
            "{\"total\":\"3\",\"registros\":[" + string.Join(',', Enumerable.Range(1, 3).Select(i => $$"""{"id":"{{i}}","status":"A"}""")) + "]}");

        var rows = IxcReply.ParseListing("x", body).Rows;

        Assert.Equal(["1", "2", "3"], rows.Select(r => r.Text("id")));
        Assert.Same(rows[0].Raw.Keys.First(), rows[2].Raw.Keys.First());
        Assert.Equal("A", rows[2].Raw["status"]);
        Assert.Same(rows[0].Raw["status"], rows[2].Raw["status"]);
    }

    [Fact]
    public void A_registros_item_that_is_not_an_object_is_an_empty_row_and_a_registros_that_is_not_an_array_is_an_empty_page()
    {
        var page = IxcReply.ParseListing("x", """{"total":"2","registros":[{"id":"1"},"oops"]}"""u8.ToArray());
        var odd = IxcReply.ParseListing("x", """{"total":"0","registros":{"id":"1"}}"""u8.ToArray());

        Assert.Equal(2, page.Rows.Count);
        Assert.Empty(page.Rows[1].Raw);
        Assert.Empty(odd.Rows);
    }

    [Theory]
    [InlineData("""{"total":"1","registros":[{"id":"1"}]} trailing""", "malformed JSON")]
    [InlineData("""{"total":"1","registros":[{"id":"1"}""", "malformed JSON")]
    [InlineData("""{"total":{"n":1}}""", "'total' is not a number")]
    [InlineData("""{"total":"muitos"}""", "'total' is not a number")]
    public void Broken_listing_envelopes_are_transport_errors(string body, string expected)
    {
        var ex = Assert.Throws<ConnectorTransportException>(() => IxcReply.ParseListing("x", Encoding.UTF8.GetBytes(body)));

        Assert.Contains(expected, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_error_shape_is_found_wherever_its_fields_are()
    {
        var ex = Assert.Throws<ConnectorApiException>(() =>
            IxcReply.ParseListing("x", """{"registros":[{"id":"1"}],"mensagem":"Falha","total":"1","codigo":55,"tipo":"ERRO"}"""u8.ToArray()));

        Assert.Contains("Falha", ex.Message, StringComparison.Ordinal);
        Assert.Equal("55", ex.ProviderErrorCode);
        Assert.Equal(200, ex.StatusCode);
    }

    [Theory]
    [InlineData(0, false)]
    [InlineData(100, true)]
    [InlineData(200_000, false)]
    [InlineData(200_000, true)]
    public async Task Reply_bodies_are_read_whole_into_a_pooled_buffer(int size, bool withLength)
    {
        var bytes = Enumerable.Range(0, size).Select(i => (byte)(i % 251)).ToArray();
        using var content = new StreamContent(new MemoryStream(bytes));
        if (withLength) content.Headers.ContentLength = size;
        else content.Headers.ContentLength = null;

        using var body = await IxcBody.ReadAsync(content, long.MaxValue, "op", 200, CancellationToken.None);

        Assert.Equal(bytes, body.ToArray());
        Assert.True(body.Memory.Span.SequenceEqual(bytes));
    }

    [Theory]
    [InlineData(1000, 1000, true)]
    [InlineData(1001, 1000, false)]
    [InlineData(5_000_000, 100_000, false)]
    public async Task Reply_bodies_larger_than_the_cap_are_refused_without_reading_them_whole(int size, long cap, bool fits)
    {
        foreach (var withLength in new[] { true, false })
        {
            var stream = new CountingStream(new byte[size]);
            using var content = new StreamContent(stream);
            content.Headers.ContentLength = withLength ? size : null;
            if (fits)
            {
                using var body = await IxcBody.ReadAsync(content, cap, "op", 200, CancellationToken.None);
                Assert.Equal(size, body.Memory.Length);
                continue;
            }
            var ex = await Assert.ThrowsAsync<IxcReplyTooLargeException>(() => IxcBody.ReadAsync(content, cap, "op", 200, CancellationToken.None));
            Assert.Equal(cap, ex.Limit);
            Assert.True(stream.BytesRead <= cap + 1, $"read {stream.BytesRead} bytes past a cap of {cap}");
        }
    }

    private sealed class CountingStream(byte[] bytes) : MemoryStream(bytes)
    {
        public long BytesRead { get; private set; }

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            var n = await base.ReadAsync(buffer, cancellationToken);
            BytesRead += n;
            return n;
        }
    }

    [Fact]
    public async Task A_broken_reply_stream_is_an_HttpRequestException_and_a_disposed_body_cannot_be_read()
    {
        using var broken = new StreamContent(new FailingStream());
        await Assert.ThrowsAnyAsync<HttpRequestException>(() => IxcBody.ReadAsync(broken, long.MaxValue, "op", 200, CancellationToken.None));

        using var content = new StringContent("{}");
        var body = await IxcBody.ReadAsync(content, long.MaxValue, "op", 200, CancellationToken.None);
        body.Dispose();
        body.Dispose(); // idempotent
        Assert.Throws<ObjectDisposedException>(() => body.Memory);
    }

    private sealed class FailingStream : MemoryStream
    {
        public FailingStream() : base(new byte[10]) { }

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            throw new IOException("connection reset");

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            throw new IOException("connection reset");
    }
}
