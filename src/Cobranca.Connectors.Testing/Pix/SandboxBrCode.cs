using System.Globalization;
using System.Text;

namespace Cobranca.Connectors.Testing.Pix;

/// <summary>Minimal dynamic BR Code writer for the sandbox (TLV + CRC-16/CCITT-FALSE); the SDK's full codec lives in Cobranca.Connectors.Pix.</summary>
internal static class SandboxBrCode
{
    public static string Dynamic(string location, string merchantName, string city, decimal? amount)
    {
        var sb = new StringBuilder();
        Tlv(sb, "00", "01");
        Tlv(sb, "01", "12");
        Tlv(sb, "26", Tlv("00", "br.gov.bcb.pix") + Tlv("25", location));
        Tlv(sb, "52", "0000");
        Tlv(sb, "53", "986");
        if (amount is { } a) Tlv(sb, "54", a.ToString("0.00", CultureInfo.InvariantCulture));
        Tlv(sb, "58", "BR");
        Tlv(sb, "59", Truncate(merchantName, 25));
        Tlv(sb, "60", Truncate(city, 15));
        Tlv(sb, "62", Tlv("05", "***"));
        sb.Append("6304");
        sb.Append(Crc16(sb.ToString()).ToString("X4", CultureInfo.InvariantCulture));
        return sb.ToString();
    }

    /// <summary>
    /// The composite code of Pix Automático: journey 2 (no charge: tag 26 holds only the GUI, no 01, no amount) or
    /// journeys 3/4 (tag 26 with the cob/cobv URL, 01=12), plus tag 80 with the GUI and the recurrence URL.
    /// </summary>
    public static string Composite(string? chargeLocation, string recurrenceLocation, string merchantName, string city)
    {
        var sb = new StringBuilder();
        Tlv(sb, "00", "01");
        if (chargeLocation is not null) Tlv(sb, "01", "12");
        Tlv(sb, "26", Tlv("00", "br.gov.bcb.pix") + (chargeLocation is null ? string.Empty : Tlv("25", chargeLocation)));
        Tlv(sb, "52", "0000");
        Tlv(sb, "53", "986");
        Tlv(sb, "58", "BR");
        Tlv(sb, "59", Truncate(merchantName, 25));
        Tlv(sb, "60", Truncate(city, 15));
        Tlv(sb, "62", Tlv("05", "***"));
        Tlv(sb, "80", Tlv("00", "br.gov.bcb.pix") + Tlv("25", recurrenceLocation));
        sb.Append("6304");
        sb.Append(Crc16(sb.ToString()).ToString("X4", CultureInfo.InvariantCulture));
        return sb.ToString();
    }

    private static string Truncate(string s, int max) => s.Length <= max ? s : s[..max];

    private static string Tlv(string id, string value) => id + value.Length.ToString("00", CultureInfo.InvariantCulture) + value;

    private static void Tlv(StringBuilder sb, string id, string value) => sb.Append(Tlv(id, value));

    internal static ushort Crc16(string payload)
    {
        ushort crc = 0xFFFF;
        foreach (var b in Encoding.UTF8.GetBytes(payload))
        {
            crc ^= (ushort)(b << 8);
            for (var i = 0; i < 8; i++)
                crc = (crc & 0x8000) != 0 ? (ushort)((crc << 1) ^ 0x1021) : (ushort)(crc << 1);
        }

        return crc;
    }
}
