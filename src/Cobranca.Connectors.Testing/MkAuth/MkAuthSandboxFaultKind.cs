namespace Cobranca.Connectors.Testing.MkAuth;

/// <summary>What an <see cref="MkAuthSandboxFault"/> does to a request.</summary>
public enum MkAuthSandboxFaultKind
{
    /// <summary>Wait, then answer normally.</summary>
    Latency,
    /// <summary>Answer an HTTP error status without processing the request.</summary>
    HttpStatus,
    /// <summary>Answer HTTP 200 with a PHP warning page (HTML) without processing the request.</summary>
    HtmlError,
    /// <summary>Answer HTTP 200 with truncated JSON without processing the request.</summary>
    MalformedJson,
    /// <summary>Process the request normally and append one junk character after the JSON.</summary>
    TrailingJunk,
    /// <summary>Abort the connection without an answer (and without processing the request).</summary>
    ConnectionReset,
}
