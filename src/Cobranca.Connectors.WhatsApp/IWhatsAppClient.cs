using Cobranca.Connectors.Abstractions;

namespace Cobranca.Connectors.WhatsApp;

/// <summary>
/// One WhatsApp Business number (a Cloud API phone number id, or a host-supplied <see cref="IWhatsAppTransport"/>):
/// sends, media upload, the 24-hour customer-service window and the number's webhooks. Implemented by
/// <see cref="WhatsAppClient"/>; mock this interface in your tests.
/// </summary>
/// <remarks>
/// A send is never repeated when its answer is lost (the Cloud API has no idempotency key): the call then throws
/// <see cref="WhatsAppSendUnconfirmedException"/> carrying the message's <see cref="WhatsAppMessage.ClientReference"/>,
/// which the status webhooks echo back (<see cref="WhatsAppStatusUpdate.ClientReference"/>); see
/// <see cref="GetMessageStateAsync"/>.
/// </remarks>
public interface IWhatsAppClient
{
    /// <summary>The business phone number id (Cloud API), or the transport's name.</summary>
    string PhoneNumberId { get; }

    /// <summary>What the underlying transport can deliver.</summary>
    WhatsAppTransportCapabilities Capabilities { get; }

    /// <summary>The number's webhook endpoint logic: handshake, signature, parsing, dedupe, window and status tracking.</summary>
    WhatsAppWebhookHandler Webhooks { get; }

    /// <summary>
    /// Validates and sends one message. A free-form message (anything but a template) to a user whose 24-hour window is
    /// closed throws <see cref="WhatsAppServiceWindowClosedException"/> before any API call.
    /// </summary>
    /// <param name="message">The message.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The accepted message: its wamid and the canonical recipient.</returns>
    /// <exception cref="ArgumentException">The message breaks a documented limit (button count, title length, template parameter rules).</exception>
    /// <exception cref="WhatsAppServiceWindowClosedException">Free-form outside the window (checked locally, or error 131047).</exception>
    /// <exception cref="WhatsAppSendUnconfirmedException">The request may have reached Meta but no answer came back: not re-sent.</exception>
    /// <exception cref="ConnectorException">Meta refused the message (see <see cref="WhatsAppErrorCodes"/>).</exception>
    Task<WhatsAppSendResult> SendAsync(WhatsAppMessage message, CancellationToken cancellationToken = default);

    /// <summary>Sends a free-form text (inside the window only).</summary>
    /// <param name="to">The recipient.</param>
    /// <param name="text">The text (1 to 4096 characters).</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    Task<WhatsAppSendResult> SendTextAsync(WhatsAppUser to, string text, CancellationToken cancellationToken = default);

    /// <summary>Uploads a file (a boleto PDF, a Pix QR PNG) and returns its media id, usable by this number only.</summary>
    /// <param name="content">The bytes.</param>
    /// <param name="mimeType">Its MIME type (<c>application/pdf</c>, <c>image/png</c>, <c>image/jpeg</c>).</param>
    /// <param name="fileName">The file name.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    Task<string> UploadMediaAsync(Stream content, string mimeType, string fileName, CancellationToken cancellationToken = default);

    /// <summary>Marks an inbound message as read (blue ticks).</summary>
    /// <param name="messageId">The inbound message's wamid.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    Task MarkAsReadAsync(string messageId, CancellationToken cancellationToken = default);

    /// <summary>The user's customer-service window as known from the inbound messages seen (store-backed).</summary>
    /// <param name="user">The user.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    Task<WhatsAppServiceWindow> GetServiceWindowAsync(WhatsAppUser user, CancellationToken cancellationToken = default);

    /// <summary>
    /// Records that <paramref name="user"/> wrote at <paramref name="receivedAt"/> (opens or extends the window). The
    /// webhook handler calls it; call it yourself only for inbound messages that reach you another way (a gateway).
    /// </summary>
    /// <param name="user">The user who wrote.</param>
    /// <param name="receivedAt">When the message was sent (its webhook timestamp).</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    Task RecordInboundAsync(WhatsAppUser user, DateTimeOffset receivedAt, CancellationToken cancellationToken = default);

    /// <summary>
    /// The latest known state of an outbound message, by wamid or by client reference (so an unconfirmed send can be
    /// resolved once its status webhook arrives); null when nothing is known.
    /// </summary>
    /// <param name="messageIdOrClientReference">A wamid or a <see cref="WhatsAppMessage.ClientReference"/>.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    Task<WhatsAppMessageState?> GetMessageStateAsync(string messageIdOrClientReference, CancellationToken cancellationToken = default);
}
