namespace Cobranca.Connectors.MikroTik.Protocol;

/// <summary>Encodes sentences to bytes: every word UTF-8 with its length prefix, then the zero-length terminator.</summary>
internal static class SentenceWriter
{
    public static byte[] Encode(IReadOnlyList<string> words)
    {
        var encoded = new byte[words.Count][];
        var total = 1;
        for (var i = 0; i < words.Count; i++)
        {
            encoded[i] = RouterOsText.Encode(words[i]);
            total += WordLength.EncodedSize(encoded[i].Length) + encoded[i].Length;
        }
        var buffer = new byte[total];
        var offset = 0;
        foreach (var word in encoded)
        {
            offset += WordLength.Encode(word.Length, buffer.AsSpan(offset));
            word.CopyTo(buffer, offset);
            offset += word.Length;
        }
        buffer[offset] = 0;
        return buffer;
    }
}
