namespace Cobranca.Connectors.Testing.MkAuth;

/// <summary>One request the <see cref="MkAuthSandbox"/> received, as sent (for exact assertions on path, headers and body).</summary>
/// <param name="Method">HTTP method.</param>
/// <param name="Path">Path as sent (still escaped), e.g. <c>/api/cliente/show/529.982.247-25</c>.</param>
/// <param name="Headers">Headers (names lower-case).</param>
/// <param name="Body">The body as text.</param>
public sealed record MkAuthSandboxRequest(string Method, string Path, IReadOnlyDictionary<string, string> Headers, string Body)
{
    /// <summary>The API route, <c>module/method</c> (<c>cliente/show</c>, <c>titulo/receber</c> ...), <c>token</c> for <c>GET /api/</c>, or the path.</summary>
    public string Route
    {
        get
        {
            if (Path is "/api/" or "/api") return "token";
            if (!Path.StartsWith("/api/", StringComparison.Ordinal)) return Path.TrimStart('/');
            var parts = Path[5..].Split('/');
            return parts.Length >= 2 ? $"{parts[0]}/{parts[1]}" : parts[0];
        }
    }

    /// <summary>The unescaped parameter after <c>module/method/</c>, or null.</summary>
    public string? Argument
    {
        get
        {
            if (!Path.StartsWith("/api/", StringComparison.Ordinal)) return null;
            var parts = Path[5..].Split('/', 3);
            return parts.Length == 3 ? Uri.UnescapeDataString(parts[2]) : null;
        }
    }

    /// <summary>A header's value, or null.</summary>
    /// <param name="name">Header name (any case).</param>
    public string? Header(string name) => Headers.TryGetValue(name.ToLowerInvariant(), out var v) ? v : null;
}
