using System.Text;
using System.Text.Unicode;

namespace Cobranca.Connectors.Testing.RouterOs;

/// <summary>
/// The emulator keeps bytes, like RouterOS: every stored or wire value is a "byte string" (one char per byte,
/// U+0000..U+00FF). These helpers convert between byte strings, bytes and text.
/// </summary>
internal static class EmulatorText
{
    public static string FromBytes(ReadOnlySpan<byte> bytes) => Encoding.Latin1.GetString(bytes);

    public static byte[] ToBytes(string byteString) => Encoding.Latin1.GetBytes(byteString);

    /// <summary>Text the emulator itself produces (messages, identity, options) goes out as UTF-8.</summary>
    public static string FromText(string text) => IsAscii(text) ? text : FromBytes(Encoding.UTF8.GetBytes(text));

    /// <summary>Decodes stored bytes for people and tests: UTF-8 when valid, else Latin-1 (the Windows-1252 letters).</summary>
    public static string ToText(string byteString)
    {
        if (IsAscii(byteString)) return byteString;
        var bytes = ToBytes(byteString);
        return Utf8.IsValid(bytes) ? Encoding.UTF8.GetString(bytes) : byteString;
    }

    private static bool IsAscii(string s) => Ascii.IsValid(s);
}
