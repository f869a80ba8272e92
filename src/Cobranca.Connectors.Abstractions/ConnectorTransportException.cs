namespace Cobranca.Connectors.Abstractions;

/// <summary>
/// No usable answer came back: DNS, TLS, refused or reset connection, timeout, circuit open, or a reply that was not
/// the protocol (malformed JSON, HTML where JSON was expected without an error shape). Often worth retrying later.
/// </summary>
public class ConnectorTransportException : ConnectorException
{
    /// <summary>Creates an exception with a generic message (standard constructor; prefer the one naming the provider and operation).</summary>
    public ConnectorTransportException()
        : base("A connector operation failed.")
    {
    }

    /// <summary>Creates an exception (standard constructor; <see cref="ConnectorException.Provider"/> and <see cref="ConnectorException.Operation"/> are empty).</summary>
    /// <param name="message">What happened; redacted on construction.</param>
    public ConnectorTransportException(string message)
        : base(message)
    {
    }

    /// <summary>Creates an exception (standard constructor; <see cref="ConnectorException.Provider"/> and <see cref="ConnectorException.Operation"/> are empty).</summary>
    /// <param name="message">What happened; redacted on construction.</param>
    /// <param name="innerException">The cause.</param>
    public ConnectorTransportException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates an exception.</summary>
    /// <param name="provider">Provider name.</param>
    /// <param name="operation">Logical operation.</param>
    /// <param name="message">What happened; redacted on construction.</param>
    /// <param name="innerException">The cause.</param>
    public ConnectorTransportException(string provider, string operation, string message, Exception? innerException = null)
        : base(provider, operation, message, innerException)
    {
    }

    /// <summary>True when the request is known not to have reached the server (safe to resend even a write).</summary>
    public bool RequestNotSent { get; init; }
}
