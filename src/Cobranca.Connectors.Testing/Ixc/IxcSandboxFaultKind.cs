namespace Cobranca.Connectors.Testing.Ixc;

/// <summary>What an <see cref="IxcSandboxFault"/> does to a request.</summary>
public enum IxcSandboxFaultKind
{
    /// <summary>Wait, then answer normally.</summary>
    Latency,
    /// <summary>Answer an HTTP error status (500, 502, 503, 504 ...) without processing the request.</summary>
    HttpStatus,
    /// <summary>Answer HTTP 200 with IXC's HTML error fragment (<c>&lt;div&gt;Ocorreu um erro ao processar...</c>).</summary>
    HtmlError,
    /// <summary>Answer HTTP 200 with truncated JSON.</summary>
    MalformedJson,
    /// <summary>Abort the connection without an answer.</summary>
    ConnectionReset,
}
