using System.Globalization;
using System.Text;
using System.Text.Unicode;

namespace Cobranca.Connectors.MikroTik.Protocol;

/// <summary>
/// RouterOS stores bytes, not text. Words are decoded as UTF-8 when the bytes are valid UTF-8, otherwise as
/// Windows-1252 (what Winbox on a Brazilian Windows machine writes). Writes are UTF-8; what the SDK creates is ASCII.
/// </summary>
internal static class RouterOsText
{
    // Windows-1252 0x80..0x9F. The five undefined positions map to the C1 control with the same value, like .NET does.
    private static readonly char[] Cp1252High =
    [
        '\u20AC', '\u0081', '\u201A', '\u0192', '\u201E', '\u2026', '\u2020', '\u2021',
        '\u02C6', '\u2030', '\u0160', '\u2039', '\u0152', '\u008D', '\u017D', '\u008F',
        '\u0090', '\u2018', '\u2019', '\u201C', '\u201D', '\u2022', '\u2013', '\u2014',
        '\u02DC', '\u2122', '\u0161', '\u203A', '\u0153', '\u009D', '\u017E', '\u0178',
    ];

    public static string Decode(ReadOnlySpan<byte> bytes) => Decode(bytes, out _);

    public static string Decode(ReadOnlySpan<byte> bytes, out bool windows1252)
    {
        windows1252 = false;
        if (bytes.IsEmpty) return string.Empty;
        if (Utf8.IsValid(bytes)) return Encoding.UTF8.GetString(bytes);
        windows1252 = true;
        return DecodeWindows1252(bytes);
    }

    /// <summary>Decodes as UTF-8 or, when <paramref name="windows1252"/>, as Windows-1252 (the caller checked the whole word).</summary>
    public static string Decode(ReadOnlySpan<byte> bytes, bool windows1252) =>
        bytes.IsEmpty ? string.Empty : windows1252 ? DecodeWindows1252(bytes) : Encoding.UTF8.GetString(bytes);

    private static string DecodeWindows1252(ReadOnlySpan<byte> bytes)
    {
        return string.Create(bytes.Length, bytes.ToArray(), static (span, source) =>
        {
            for (var i = 0; i < source.Length; i++)
            {
                var b = source[i];
                span[i] = b is >= 0x80 and <= 0x9F ? Cp1252High[b - 0x80] : (char)b;
            }
        });
    }

    public static byte[] Encode(string text) => Encoding.UTF8.GetBytes(text);

    /// <summary>True when every char of <paramref name="text"/> has a Windows-1252 byte (so the text can be written as Winbox would).</summary>
    public static bool IsWindows1252(string text)
    {
        foreach (var c in text)
        {
            if (c > '\u00FF' && Array.IndexOf(Cp1252High, c) < 0) return false;
        }
        return true;
    }

    /// <summary>Number of bytes of <paramref name="text"/> in Windows-1252 (one per char).</summary>
    public static int Windows1252Length(string text) => text.Length;

    /// <summary>Writes <paramref name="text"/> as Windows-1252 bytes (the inverse of the decoder, byte for byte).</summary>
    public static int EncodeWindows1252(ReadOnlySpan<char> text, Span<byte> destination)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c <= '\u007F' || c is >= '\u00A0' and <= '\u00FF') destination[i] = (byte)c;
            else
            {
                var at = Array.IndexOf(Cp1252High, c);
                if (at < 0) throw new ArgumentException("The text has a character with no Windows-1252 byte.", nameof(text));
                destination[i] = (byte)(0x80 + at);
            }
        }
        return text.Length;
    }

    /// <summary>Folds accents and replaces anything else outside printable ASCII with '_' ("João" becomes "Joao").</summary>
    public static string ToAscii(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (IsAscii(text)) return text;
        var decomposed = text.Normalize(NormalizationForm.FormD);
        var sb = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark) continue;
            sb.Append(c is >= ' ' and <= '~' ? c : '_');
        }
        return sb.ToString();
    }

    public static bool IsAscii(string text)
    {
        foreach (var c in text)
        {
            if (c is < ' ' or > '~') return false;
        }
        return true;
    }
}
