namespace Cobranca.Connectors.Testing.Sgp;

/// <summary>A request the <see cref="SgpSandbox"/> received.</summary>
/// <param name="Method">The HTTP method.</param>
/// <param name="Path">The path, as sent (trailing slash included).</param>
/// <param name="Headers">The headers, names in lower case.</param>
/// <param name="ContentType">The request's content type, or null.</param>
/// <param name="Form">The form fields (or the top-level fields of a JSON body), as sent.</param>
public sealed record SgpSandboxRequest(string Method, string Path, IReadOnlyDictionary<string, string> Headers, string? ContentType,
    IReadOnlyDictionary<string, string> Form)
{
    /// <summary>The path without the <c>/api/ura/</c> or <c>/ws/ura/</c> prefix and the trailing slash (<c>titulos</c>, <c>contrato/status/edit</c>).</summary>
    public string Endpoint
    {
        get
        {
            var p = Path.Trim('/');
            foreach (var prefix in new[] { "api/ura/", "ws/ura/", "ws/radius/", "api/banco/" })
            {
                if (p.StartsWith(prefix, StringComparison.Ordinal)) return p[prefix.Length..];
            }
            return p;
        }
    }

    /// <summary>A form field, or null.</summary>
    /// <param name="name">The field name.</param>
    public string? Field(string name) => Form.TryGetValue(name, out var v) ? v : null;

    /// <summary>A header, or null.</summary>
    /// <param name="name">The header name (any case).</param>
    public string? Header(string name) => Headers.TryGetValue(name.ToLowerInvariant(), out var v) ? v : null;
}
