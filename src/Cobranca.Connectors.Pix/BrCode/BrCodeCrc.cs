using System.Text;

namespace Cobranca.Connectors.Pix;

/// <summary>CRC-16/CCITT-FALSE (poly 0x1021, init 0xFFFF, no reflection, xorout 0), table driven.</summary>
internal static class BrCodeCrc
{
    private static readonly ushort[] Table = BuildTable();

    /// <summary>CRC of the characters; ASCII text is used as bytes directly, anything else through UTF-8.</summary>
    public static ushort Compute(ReadOnlySpan<char> text)
    {
        var crc = (ushort)0xFFFF;
        foreach (var c in text)
        {
            if (c >= 0x80) return ComputeUtf8(text);
            crc = (ushort)((crc << 8) ^ Table[((crc >> 8) ^ c) & 0xFF]);
        }
        return crc;
    }

    private static ushort ComputeUtf8(ReadOnlySpan<char> text)
    {
        var bytes = Encoding.UTF8.GetBytes(text.ToArray());
        var crc = (ushort)0xFFFF;
        foreach (var b in bytes) crc = (ushort)((crc << 8) ^ Table[((crc >> 8) ^ b) & 0xFF]);
        return crc;
    }

    /// <summary>Writes the CRC as four upper-case hexadecimal digits.</summary>
    public static string ToHex(ushort crc) => crc.ToString("X4", System.Globalization.CultureInfo.InvariantCulture);

    private static ushort[] BuildTable()
    {
        var table = new ushort[256];
        for (var i = 0; i < 256; i++)
        {
            var value = (ushort)(i << 8);
            for (var bit = 0; bit < 8; bit++) value = (value & 0x8000) != 0 ? (ushort)((value << 1) ^ 0x1021) : (ushort)(value << 1);
            table[i] = value;
        }
        return table;
    }
}
