namespace Cobranca.Connectors.Abstractions;

/// <summary>The addressed record does not exist (HTTP 404 or a provider's not-found reply).</summary>
public class ConnectorNotFoundException : ConnectorApiException
{
    /// <summary>Creates an exception with a generic message (standard constructor; prefer the one naming the provider and operation).</summary>
    public ConnectorNotFoundException()
        : base("A connector operation failed.")
    {
    }

    /// <summary>Creates an exception (standard constructor; <see cref="ConnectorException.Provider"/> and <see cref="ConnectorException.Operation"/> are empty).</summary>
    /// <param name="message">What happened; redacted on construction.</param>
    public ConnectorNotFoundException(string message)
        : base(message)
    {
    }

    /// <summary>Creates an exception (standard constructor; <see cref="ConnectorException.Provider"/> and <see cref="ConnectorException.Operation"/> are empty).</summary>
    /// <param name="message">What happened; redacted on construction.</param>
    /// <param name="innerException">The cause.</param>
    public ConnectorNotFoundException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates an exception.</summary>
    /// <param name="provider">Provider name.</param>
    /// <param name="operation">Logical operation.</param>
    /// <param name="message">What happened; redacted on construction.</param>
    /// <param name="statusCode">HTTP status, when HTTP.</param>
    /// <param name="providerErrorCode">The provider's own error code.</param>
    /// <param name="rawBody">The reply body; redacted and truncated on construction.</param>
    /// <param name="innerException">The cause.</param>
    public ConnectorNotFoundException(string provider, string operation, string message, int? statusCode = null,
        string? providerErrorCode = null, string? rawBody = null, Exception? innerException = null)
        : base(provider, operation, message, statusCode, providerErrorCode, rawBody, innerException)
    {
    }
}
