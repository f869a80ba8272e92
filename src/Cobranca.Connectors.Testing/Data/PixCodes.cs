using System.Globalization;
using System.Text;

namespace Cobranca.Connectors.Testing;

/// <summary>
/// Builds a static Pix BR Code ("copia e cola") for test data: EMV TLV fields, the Pix merchant account (GUI
/// <c>br.gov.bcb.pix</c> + key), amount, merchant name and city, a txid and the CRC16/CCITT-FALSE check.
/// </summary>
internal static class PixCodes
{
    /// <summary>Builds the payload. Name and city are cut to their EMV limits (25 and 15 characters) and folded to ASCII.</summary>
    public static string Build(string key, decimal? amount, string merchantName, string merchantCity, string txid)
    {
        var account = Field("00", "br.gov.bcb.pix") + Field("01", key);
        var payload = new StringBuilder(160)
            .Append(Field("00", "01"))
            .Append(Field("26", account))
            .Append(Field("52", "0000"))
            .Append(Field("53", "986"));
        if (amount is { } value) payload.Append(Field("54", value.ToString("0.00", CultureInfo.InvariantCulture)));
        payload.Append(Field("58", "BR"))
            .Append(Field("59", Ascii(merchantName, 25)))
            .Append(Field("60", Ascii(merchantCity, 15)))
            .Append(Field("62", Field("05", txid)))
            .Append("6304");
        var text = payload.ToString();
        return text + Crc16(text).ToString("X4", CultureInfo.InvariantCulture);
    }

    /// <summary>CRC-16/CCITT-FALSE (polynomial 0x1021, initial 0xFFFF) over the UTF-8 bytes.</summary>
    internal static ushort Crc16(string payload)
    {
        ushort crc = 0xFFFF;
        foreach (var b in Encoding.UTF8.GetBytes(payload))
        {
            crc ^= (ushort)(b << 8);
            for (var bit = 0; bit < 8; bit++)
                crc = (crc & 0x8000) != 0 ? (ushort)((crc << 1) ^ 0x1021) : (ushort)(crc << 1);
        }
        return crc;
    }

    private static string Field(string id, string value) =>
        string.Create(CultureInfo.InvariantCulture, $"{id}{value.Length:00}{value}");

    private static string Ascii(string text, int max)
    {
        var sb = new StringBuilder(text.Length);
        foreach (var c in text.Normalize(NormalizationForm.FormD))
        {
            if (c < 128 && !char.IsControl(c)) sb.Append(c);
        }
        var s = sb.ToString().Trim();
        return s.Length <= max ? s : s[..max].TrimEnd();
    }
}
