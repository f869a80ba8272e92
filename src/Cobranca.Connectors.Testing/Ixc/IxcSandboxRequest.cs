namespace Cobranca.Connectors.Testing.Ixc;

/// <summary>One request the <see cref="IxcSandbox"/> received, as sent (for exact assertions on path, headers and body).</summary>
/// <param name="Method">HTTP method.</param>
/// <param name="Path">Path, e.g. <c>/webservice/v1/cliente</c>.</param>
/// <param name="Headers">Headers (names lower-case; multiple values joined with a comma).</param>
/// <param name="Body">The body as text.</param>
public sealed record IxcSandboxRequest(string Method, string Path, IReadOnlyDictionary<string, string> Headers, string Body)
{
    /// <summary>The last path segment: the table or resource (<c>cliente</c>, <c>get_pix</c> ...).</summary>
    public string Resource => Path[(Path.LastIndexOf('/') + 1)..];

    /// <summary>A header's value, or null.</summary>
    /// <param name="name">Header name (any case).</param>
    public string? Header(string name) => Headers.TryGetValue(name.ToLowerInvariant(), out var v) ? v : null;
}
