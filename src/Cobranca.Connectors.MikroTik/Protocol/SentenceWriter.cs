using System.Buffers;
using System.Text;

namespace Cobranca.Connectors.MikroTik.Protocol;

/// <summary>Encodes sentences to bytes: every word UTF-8 with its length prefix, then the zero-length terminator.</summary>
internal static class SentenceWriter
{
    public static byte[] Encode(IReadOnlyList<string> words)
    {
        var writer = new ArrayBufferWriter<byte>(64);
        foreach (var word in words) WriteWord(writer, word, [], [], [], false);
        WriteEnd(writer);
        return writer.WrittenSpan.ToArray();
    }

    /// <summary>
    /// Writes one word made of <paramref name="a"/> + <paramref name="b"/> + <paramref name="c"/> (UTF-8) and
    /// <paramref name="value"/> (UTF-8, or Windows-1252 when <paramref name="valueAsWindows1252"/>), with its length prefix,
    /// without building the word as a string first.
    /// </summary>
    public static void WriteWord(IBufferWriter<byte> writer, ReadOnlySpan<char> a, ReadOnlySpan<char> b, ReadOnlySpan<char> c,
        ReadOnlySpan<char> value, bool valueAsWindows1252)
    {
        var utf8 = Encoding.UTF8;
        var headLength = utf8.GetByteCount(a) + utf8.GetByteCount(b) + utf8.GetByteCount(c);
        var valueLength = valueAsWindows1252 ? value.Length : utf8.GetByteCount(value);
        var length = headLength + valueLength;
        var prefix = WordLength.EncodedSize(length);
        var span = writer.GetSpan(prefix + length);
        var at = WordLength.Encode(length, span);
        at += utf8.GetBytes(a, span[at..]);
        at += utf8.GetBytes(b, span[at..]);
        at += utf8.GetBytes(c, span[at..]);
        at += valueAsWindows1252 ? RouterOsText.EncodeWindows1252(value, span[at..]) : utf8.GetBytes(value, span[at..]);
        writer.Advance(at);
    }

    public static void WriteEnd(IBufferWriter<byte> writer)
    {
        writer.GetSpan(1)[0] = 0;
        writer.Advance(1);
    }
}
