namespace Cobranca.Connectors.Testing.WhatsApp;

/// <summary>A fault the <see cref="WhatsAppCloudSandbox"/> applies to upcoming <c>/messages</c> sends (see <see cref="WhatsAppCloudSandbox.InjectFault"/>).</summary>
public sealed class WhatsAppSandboxFault
{
    private WhatsAppSandboxFault(WhatsAppSandboxFaultKind kind, int statusCode = 0, int errorCode = 0)
    {
        Kind = kind;
        StatusCode = statusCode;
        ErrorCode = errorCode;
    }

    /// <summary>What the fault does.</summary>
    public WhatsAppSandboxFaultKind Kind { get; }

    /// <summary>The HTTP status answered.</summary>
    public int StatusCode { get; }

    /// <summary>The Graph error code of a <see cref="WhatsAppSandboxFaultKind.GraphError"/>.</summary>
    public int ErrorCode { get; }

    /// <summary>The message is accepted, then the answer is lost (the connection is aborted).</summary>
    public static WhatsAppSandboxFault LostResponseAfterAccept() => new(WhatsAppSandboxFaultKind.LostResponseAfterAccept);

    /// <summary>An HTTP 5xx without a Graph error object (a proxy or an outage); nothing is accepted.</summary>
    /// <param name="statusCode">500 to 599. Default 503.</param>
    public static WhatsAppSandboxFault ServerError(int statusCode = 503)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(statusCode, 500);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(statusCode, 599);
        return new(WhatsAppSandboxFaultKind.ServerError, statusCode);
    }

    /// <summary>A Graph error object with <paramref name="errorCode"/> (e.g. 130429, 131026, 368, 190).</summary>
    /// <param name="errorCode">The Graph error code.</param>
    /// <param name="statusCode">The HTTP status. Default 400.</param>
    public static WhatsAppSandboxFault GraphError(int errorCode, int statusCode = 400) => new(WhatsAppSandboxFaultKind.GraphError, statusCode, errorCode);

    /// <summary>The throughput rate limit (130429).</summary>
    public static WhatsAppSandboxFault RateLimit() => GraphError(130429);

    /// <summary>The connection is aborted before anything is accepted.</summary>
    public static WhatsAppSandboxFault ConnectionReset() => new(WhatsAppSandboxFaultKind.ConnectionReset);

    /// <inheritdoc />
    public override string ToString() => Kind switch
    {
        WhatsAppSandboxFaultKind.GraphError => $"Graph error {ErrorCode} (HTTP {StatusCode})",
        WhatsAppSandboxFaultKind.ServerError => $"HTTP {StatusCode}",
        _ => Kind.ToString(),
    };
}
