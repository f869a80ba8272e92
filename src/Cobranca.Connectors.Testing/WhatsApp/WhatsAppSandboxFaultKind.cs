namespace Cobranca.Connectors.Testing.WhatsApp;

/// <summary>What an injected <see cref="WhatsAppSandboxFault"/> does.</summary>
public enum WhatsAppSandboxFaultKind
{
    /// <summary>Accepts the message (it exists, its statuses will come), then aborts the connection before answering.</summary>
    LostResponseAfterAccept,
    /// <summary>Answers an HTTP 5xx without a Graph error object, nothing accepted.</summary>
    ServerError,
    /// <summary>Answers a Graph error object with the given code and HTTP status, nothing accepted.</summary>
    GraphError,
    /// <summary>Aborts the connection before reading the request, nothing accepted.</summary>
    ConnectionReset,
}
