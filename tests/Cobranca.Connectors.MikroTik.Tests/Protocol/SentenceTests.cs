using Cobranca.Connectors.MikroTik.Protocol;

namespace Cobranca.Connectors.MikroTik.Tests.Protocol;

public sealed class SentenceTests
{
    [Fact]
    public void Login_sentence_matches_the_reference_bytes()
    {
        var bytes = SentenceWriter.Encode(["/login", "=name=admin", "=password="]);
        Assert.Equal("062F6C6F67696E0B3D6E616D653D61646D696E0A3D70617373776F72643D00", Convert.ToHexString(bytes));
    }

    [Fact]
    public void Done_and_empty_sentences_match_the_reference_bytes()
    {
        Assert.Equal("0521646F6E6500", Convert.ToHexString(SentenceWriter.Encode(["!done"])));
        Assert.Equal("0621656D707479062E7461673D3700", Convert.ToHexString(SentenceWriter.Encode(["!empty", ".tag=7"])));
    }

    [Fact]
    public void Length_prefix_counts_encoded_bytes_not_characters()
    {
        // "=comment=João" is 13 chars but 14 UTF-8 bytes.
        var bytes = SentenceWriter.Encode(["=comment=João"]);
        Assert.Equal("0E3D636F6D6D656E743D4A6FC3A36F00", Convert.ToHexString(bytes));
    }

    [Theory]
    [InlineData("3D636F6D6D656E743D4A6FC3A36F", "=comment=João")] // UTF-8
    [InlineData("3D636F6D6D656E743D4A6FE36F", "=comment=João")] // Windows-1252 (Winbox)
    [InlineData("80939D", "€“\u009D")] // 1252 high range incl. an undefined slot
    public void Decodes_utf8_when_valid_else_windows_1252(string hex, string expected) =>
        Assert.Equal(expected, RouterOsText.Decode(Convert.FromHexString(hex)));

    [Theory]
    [InlineData("João da Conceição", "Joao da Conceicao")]
    [InlineData("contrato=42", "contrato=42")]
    [InlineData("日本", "__")]
    public void Sdk_written_text_is_folded_to_ascii(string input, string expected) =>
        Assert.Equal(expected, RouterOsText.ToAscii(input));

    [Fact]
    public async Task Reader_reassembles_sentences_split_across_reads_and_reports_eof_mid_sentence()
    {
        var wire = SentenceWriter.Encode(["!re", "=.id=*1", "=comment=" + new string('x', 300), ".tag=9"])
            .Concat(SentenceWriter.Encode(["!done", ".tag=9"]))
            .ToArray();
        var reader = new SentenceReader(new TrickleStream(wire.Concat(new byte[] { 0x05, (byte)'!', (byte)'d' }).ToArray()), 1 << 20);

        var first = await reader.ReadSentenceAsync(CancellationToken.None);
        Assert.Equal(["!re", "=.id=*1", "=comment=" + new string('x', 300), ".tag=9"], first);
        Assert.Equal(["!done", ".tag=9"], await reader.ReadSentenceAsync(CancellationToken.None));
        await Assert.ThrowsAsync<EndOfStreamException>(async () => await reader.ReadSentenceAsync(CancellationToken.None));
    }

    [Fact]
    public void Attribute_values_split_at_the_second_equals_sign_only()
    {
        var (type, tag, attributes) = Sentence.Parse(["!re", "=comment=a=b=c", "=empty=", ".tag=3"]);
        Assert.Equal("!re", type);
        Assert.Equal("3", tag);
        Assert.Equal("a=b=c", attributes["comment"]);
        Assert.Equal(string.Empty, attributes["empty"]);
    }

    /// <summary>Returns at most 3 bytes per read, to exercise the buffering.</summary>
    private sealed class TrickleStream(byte[] data) : MemoryStream(data)
    {
        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            base.ReadAsync(buffer[..Math.Min(3, buffer.Length)], cancellationToken);
    }
}
