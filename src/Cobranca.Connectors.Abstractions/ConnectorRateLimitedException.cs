namespace Cobranca.Connectors.Abstractions;

/// <summary>The provider asked to slow down (HTTP 429) and retries were exhausted.</summary>
public class ConnectorRateLimitedException : ConnectorApiException
{
    /// <summary>Creates an exception with a generic message (standard constructor; prefer the one naming the provider and operation).</summary>
    public ConnectorRateLimitedException()
        : base("A connector operation failed.")
    {
    }

    /// <summary>Creates an exception (standard constructor; <see cref="ConnectorException.Provider"/> and <see cref="ConnectorException.Operation"/> are empty).</summary>
    /// <param name="message">What happened; redacted on construction.</param>
    public ConnectorRateLimitedException(string message)
        : base(message)
    {
    }

    /// <summary>Creates an exception (standard constructor; <see cref="ConnectorException.Provider"/> and <see cref="ConnectorException.Operation"/> are empty).</summary>
    /// <param name="message">What happened; redacted on construction.</param>
    /// <param name="innerException">The cause.</param>
    public ConnectorRateLimitedException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates an exception.</summary>
    /// <param name="provider">Provider name.</param>
    /// <param name="operation">Logical operation.</param>
    /// <param name="message">What happened; redacted on construction.</param>
    /// <param name="retryAfter">How long the provider asked to wait, when it said.</param>
    /// <param name="statusCode">HTTP status, when HTTP.</param>
    /// <param name="rawBody">The reply body; redacted and truncated on construction.</param>
    /// <param name="innerException">The cause.</param>
    public ConnectorRateLimitedException(string provider, string operation, string message, TimeSpan? retryAfter = null,
        int? statusCode = 429, string? rawBody = null, Exception? innerException = null)
        : base(provider, operation, message, statusCode, null, rawBody, innerException)
    {
        RetryAfter = retryAfter;
    }

    /// <summary>How long the provider asked to wait, when it said.</summary>
    public TimeSpan? RetryAfter { get; }
}
