namespace Cobranca.Connectors.Ixc.Internal;

/// <summary>
/// IXC answered, but the reply could not be used: the connection broke while the body was read (a reset mid-body, a
/// body shorter than its <c>Content-Length</c>), or, for a read, the body was not the expected shape (truncated or
/// malformed JSON, an empty body). An <see cref="HttpRequestException"/> so the resilience pipeline retries it like any
/// other transport failure when the request is marked retryable (reads); writes are never re-sent.
/// </summary>
internal sealed class IxcReplyException : HttpRequestException
{
    public IxcReplyException(string operation, int statusCode, long bytesRead, Exception innerException)
        : base($"IXC answered {operation} with HTTP {statusCode}, but the connection broke after {bytesRead} bytes of the reply.", innerException,
            (System.Net.HttpStatusCode)statusCode)
    {
        Operation = operation;
    }

    /// <summary>The body arrived but did not parse; <paramref name="parseFailure"/> says why.</summary>
    public IxcReplyException(string operation, int statusCode, Abstractions.ConnectorTransportException parseFailure)
        : base(parseFailure.Message, parseFailure, (System.Net.HttpStatusCode)statusCode)
    {
        Operation = operation;
        ParseFailure = parseFailure;
    }

    public string Operation { get; }

    /// <summary>The parse failure, when the body arrived whole but was not usable.</summary>
    public Abstractions.ConnectorTransportException? ParseFailure { get; }
}
