using Cobranca.Connectors.Abstractions;

namespace Cobranca.Connectors.Ixc;

/// <summary>
/// IXC's reply was larger than <see cref="IxcClientOptions.MaxReplyBytes"/>, so it was not read into memory. Usually a
/// listing with a very large <see cref="IxcClientOptions.PageSize"/> or <see cref="InvoiceQuery.PageSize"/> (about 1.5 KB
/// per row): lower the page size, or raise the limit. Not retried: the same request gets the same reply.
/// </summary>
public class IxcReplyTooLargeException : ConnectorTransportException
{
    /// <summary>Creates an exception (standard constructor).</summary>
    public IxcReplyTooLargeException()
        : this("IXC's reply is larger than allowed (IxcClientOptions.MaxReplyBytes).")
    {
    }

    /// <summary>Creates an exception (standard constructor; <see cref="ConnectorException.Operation"/> is empty).</summary>
    /// <param name="message">What happened; redacted on construction.</param>
    public IxcReplyTooLargeException(string message)
        : this(message, null)
    {
    }

    /// <summary>Creates an exception (standard constructor; <see cref="ConnectorException.Operation"/> is empty).</summary>
    /// <param name="message">What happened; redacted on construction.</param>
    /// <param name="innerException">The cause.</param>
    public IxcReplyTooLargeException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates an exception.</summary>
    /// <param name="operation">Logical operation.</param>
    /// <param name="limit">The limit in bytes that was exceeded.</param>
    public IxcReplyTooLargeException(string operation, long limit)
        : base(IxcClient.ProviderName, operation,
            $"IXC's reply to {operation} is larger than the {limit} bytes allowed (IxcClientOptions.MaxReplyBytes); lower the page size or raise the limit.")
    {
        Limit = limit;
    }

    /// <summary>The limit in bytes that was exceeded.</summary>
    public long Limit { get; }
}
