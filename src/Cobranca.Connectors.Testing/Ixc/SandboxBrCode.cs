using System.Globalization;
using System.Text;

namespace Cobranca.Connectors.Testing.Ixc;

/// <summary>Builds a static-looking Pix BR Code (EMV) with a valid CRC16 for the sandbox's <c>get_pix</c>.</summary>
internal static class SandboxBrCode
{
    public static string Build(string amount, string txid, string merchant, string city)
    {
        static string F(string id, string value) => id + value.Length.ToString("00", CultureInfo.InvariantCulture) + value;
        var account = F("00", "br.gov.bcb.pix") + F("01", "00000000-0000-0000-0000-000000000000");
        var payload = F("00", "01") + F("01", "12") + F("26", account) + F("52", "0000") + F("53", "986") + F("54", amount)
            + F("58", "BR") + F("59", merchant) + F("60", city) + F("62", F("05", txid.Length > 25 ? txid[..25] : txid)) + "6304";
        return payload + Crc16(payload);
    }

    private static string Crc16(string payload)
    {
        ushort crc = 0xFFFF;
        foreach (var b in Encoding.UTF8.GetBytes(payload))
        {
            crc ^= (ushort)(b << 8);
            for (var i = 0; i < 8; i++) crc = (crc & 0x8000) != 0 ? (ushort)((crc << 1) ^ 0x1021) : (ushort)(crc << 1);
        }
        return crc.ToString("X4", CultureInfo.InvariantCulture);
    }
}
