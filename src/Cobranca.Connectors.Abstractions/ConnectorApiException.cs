using System.Globalization;

namespace Cobranca.Connectors.Abstractions;

/// <summary>The external system answered with an error (an HTTP error status or an error body under HTTP 200).</summary>
public class ConnectorApiException : ConnectorException
{
    /// <summary>Creates an exception with a generic message (standard constructor; prefer the one naming the provider and operation).</summary>
    public ConnectorApiException()
        : base("A connector operation failed.")
    {
    }

    /// <summary>Creates an exception (standard constructor; <see cref="ConnectorException.Provider"/> and <see cref="ConnectorException.Operation"/> are empty).</summary>
    /// <param name="message">What happened; redacted on construction.</param>
    public ConnectorApiException(string message)
        : base(message)
    {
    }

    /// <summary>Creates an exception (standard constructor; <see cref="ConnectorException.Provider"/> and <see cref="ConnectorException.Operation"/> are empty).</summary>
    /// <param name="message">What happened; redacted on construction.</param>
    /// <param name="innerException">The cause.</param>
    public ConnectorApiException(string message, Exception? innerException)
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
    public ConnectorApiException(string provider, string operation, string message, int? statusCode = null,
        string? providerErrorCode = null, string? rawBody = null, Exception? innerException = null)
        : base(provider, operation, message, innerException)
    {
        StatusCode = statusCode;
        ProviderErrorCode = providerErrorCode;
        RawBody = SensitiveData.RedactAndTruncate(rawBody);
    }

    /// <summary>HTTP status code, when the transport is HTTP (200 for error bodies under success).</summary>
    public int? StatusCode { get; }

    /// <summary>The provider's error code, when it sends one.</summary>
    public string? ProviderErrorCode { get; }

    /// <summary>The reply body, redacted (no secrets or personal data) and truncated.</summary>
    public string? RawBody { get; }

    /// <summary>The provider's request/correlation id, when it sends one.</summary>
    public string? RequestId { get; init; }

    /// <inheritdoc />
    public override string ToString()
    {
        var s = base.ToString();
        return RawBody is null ? s : string.Create(CultureInfo.InvariantCulture, $"{s}{Environment.NewLine}Body: {RawBody}");
    }
}
