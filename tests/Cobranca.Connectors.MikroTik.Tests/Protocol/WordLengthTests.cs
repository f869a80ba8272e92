using Cobranca.Connectors.MikroTik.Protocol;

namespace Cobranca.Connectors.MikroTik.Tests.Protocol;

/// <summary>The word-length vectors of the research note (checked against go-routeros and librouteros), both directions.</summary>
public sealed class WordLengthTests
{
    public static TheoryData<long, string> Vectors => new()
    {
        { 0, "00" },
        { 1, "01" },
        { 127, "7F" },
        { 128, "8080" },
        { 130, "8082" },
        { 135, "8087" },
        { 16383, "BFFF" },
        { 16384, "C04000" },
        { 17185, "C04321" },
        { 2097140, "DFFFF4" },
        { 2097151, "DFFFFF" },
        { 2097152, "E0200000" },
        { 2805231, "E02ACDEF" },
        { 268435440, "EFFFFFF0" },
        { 268435455, "EFFFFFFF" },
        { 268435456, "F010000000" },
        { 268435584, "F010000080" },
        { 4294967295, "F0FFFFFFFF" },
    };

    [Theory]
    [MemberData(nameof(Vectors))]
    public void Encodes_length_as_in_the_reference(long length, string hex)
    {
        var buffer = new byte[5];
        var written = WordLength.Encode(length, buffer);
        Assert.Equal(hex, Convert.ToHexString(buffer, 0, written));
        Assert.Equal(written, WordLength.EncodedSize(length));
    }

    [Theory]
    [MemberData(nameof(Vectors))]
    public void Decodes_length_as_in_the_reference(long length, string hex)
    {
        var bytes = Convert.FromHexString(hex);
        Assert.Equal(bytes.Length, WordLength.PrefixSize(bytes[0]));
        Assert.Equal(length, WordLength.Decode(bytes));
    }

    [Theory]
    [InlineData(0xF1)]
    [InlineData(0xF7)]
    [InlineData(0xF8)]
    [InlineData(0xFF)]
    public void Rejects_reserved_control_bytes(byte first)
    {
        var ex = Assert.Throws<InvalidDataException>(() => WordLength.PrefixSize(first));
        Assert.Contains($"0x{first:X2}", ex.Message);
    }

    [Fact]
    public void Refuses_to_encode_what_the_protocol_cannot_carry()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => WordLength.EncodedSize(0x1_0000_0000));
        Assert.Throws<ArgumentOutOfRangeException>(() => WordLength.EncodedSize(-1));
    }

    [Fact]
    public async Task Reader_rejects_a_control_byte_on_the_wire()
    {
        var reader = new SentenceReader(new MemoryStream([0x03, (byte)'!', (byte)'r', (byte)'e', 0xF8, 0x00]), 1 << 20);
        await Assert.ThrowsAsync<InvalidDataException>(async () => await reader.ReadSentenceAsync(CancellationToken.None));
    }
}
