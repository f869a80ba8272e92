namespace Cobranca.Connectors.Pix;

/// <summary>
/// The payload location of a dynamic code (26-25, and 80-25 for Pix Automático): <c>host[:port]/path[?query]</c>,
/// without scheme, as BACEN writes it (<c>pix.example.com/8b3da2f39a4140d1a91abd93113bd441</c>). The paying app
/// prepends <c>https://</c> and fetches it, so anything that could make it fetch or show another place is refused.
/// </summary>
internal static class BrCodeUrl
{
    /// <summary>Checks <paramref name="url"/>; on failure <paramref name="reason"/> says what is wrong (never echoing it).</summary>
    public static bool IsValid(ReadOnlySpan<char> url, out string reason)
    {
        reason = string.Empty;
        if (url.Length == 0) return Invalid(out reason, "it is empty");
        if (url.Length > BrCodeParser.MaxUrlLength) return Invalid(out reason, $"it has {url.Length} characters; the limit is {BrCodeParser.MaxUrlLength}");
        for (var i = 0; i < url.Length; i++)
        {
            if (url[i] is <= ' ' or > '~') return Invalid(out reason, $"character {i} is not printable ASCII (white space, accent or invisible character)");
        }
        if (url.Contains("://", StringComparison.Ordinal)) return Invalid(out reason, "it has a scheme; write it without https://");
        var slash = url.IndexOf('/');
        if (slash <= 0) return Invalid(out reason, "it needs a host followed by a path (host/path)");
        var authority = url[..slash];
        var path = url[slash..];
        if (authority.Contains('@')) return Invalid(out reason, "the host part has an @ (user information is not allowed)");
        var host = authority;
        var colon = authority.IndexOf(':');
        if (colon >= 0)
        {
            var port = authority[(colon + 1)..];
            host = authority[..colon];
            if (port.Length is 0 or > 5 || port.ContainsAnyExceptInRange('0', '9') || port[0] == '0' || int.Parse(port, provider: null) > 65535)
            {
                return Invalid(out reason, "the port is not a number from 1 to 65535");
            }
        }
        if (!IsHost(host)) return Invalid(out reason, "the host is not a DNS name (letters, digits and hyphens in dot-separated labels)");
        if (path.Length < 2) return Invalid(out reason, "the path after the host is empty");
        for (var i = 0; i < path.Length; i++)
        {
            var c = path[i];
            if (c == '%')
            {
                if (i + 2 >= path.Length || !char.IsAsciiHexDigit(path[i + 1]) || !char.IsAsciiHexDigit(path[i + 2]))
                {
                    return Invalid(out reason, "a % in the path is not followed by two hexadecimal digits");
                }
                i += 2;
            }
            else if (!char.IsAsciiLetterOrDigit(c) && "-._~!$&'()*+,;=:@/?".IndexOf(c, StringComparison.Ordinal) < 0)
            {
                return Invalid(out reason, $"character {slash + i} is not allowed in a URL path");
            }
        }
        return true;
    }

    private static bool IsHost(ReadOnlySpan<char> host)
    {
        if (host.Length is 0 or > 253) return false;
        foreach (var range in host.Split('.'))
        {
            var label = host[range];
            if (label.Length is 0 or > 63 || label[0] == '-' || label[^1] == '-') return false;
            foreach (var c in label)
            {
                if (!char.IsAsciiLetterOrDigit(c) && c != '-') return false;
            }
        }
        return true;
    }

    private static bool Invalid(out string reason, string text)
    {
        reason = text;
        return false;
    }
}
