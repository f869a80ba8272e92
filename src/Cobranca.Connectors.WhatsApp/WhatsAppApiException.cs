using Cobranca.Connectors.Abstractions;

namespace Cobranca.Connectors.WhatsApp;

/// <summary>Meta refused a call with a Graph error that has no more specific exception type (undeliverable, account restricted, media, service unavailable, unknown codes): see <see cref="ErrorCode"/> and <see cref="ErrorClass"/>.</summary>
public sealed class WhatsAppApiException : ConnectorApiException
{
    /// <summary>Creates an exception with a generic message (standard constructor).</summary>
    public WhatsAppApiException()
        : base("A WhatsApp operation failed.")
    {
    }

    /// <summary>Creates an exception (standard constructor).</summary>
    /// <param name="message">What happened; redacted on construction.</param>
    public WhatsAppApiException(string message)
        : base(message)
    {
    }

    /// <summary>Creates an exception (standard constructor).</summary>
    /// <param name="message">What happened; redacted on construction.</param>
    /// <param name="innerException">The cause.</param>
    public WhatsAppApiException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates an exception from a Graph error object.</summary>
    /// <param name="operation">The operation (<c>messages.send</c>).</param>
    /// <param name="message">What happened; redacted on construction.</param>
    /// <param name="statusCode">The HTTP status.</param>
    /// <param name="errorCode">The Graph <c>error.code</c>.</param>
    /// <param name="errorSubcode">The Graph <c>error.error_subcode</c>.</param>
    /// <param name="rawBody">The reply body; redacted and truncated on construction.</param>
    public WhatsAppApiException(string operation, string message, int? statusCode, int errorCode, int? errorSubcode = null, string? rawBody = null)
        : base(WhatsAppClient.ProviderName, operation, message, statusCode, errorCode.ToString(System.Globalization.CultureInfo.InvariantCulture), rawBody)
    {
        ErrorCode = errorCode;
        ErrorSubcode = errorSubcode;
    }

    /// <summary>The Graph <c>error.code</c> (0 when unknown).</summary>
    public int ErrorCode { get; }

    /// <summary>The Graph <c>error.error_subcode</c>, if any.</summary>
    public int? ErrorSubcode { get; }

    /// <summary>The class of <see cref="ErrorCode"/>.</summary>
    public WhatsAppErrorClass ErrorClass => WhatsAppErrorCodes.Classify(ErrorCode);

    /// <summary><c>error.error_data.details</c> (redacted), if any.</summary>
    public string? Details { get; init; }
}
