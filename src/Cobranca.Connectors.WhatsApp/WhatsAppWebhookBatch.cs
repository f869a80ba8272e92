namespace Cobranca.Connectors.WhatsApp;

/// <summary>What one webhook delivery contained, after dedupe and ordering.</summary>
public sealed class WhatsAppWebhookBatch
{
    /// <summary>New inbound messages (redeliveries removed), oldest first.</summary>
    public IReadOnlyList<WhatsAppInboundMessage> Messages { get; init; } = [];

    /// <summary>Status changes that moved a message's state forward (redeliveries and stale ones removed).</summary>
    public IReadOnlyList<WhatsAppStatusUpdate> Statuses { get; init; } = [];

    /// <summary>Out-of-band errors (<c>value.errors[]</c>).</summary>
    public IReadOnlyList<WhatsAppError> Errors { get; init; } = [];

    /// <summary>Messages and statuses already seen (redelivered by Meta) and ignored.</summary>
    public int Duplicates { get; init; }

    /// <summary>Statuses that arrived after a later one (e.g. <c>delivered</c> after <c>read</c>) and were ignored.</summary>
    public int Stale { get; init; }

    /// <summary>Changes of other fields (<c>message_template_status_update</c> ...) that were not processed.</summary>
    public int Ignored { get; init; }
}
