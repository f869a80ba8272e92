namespace Cobranca.Connectors.Abstractions;

/// <summary>
/// Root of every error a connector raises about the external system (caller cancellation is never wrapped: it
/// surfaces as <see cref="OperationCanceledException"/>; a missing capability is <see cref="NotSupportedException"/>).
/// </summary>
/// <remarks>
/// The message is passed through <see cref="SensitiveData.RedactAndTruncate"/> on construction, so no token, password,
/// CPF/CNPJ, phone or Pix key survives into <see cref="Exception.Message"/>, whatever the connector put in it, and a
/// whole HTML page pasted into it is cut. <see cref="ToString"/> redacts again, because it includes the inner
/// exceptions' messages, which this class does not control.
/// </remarks>
public class ConnectorException : Exception
{
    private const string DefaultMessage = "A connector operation failed.";

    /// <summary>Creates an exception with a generic message (standard constructor; prefer the one naming the provider and operation).</summary>
    public ConnectorException()
        : this(string.Empty, string.Empty, DefaultMessage)
    {
    }

    /// <summary>Creates an exception (standard constructor; <see cref="ConnectorException.Provider"/> and <see cref="ConnectorException.Operation"/> are empty).</summary>
    /// <param name="message">What happened; redacted on construction.</param>
    public ConnectorException(string message)
        : this(string.Empty, string.Empty, message)
    {
    }

    /// <summary>Creates an exception (standard constructor; <see cref="ConnectorException.Provider"/> and <see cref="ConnectorException.Operation"/> are empty).</summary>
    /// <param name="message">What happened; redacted on construction.</param>
    /// <param name="innerException">The cause.</param>
    public ConnectorException(string message, Exception? innerException)
        : this(string.Empty, string.Empty, message, innerException)
    {
    }

    /// <summary>Creates an exception.</summary>
    /// <param name="provider">Provider name (<c>"ixc"</c>, <c>"mikrotik"</c>, <c>"pix:efi"</c>).</param>
    /// <param name="operation">Logical operation (<c>"cliente.listar"</c>, <c>"address-list.add"</c>).</param>
    /// <param name="message">What happened; redacted on construction.</param>
    /// <param name="innerException">The cause.</param>
    public ConnectorException(string provider, string operation, string message, Exception? innerException = null)
        : base(SensitiveData.RedactAndTruncate(message), innerException)
    {
        Provider = provider;
        Operation = operation;
    }

    /// <summary>Provider name.</summary>
    public string Provider { get; }

    /// <summary>Logical operation that failed.</summary>
    public string Operation { get; }

    /// <summary>Tenant (ISP) name, for multi-tenant hosts. Never a secret.</summary>
    public string? TenantId { get; init; }

    /// <summary>The usual exception text (type, message, inner exceptions, stack), redacted.</summary>
    public override string ToString() => SensitiveData.Redact(base.ToString());
}
