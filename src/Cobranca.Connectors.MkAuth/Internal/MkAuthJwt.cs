using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Cobranca.Connectors.MkAuth.Internal;

/// <summary>Reads MK-Auth's token reply: the raw JWT (documented), or a <c>{"token":…}</c> wrapper some installs use.</summary>
internal static class MkAuthJwt
{
    public static bool TryRead(string body, out string token, out DateTimeOffset? expires)
    {
        token = string.Empty;
        expires = null;
        var text = body.Trim().Trim('\0').Trim();
        if (text.StartsWith('{'))
        {
            try
            {
                using var doc = JsonDocument.Parse(text);
                text = MkAuthReply.StringOf(doc.RootElement, "token") ?? MkAuthReply.StringOf(doc.RootElement, "jwt")
                    ?? MkAuthReply.StringOf(doc.RootElement, "access_token") ?? string.Empty;
            }
            catch (JsonException)
            {
                return false;
            }
        }
        else if (text.Length > 1 && text[0] == '"' && text[^1] == '"')
        {
            text = text[1..^1];
        }
        if (text.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)) text = text[7..].Trim();

        var parts = text.Split('.');
        if (parts.Length != 3 || parts.Any(p => p.Length == 0 || !p.All(IsBase64Url))) return false;
        token = text;
        expires = ReadExp(parts[1]);
        return true;
    }

    private static bool IsBase64Url(char c) => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '=';

    private static DateTimeOffset? ReadExp(string payload)
    {
        try
        {
            var padded = payload.Replace('-', '+').Replace('_', '/').TrimEnd('=');
            padded += new string('=', (4 - padded.Length % 4) % 4);
            using var doc = JsonDocument.Parse(Encoding.UTF8.GetString(Convert.FromBase64String(padded)));
            var exp = MkAuthReply.StringOf(doc.RootElement, "exp");
            return long.TryParse(exp, NumberStyles.Integer, CultureInfo.InvariantCulture, out var seconds)
                ? DateTimeOffset.FromUnixTimeSeconds(seconds) : null;
        }
        catch (Exception ex) when (ex is FormatException or JsonException or ArgumentOutOfRangeException)
        {
            return null;
        }
    }
}
