namespace Cobranca.Connectors.Ixc.Internal;

/// <summary>The CRC16/CCITT-FALSE check of a BR Code (EMV tag 63, the last four hex digits).</summary>
internal static class BrCodeCrc
{
    public static bool IsValid(string code)
    {
        if (code.Length < 8 || !code.AsSpan(code.Length - 8, 4).SequenceEqual("6304")) return false;
        return string.Equals(Compute(code.AsSpan(0, code.Length - 4)), code[^4..], StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>CRC over the payload's UTF-8 bytes, as four upper-case hex digits.</summary>
    public static string Compute(ReadOnlySpan<char> payload)
    {
        ushort crc = 0xFFFF;
        foreach (var b in System.Text.Encoding.UTF8.GetBytes(payload.ToArray()))
        {
            crc ^= (ushort)(b << 8);
            for (var i = 0; i < 8; i++) crc = (crc & 0x8000) != 0 ? (ushort)((crc << 1) ^ 0x1021) : (ushort)(crc << 1);
        }
        return crc.ToString("X4", System.Globalization.CultureInfo.InvariantCulture);
    }
}
