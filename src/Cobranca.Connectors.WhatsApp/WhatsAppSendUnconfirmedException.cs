using Cobranca.Connectors.Abstractions;

namespace Cobranca.Connectors.WhatsApp;

/// <summary>A send whose answer was lost (timeout, connection cut after sending, HTTP 5xx without an error object): Meta may have accepted it. It is never re-sent automatically; the status webhooks resolve it by <see cref="ClientReference"/> (see <see cref="IWhatsAppClient.GetMessageStateAsync"/>).</summary>
public sealed class WhatsAppSendUnconfirmedException : ConnectorTransportException
{
    /// <summary>Creates an exception with a generic message (standard constructor).</summary>
    public WhatsAppSendUnconfirmedException()
        : base("A WhatsApp operation failed.")
    {
    }

    /// <summary>Creates an exception (standard constructor).</summary>
    /// <param name="message">What happened; redacted on construction.</param>
    public WhatsAppSendUnconfirmedException(string message)
        : base(message)
    {
    }

    /// <summary>Creates an exception (standard constructor).</summary>
    /// <param name="message">What happened; redacted on construction.</param>
    /// <param name="innerException">The cause.</param>
    public WhatsAppSendUnconfirmedException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates an exception.</summary>
    /// <param name="message">What happened; redacted on construction.</param>
    /// <param name="clientReference">The send's client reference.</param>
    /// <param name="innerException">The cause.</param>
    public WhatsAppSendUnconfirmedException(string message, string clientReference, Exception? innerException)
        : base(WhatsAppClient.ProviderName, "messages.send", message, innerException)
    {
        ClientReference = clientReference;
    }

    /// <summary>The client reference of the send (<c>biz_opaque_callback_data</c>), to match its status webhooks.</summary>
    public string? ClientReference { get; }
}
