namespace Cobranca.Connectors.Abstractions;

/// <summary>
/// The credentials were refused: HTTP 401/403, an "invalid token" body, a router login failure, or the caller's IP
/// not being allowed. Retrying will not help; fix the configuration.
/// </summary>
public class ConnectorAuthenticationException : ConnectorApiException
{
    /// <summary>Creates an exception with a generic message (standard constructor; prefer the one naming the provider and operation).</summary>
    public ConnectorAuthenticationException()
        : base("A connector operation failed.")
    {
    }

    /// <summary>Creates an exception (standard constructor; <see cref="ConnectorException.Provider"/> and <see cref="ConnectorException.Operation"/> are empty).</summary>
    /// <param name="message">What happened; redacted on construction.</param>
    public ConnectorAuthenticationException(string message)
        : base(message)
    {
    }

    /// <summary>Creates an exception (standard constructor; <see cref="ConnectorException.Provider"/> and <see cref="ConnectorException.Operation"/> are empty).</summary>
    /// <param name="message">What happened; redacted on construction.</param>
    /// <param name="innerException">The cause.</param>
    public ConnectorAuthenticationException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates an exception.</summary>
    /// <param name="provider">Provider name.</param>
    /// <param name="operation">Logical operation.</param>
    /// <param name="message">What happened and what to fix; redacted on construction.</param>
    /// <param name="statusCode">HTTP status, when HTTP.</param>
    /// <param name="providerErrorCode">The provider's own error code.</param>
    /// <param name="rawBody">The reply body; redacted and truncated on construction.</param>
    /// <param name="innerException">The cause.</param>
    public ConnectorAuthenticationException(string provider, string operation, string message, int? statusCode = null,
        string? providerErrorCode = null, string? rawBody = null, Exception? innerException = null)
        : base(provider, operation, message, statusCode, providerErrorCode, rawBody, innerException)
    {
    }
}
