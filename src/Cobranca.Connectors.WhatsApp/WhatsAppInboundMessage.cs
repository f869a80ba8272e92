namespace Cobranca.Connectors.WhatsApp;

/// <summary>A message a user sent (normalised from <c>entry[].changes[].value.messages[]</c>).</summary>
public sealed class WhatsAppInboundMessage
{
    /// <summary>The inbound wamid (the dedupe key).</summary>
    public required string MessageId { get; init; }

    /// <summary>The business number it was sent to (<c>metadata.phone_number_id</c>).</summary>
    public required string PhoneNumberId { get; init; }

    /// <summary>The sender (wa_id and/or business-scoped user id).</summary>
    public required WhatsAppUser From { get; init; }

    /// <summary>The profile name WhatsApp reports (personal data).</summary>
    public string? ProfileName { get; init; }

    /// <summary>When the user sent it.</summary>
    public required DateTimeOffset Timestamp { get; init; }

    /// <summary>The kind.</summary>
    public required WhatsAppInboundKind Kind { get; init; }

    /// <summary>The raw <c>type</c> (<c>text</c>, <c>button</c>, <c>interactive</c>, <c>image</c> ...).</summary>
    public required string Type { get; init; }

    /// <summary>The text (text body, template button text, media caption, system body).</summary>
    public string? Text { get; init; }

    /// <summary>The reply's id: template button payload, <c>button_reply.id</c> or <c>list_reply.id</c>.</summary>
    public string? ReplyId { get; init; }

    /// <summary>The reply's title (button text, <c>button_reply.title</c>, <c>list_reply.title</c>).</summary>
    public string? ReplyTitle { get; init; }

    /// <summary>The message it answers (<c>context.id</c>), if any.</summary>
    public string? ContextMessageId { get; init; }

    /// <summary>The media id of an image/document/audio/video/sticker.</summary>
    public string? MediaId { get; init; }

    /// <inheritdoc />
    public override string ToString() => $"Inbound {Kind} {MessageId} from {From}";
}
