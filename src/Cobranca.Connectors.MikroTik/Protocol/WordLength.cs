using System.Buffers.Binary;

namespace Cobranca.Connectors.MikroTik.Protocol;

/// <summary>The RouterOS API word-length prefix: 1 to 5 bytes, big-endian, selected by the high bits of the first byte.</summary>
internal static class WordLength
{
    /// <summary>The largest length the protocol can express (the 5-byte form carries 32 bits).</summary>
    public const long MaxEncodable = 0xFFFFFFFFL;

    /// <summary>Number of bytes <see cref="Encode"/> writes for <paramref name="length"/>.</summary>
    public static int EncodedSize(long length) => length switch
    {
        < 0 => throw new ArgumentOutOfRangeException(nameof(length)),
        <= 0x7F => 1,
        <= 0x3FFF => 2,
        <= 0x1FFFFF => 3,
        <= 0xFFFFFFF => 4,
        <= MaxEncodable => 5,
        _ => throw new ArgumentOutOfRangeException(nameof(length), "A RouterOS word cannot be longer than 0xFFFFFFFF bytes."),
    };

    /// <summary>Writes the prefix for <paramref name="length"/> and returns how many bytes were written.</summary>
    public static int Encode(long length, Span<byte> destination)
    {
        var size = EncodedSize(length);
        var value = (uint)length;
        switch (size)
        {
            case 1:
                destination[0] = (byte)value;
                break;
            case 2:
                BinaryPrimitives.WriteUInt16BigEndian(destination, (ushort)(value | 0x8000));
                break;
            case 3:
                value |= 0xC00000;
                destination[0] = (byte)(value >> 16);
                destination[1] = (byte)(value >> 8);
                destination[2] = (byte)value;
                break;
            case 4:
                BinaryPrimitives.WriteUInt32BigEndian(destination, value | 0xE0000000);
                break;
            default:
                destination[0] = 0xF0;
                BinaryPrimitives.WriteUInt32BigEndian(destination[1..], value);
                break;
        }
        return size;
    }

    /// <summary>
    /// How many prefix bytes a word starting with <paramref name="firstByte"/> uses. Throws for the reserved control
    /// bytes 0xF1..0xFF, which a client cannot interpret (the connection cannot continue after one).
    /// </summary>
    public static int PrefixSize(byte firstByte) => firstByte switch
    {
        < 0x80 => 1,
        < 0xC0 => 2,
        < 0xE0 => 3,
        < 0xF0 => 4,
        0xF0 => 5,
        _ => throw new InvalidDataException($"RouterOS sent the reserved control byte 0x{firstByte:X2} where a word length was expected."),
    };

    /// <summary>Decodes a complete prefix (exactly <see cref="PrefixSize"/> bytes).</summary>
    public static long Decode(ReadOnlySpan<byte> prefix)
    {
        var size = PrefixSize(prefix[0]);
        if (prefix.Length < size) throw new ArgumentException("Incomplete length prefix.", nameof(prefix));
        return size switch
        {
            1 => prefix[0],
            2 => BinaryPrimitives.ReadUInt16BigEndian(prefix) & 0x3FFF,
            3 => ((prefix[0] & 0x1F) << 16) | (prefix[1] << 8) | prefix[2],
            4 => BinaryPrimitives.ReadUInt32BigEndian(prefix) & 0x0FFFFFFF,
            _ => BinaryPrimitives.ReadUInt32BigEndian(prefix[1..]),
        };
    }
}
