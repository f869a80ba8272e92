using System.Text;

namespace Cobranca.Connectors.MkAuth.Internal;

/// <summary>
/// Text repairs for MK-Auth replies: bodies are UTF-8 when valid, else Windows-1252; strings that are UTF-8 read as
/// Windows-1252 once or twice ("nÃ£o", "nÃƒÂ£o") are repaired when the repair decodes cleanly.
/// </summary>
internal static class MkAuthText
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    // Windows-1252 0x80..0x9F (0 where undefined; Latin-1 C1 controls then map to themselves).
    private static readonly char[] Cp1252High =
    [
        '\u20AC', '\0', '\u201A', '\u0192', '\u201E', '\u2026', '\u2020', '\u2021', '\u02C6', '\u2030', '\u0160', '\u2039', '\u0152', '\0', '\u017D', '\0',
        '\0', '\u2018', '\u2019', '\u201C', '\u201D', '\u2022', '\u2013', '\u2014', '\u02DC', '\u2122', '\u0161', '\u203A', '\u0153', '\0', '\u017E', '\u0178',
    ];

    /// <summary>Decodes a body: strict UTF-8, else Windows-1252 byte by byte.</summary>
    public static string Decode(ReadOnlySpan<byte> bytes)
    {
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF])) bytes = bytes[3..];
        try
        {
            return StrictUtf8.GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            var chars = new char[bytes.Length];
            for (var i = 0; i < bytes.Length; i++)
            {
                var b = bytes[i];
                chars[i] = b is >= 0x80 and <= 0x9F && Cp1252High[b - 0x80] != '\0' ? Cp1252High[b - 0x80] : (char)b;
            }
            return new string(chars);
        }
    }

    /// <summary>Repairs UTF-8 text that was decoded as Windows-1252 (up to twice); other text is returned unchanged.</summary>
    public static string Repair(string text)
    {
        for (var round = 0; round < 2 && LooksLikeMojibake(text); round++)
        {
            if (!TryEncodeCp1252(text, out var bytes)) break;
            string repaired;
            try
            {
                repaired = StrictUtf8.GetString(bytes);
            }
            catch (DecoderFallbackException)
            {
                break;
            }
            if (repaired == text) break;
            text = repaired;
        }
        return text;
    }

    private static bool LooksLikeMojibake(string text) =>
        text.Contains('\u00C3', StringComparison.Ordinal) || text.Contains('\u00C2', StringComparison.Ordinal);

    private static bool TryEncodeCp1252(string text, out byte[] bytes)
    {
        bytes = new byte[text.Length];
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c <= '\u00FF') bytes[i] = (byte)c;
            else
            {
                var index = Array.IndexOf(Cp1252High, c);
                if (index < 0) return false;
                bytes[i] = (byte)(0x80 + index);
            }
        }
        return true;
    }

    /// <summary>Whether a message means "not found", whatever its encoding ("Registro não encontrado", mojibake, no accent).</summary>
    public static bool IsNotFoundMessage(string? message) =>
        message is not null && message.Contains("encontrad", StringComparison.OrdinalIgnoreCase);

    /// <summary>Whether a message is the "past the last page" one ("Pagina atual acima do limite de paginas").</summary>
    public static bool IsPastLastPageMessage(string? message) =>
        message is not null && message.Contains("acima do limite", StringComparison.OrdinalIgnoreCase);
}
