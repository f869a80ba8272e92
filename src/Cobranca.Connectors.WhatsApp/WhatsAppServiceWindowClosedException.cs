using Cobranca.Connectors.Abstractions;

namespace Cobranca.Connectors.WhatsApp;

/// <summary>A free-form message to a user whose 24-hour customer-service window is closed: refused before any API call when the client knows it, or by Meta (131047). Send an approved template instead.</summary>
public sealed class WhatsAppServiceWindowClosedException : ConnectorApiException
{
    /// <summary>Creates an exception with a generic message (standard constructor).</summary>
    public WhatsAppServiceWindowClosedException()
        : base("A WhatsApp operation failed.")
    {
    }

    /// <summary>Creates an exception (standard constructor).</summary>
    /// <param name="message">What happened; redacted on construction.</param>
    public WhatsAppServiceWindowClosedException(string message)
        : base(message)
    {
    }

    /// <summary>Creates an exception (standard constructor).</summary>
    /// <param name="message">What happened; redacted on construction.</param>
    /// <param name="innerException">The cause.</param>
    public WhatsAppServiceWindowClosedException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates an exception.</summary>
    /// <param name="message">What happened; redacted on construction.</param>
    /// <param name="lastInboundAt">When the user last wrote, if ever seen.</param>
    /// <param name="fromApi">True when Meta refused it (131047); false when the client refused it locally.</param>
    public WhatsAppServiceWindowClosedException(string message, DateTimeOffset? lastInboundAt, bool fromApi)
        : base(WhatsAppClient.ProviderName, "messages.send", message, fromApi ? 400 : null, fromApi ? "131047" : null)
    {
        LastInboundAt = lastInboundAt;
        FromApi = fromApi;
    }

    /// <summary>When the user last wrote, if ever seen.</summary>
    public DateTimeOffset? LastInboundAt { get; }

    /// <summary>True when Meta refused it (131047); false when no API call was made.</summary>
    public bool FromApi { get; }
}
