namespace Cobranca.Connectors.Testing.RouterOs;

/// <summary>
/// The emulator's own server-side codec (deliberately independent from the client's, so one cannot hide the other's bugs).
/// </summary>
internal sealed class EmulatorWire
{
    private readonly Stream _stream;
    private readonly byte[] _one = new byte[1];

    public EmulatorWire(Stream stream) => _stream = stream;

    /// <summary>Reads one sentence of byte strings (one char per byte); null on EOF before its first byte.</summary>
    public async Task<List<string>?> ReadAsync(CancellationToken cancellationToken)
    {
        var words = new List<string>();
        while (true)
        {
            var first = await ReadByteAsync(cancellationToken).ConfigureAwait(false);
            if (first < 0)
            {
                if (words.Count == 0) return null;
                throw new EndOfStreamException("client closed mid-sentence");
            }
            long length;
            if ((first & 0x80) == 0) length = first;
            else if ((first & 0xC0) == 0x80) length = ((first & 0x3F) << 8) | await NextAsync(cancellationToken).ConfigureAwait(false);
            else if ((first & 0xE0) == 0xC0) length = ((long)(first & 0x1F) << 16) | await NextBytesAsync(2, cancellationToken).ConfigureAwait(false);
            else if ((first & 0xF0) == 0xE0) length = ((long)(first & 0x0F) << 24) | await NextBytesAsync(3, cancellationToken).ConfigureAwait(false);
            else if (first == 0xF0) length = await NextBytesAsync(4, cancellationToken).ConfigureAwait(false);
            else throw new InvalidDataException($"control byte 0x{first:X2}");

            if (length == 0) return words;
            if (length > 1 << 20) throw new InvalidDataException("word too long for the emulator");
            var body = new byte[length];
            await _stream.ReadExactlyAsync(body, cancellationToken).ConfigureAwait(false);
            words.Add(EmulatorText.FromBytes(body));
        }
    }

    /// <summary>Encodes one sentence of byte strings (words then the empty terminator) into <paramref name="ms"/>.</summary>
    public static void Encode(IEnumerable<string> words, MemoryStream ms)
    {
        foreach (var word in words)
        {
            var body = EmulatorText.ToBytes(word);
            var n = (uint)body.Length;
            if (n < 0x80) ms.WriteByte((byte)n);
            else if (n < 0x4000) { ms.WriteByte((byte)((n >> 8) | 0x80)); ms.WriteByte((byte)n); }
            else if (n < 0x200000) { ms.WriteByte((byte)((n >> 16) | 0xC0)); ms.WriteByte((byte)(n >> 8)); ms.WriteByte((byte)n); }
            else if (n < 0x10000000) { ms.WriteByte((byte)((n >> 24) | 0xE0)); ms.WriteByte((byte)(n >> 16)); ms.WriteByte((byte)(n >> 8)); ms.WriteByte((byte)n); }
            else { ms.WriteByte(0xF0); ms.WriteByte((byte)(n >> 24)); ms.WriteByte((byte)(n >> 16)); ms.WriteByte((byte)(n >> 8)); ms.WriteByte((byte)n); }
            ms.Write(body);
        }
        ms.WriteByte(0);
    }

    private async Task<int> ReadByteAsync(CancellationToken cancellationToken)
    {
        var n = await _stream.ReadAsync(_one, cancellationToken).ConfigureAwait(false);
        return n == 0 ? -1 : _one[0];
    }

    private async Task<int> NextAsync(CancellationToken cancellationToken)
    {
        var b = await ReadByteAsync(cancellationToken).ConfigureAwait(false);
        return b < 0 ? throw new EndOfStreamException("client closed inside a length prefix") : b;
    }

    private async Task<long> NextBytesAsync(int count, CancellationToken cancellationToken)
    {
        long value = 0;
        for (var i = 0; i < count; i++) value = (value << 8) | (uint)await NextAsync(cancellationToken).ConfigureAwait(false);
        return value;
    }
}
