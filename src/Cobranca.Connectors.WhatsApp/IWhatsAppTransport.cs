namespace Cobranca.Connectors.WhatsApp;

/// <summary>
/// The wire under a <see cref="WhatsAppClient"/>: the Cloud API by default; a host may plug another transport (an
/// unofficial gateway, at its own risk: see docs/whatsapp.md). The client validates messages and enforces the
/// 24-hour window before calling it. The SDK ships no unofficial transport.
/// </summary>
public interface IWhatsAppTransport
{
    /// <summary>A short name for logs and telemetry (<c>"cloud-api"</c>, <c>"evolution"</c>).</summary>
    string Name { get; }

    /// <summary>What this transport can deliver; the client refuses a message kind it lacks with <see cref="NotSupportedException"/>.</summary>
    WhatsAppTransportCapabilities Capabilities { get; }

    /// <summary>Sends one validated message. Must not repeat a send whose answer was lost: throw <see cref="WhatsAppSendUnconfirmedException"/>.</summary>
    /// <param name="message">The message (already validated; <see cref="WhatsAppMessage.ClientReference"/> set).</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    Task<WhatsAppSendResult> SendAsync(WhatsAppMessage message, CancellationToken cancellationToken = default);

    /// <summary>Uploads a file and returns its media id.</summary>
    /// <param name="content">The bytes.</param>
    /// <param name="mimeType">Its MIME type.</param>
    /// <param name="fileName">The file name.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    Task<string> UploadMediaAsync(Stream content, string mimeType, string fileName, CancellationToken cancellationToken = default);

    /// <summary>Marks an inbound message as read; a transport without read receipts does nothing.</summary>
    /// <param name="messageId">The inbound message's id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    Task MarkAsReadAsync(string messageId, CancellationToken cancellationToken = default);
}
