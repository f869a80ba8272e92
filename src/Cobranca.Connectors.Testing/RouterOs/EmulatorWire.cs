using System.Buffers;
using System.Text;

namespace Cobranca.Connectors.Testing.RouterOs;

/// <summary>
/// The emulator's own server-side codec (deliberately independent from the client's, so one cannot hide the other's bugs).
/// Reads into its own buffer and decodes whole sentences from it (one read serves many pipelined sentences).
/// </summary>
internal sealed class EmulatorWire
{
    private const int MaxWord = 1 << 20;
    private readonly Stream _stream;
    private byte[] _buffer = new byte[64 * 1024];
    private int _start;
    private int _end;

    public EmulatorWire(Stream stream) => _stream = stream;

    /// <summary>Reads one sentence of byte strings (one char per byte); null on EOF before its first byte.</summary>
    public async ValueTask<List<string>?> ReadAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            if (TryDecode(_buffer.AsSpan(_start, _end - _start), out var words, out var consumed, out var needed))
            {
                _start += consumed;
                return words;
            }
            if (_start > 0)
            {
                _buffer.AsSpan(_start, _end - _start).CopyTo(_buffer);
                _end -= _start;
                _start = 0;
            }
            if (needed > _buffer.Length) Array.Resize(ref _buffer, Math.Max(needed, _buffer.Length * 2));
            var read = await _stream.ReadAsync(_buffer.AsMemory(_end), cancellationToken).ConfigureAwait(false);
            if (read == 0)
            {
                if (_end == 0) return null;
                throw new EndOfStreamException("client closed mid-sentence");
            }
            _end += read;
        }
    }

    /// <summary>
    /// Decodes one complete sentence from the start of <paramref name="data"/>; false when more bytes are needed
    /// (<paramref name="needed"/> = at least how many the sentence takes, so far).
    /// </summary>
    private static bool TryDecode(ReadOnlySpan<byte> data, out List<string> words, out int consumed, out int needed)
    {
        words = [];
        var at = 0;
        while (true)
        {
            needed = at + 1;
            if (at >= data.Length) break;
            var first = data[at];
            int prefix;
            if ((first & 0x80) == 0) prefix = 1;
            else if ((first & 0xC0) == 0x80) prefix = 2;
            else if ((first & 0xE0) == 0xC0) prefix = 3;
            else if ((first & 0xF0) == 0xE0) prefix = 4;
            else if (first == 0xF0) prefix = 5;
            else throw new InvalidDataException($"control byte 0x{first:X2}");
            needed = at + prefix;
            if (needed > data.Length) break;
            long length = prefix switch
            {
                1 => first,
                2 => ((first & 0x3F) << 8) | data[at + 1],
                3 => ((long)(first & 0x1F) << 16) | ((long)data[at + 1] << 8) | data[at + 2],
                4 => ((long)(first & 0x0F) << 24) | ((long)data[at + 1] << 16) | ((long)data[at + 2] << 8) | data[at + 3],
                _ => ((long)data[at + 1] << 24) | ((long)data[at + 2] << 16) | ((long)data[at + 3] << 8) | data[at + 4],
            };
            at += prefix;
            if (length == 0)
            {
                consumed = at;
                return true;
            }
            if (length > MaxWord) throw new InvalidDataException("word too long for the emulator");
            needed = at + (int)length;
            if (needed > data.Length) break;
            words.Add(EmulatorText.FromBytes(data.Slice(at, (int)length)));
            at += (int)length;
        }
        consumed = 0;
        return false;
    }

    /// <summary>Encodes one sentence of byte strings (words then the empty terminator) into <paramref name="writer"/>.</summary>
    public static void Encode(IEnumerable<string> words, ArrayBufferWriter<byte> writer)
    {
        foreach (var word in words)
        {
            // A byte string has one char per byte, so its length is its byte count.
            var n = (uint)word.Length;
            var span = writer.GetSpan(word.Length + 5);
            int p;
            if (n < 0x80) { span[0] = (byte)n; p = 1; }
            else if (n < 0x4000) { span[0] = (byte)((n >> 8) | 0x80); span[1] = (byte)n; p = 2; }
            else if (n < 0x200000) { span[0] = (byte)((n >> 16) | 0xC0); span[1] = (byte)(n >> 8); span[2] = (byte)n; p = 3; }
            else if (n < 0x10000000) { span[0] = (byte)((n >> 24) | 0xE0); span[1] = (byte)(n >> 16); span[2] = (byte)(n >> 8); span[3] = (byte)n; p = 4; }
            else { span[0] = 0xF0; span[1] = (byte)(n >> 24); span[2] = (byte)(n >> 16); span[3] = (byte)(n >> 8); span[4] = (byte)n; p = 5; }
            p += Encoding.Latin1.GetBytes(word, span[p..]);
            writer.Advance(p);
        }
        writer.GetSpan(1)[0] = 0;
        writer.Advance(1);
    }
}
