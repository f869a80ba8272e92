namespace Cobranca.Connectors.Abstractions;

/// <summary>The provider rejected the input. <see cref="Violations"/> lists field errors when the provider sends them.</summary>
public class ConnectorValidationException : ConnectorApiException
{
    /// <summary>Creates an exception with a generic message (standard constructor; prefer the one naming the provider and operation).</summary>
    public ConnectorValidationException()
        : base("A connector operation failed.")
    {
        Violations = [];
    }

    /// <summary>Creates an exception (standard constructor; <see cref="ConnectorException.Provider"/> and <see cref="ConnectorException.Operation"/> are empty).</summary>
    /// <param name="message">What happened; redacted on construction.</param>
    public ConnectorValidationException(string message)
        : base(message)
    {
        Violations = [];
    }

    /// <summary>Creates an exception (standard constructor; <see cref="ConnectorException.Provider"/> and <see cref="ConnectorException.Operation"/> are empty).</summary>
    /// <param name="message">What happened; redacted on construction.</param>
    /// <param name="innerException">The cause.</param>
    public ConnectorValidationException(string message, Exception? innerException)
        : base(message, innerException)
    {
        Violations = [];
    }

    /// <summary>Creates an exception.</summary>
    /// <param name="provider">Provider name.</param>
    /// <param name="operation">Logical operation.</param>
    /// <param name="message">What happened; redacted on construction.</param>
    /// <param name="violations">Field errors, when known.</param>
    /// <param name="statusCode">HTTP status, when HTTP.</param>
    /// <param name="providerErrorCode">The provider's own error code.</param>
    /// <param name="rawBody">The reply body; redacted and truncated on construction.</param>
    /// <param name="innerException">The cause.</param>
    public ConnectorValidationException(string provider, string operation, string message,
        IReadOnlyList<FieldViolation>? violations = null, int? statusCode = null, string? providerErrorCode = null,
        string? rawBody = null, Exception? innerException = null)
        : base(provider, operation, message, statusCode, providerErrorCode, rawBody, innerException)
    {
        Violations = violations ?? [];
    }

    /// <summary>Field errors (BACEN <c>violacoes</c>, for instance).</summary>
    public IReadOnlyList<FieldViolation> Violations { get; }
}
