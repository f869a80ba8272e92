using Cobranca.Connectors.Abstractions;

namespace Cobranca.Connectors.WhatsApp;

/// <summary>A webhook delivery was refused: missing or invalid <c>X-Hub-Signature-256</c>, or a body that is not a WhatsApp webhook. Answer 401 (signature) or 400 and process nothing.</summary>
public sealed class WhatsAppWebhookRejectedException : ConnectorException
{
    /// <summary>Creates an exception with a generic message (standard constructor).</summary>
    public WhatsAppWebhookRejectedException()
        : base("A WhatsApp operation failed.")
    {
    }

    /// <summary>Creates an exception (standard constructor).</summary>
    /// <param name="message">What happened; redacted on construction.</param>
    public WhatsAppWebhookRejectedException(string message)
        : base(message)
    {
    }

    /// <summary>Creates an exception (standard constructor).</summary>
    /// <param name="message">What happened; redacted on construction.</param>
    /// <param name="innerException">The cause.</param>
    public WhatsAppWebhookRejectedException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates an exception.</summary>
    /// <param name="message">What happened.</param>
    /// <param name="signatureProblem">True when the signature was missing or wrong (answer 401).</param>
    public WhatsAppWebhookRejectedException(string message, bool signatureProblem)
        : base(WhatsAppClient.ProviderName, "webhook", message)
    {
        SignatureProblem = signatureProblem;
    }

    /// <summary>True when the signature was missing or wrong (answer 401); false for a malformed body (answer 400).</summary>
    public bool SignatureProblem { get; }
}
