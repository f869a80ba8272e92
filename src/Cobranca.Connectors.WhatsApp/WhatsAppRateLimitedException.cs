using Cobranca.Connectors.Abstractions;

namespace Cobranca.Connectors.WhatsApp;

/// <summary>A rate limit (4, 80007, 130429 throughput, 131056 pair rate) persisted after the configured back-offs; nothing was sent.</summary>
public sealed class WhatsAppRateLimitedException : ConnectorRateLimitedException
{
    /// <summary>Creates an exception with a generic message (standard constructor).</summary>
    public WhatsAppRateLimitedException()
        : base("A WhatsApp operation failed.")
    {
    }

    /// <summary>Creates an exception (standard constructor).</summary>
    /// <param name="message">What happened; redacted on construction.</param>
    public WhatsAppRateLimitedException(string message)
        : base(message)
    {
    }

    /// <summary>Creates an exception (standard constructor).</summary>
    /// <param name="message">What happened; redacted on construction.</param>
    /// <param name="innerException">The cause.</param>
    public WhatsAppRateLimitedException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates an exception from a Graph error object.</summary>
    /// <param name="operation">The operation.</param>
    /// <param name="message">What happened; redacted on construction.</param>
    /// <param name="errorCode">The Graph <c>error.code</c>.</param>
    /// <param name="retryAfter">How long to wait before trying again.</param>
    /// <param name="statusCode">The HTTP status.</param>
    /// <param name="rawBody">The reply body; redacted and truncated on construction.</param>
    public WhatsAppRateLimitedException(string operation, string message, int errorCode, TimeSpan? retryAfter, int? statusCode, string? rawBody = null)
        : base(WhatsAppClient.ProviderName, operation, message, retryAfter, statusCode, rawBody)
    {
        ErrorCode = errorCode;
    }

    /// <summary>The Graph <c>error.code</c> (130429, 131056, 4 or 80007).</summary>
    public int ErrorCode { get; }
}
