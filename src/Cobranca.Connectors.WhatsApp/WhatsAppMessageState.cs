namespace Cobranca.Connectors.WhatsApp;

/// <summary>The latest known state of an outbound message (kept from send results and status webhooks).</summary>
/// <param name="MessageId">The wamid, or null when the send is unconfirmed and no webhook has told it yet.</param>
/// <param name="ClientReference">The client reference, when known.</param>
/// <param name="Status">The status; null while an unconfirmed send has no news.</param>
/// <param name="UpdatedAt">When it last changed (the webhook's timestamp, or the send's time).</param>
/// <param name="ErrorCode">The error code of a failed status, if any.</param>
public sealed record WhatsAppMessageState(string? MessageId, string? ClientReference, WhatsAppMessageStatus? Status, DateTimeOffset UpdatedAt, int? ErrorCode = null);
