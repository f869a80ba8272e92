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
    /// <summary>
    /// Process the request, then send the status, the headers (with the full <c>Content-Length</c>) and half of the body,
    /// and close the connection: the reply breaks in the middle of the body, as with a reset or a proxy cutting it.
    /// </summary>
    ResetMidBody,
    /// <summary>
    /// Process the request, then answer with only the first half of the body, as a complete HTTP reply (its
    /// <c>Content-Length</c> matches the cut): a truncated 200 that only the body's shape gives away.
    /// </summary>
    TruncatedBody,
    /// <summary>
    /// Process a listing, then leave the last <see cref="IxcSandboxFault.MissingRows"/> rows out of the page while
    /// <c>total</c> still counts them (a short page). No effect on requests that are not listings.
    /// </summary>
    ShortPage,
}
