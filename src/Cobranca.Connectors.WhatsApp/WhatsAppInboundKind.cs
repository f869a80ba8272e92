namespace Cobranca.Connectors.WhatsApp;

/// <summary>The kind of an inbound message.</summary>
public enum WhatsAppInboundKind
{
    /// <summary>Anything else (<c>unsupported</c>, <c>order</c>, reactions ...): answer "não entendi" or ignore.</summary>
    Other,
    /// <summary><c>text</c>: <see cref="WhatsAppInboundMessage.Text"/>.</summary>
    Text,
    /// <summary><c>button</c>: a tap on a template quick reply (<see cref="WhatsAppInboundMessage.ReplyId"/> = the payload).</summary>
    TemplateButton,
    /// <summary><c>interactive.button_reply</c> (<see cref="WhatsAppInboundMessage.ReplyId"/>, <see cref="WhatsAppInboundMessage.ReplyTitle"/>).</summary>
    ButtonReply,
    /// <summary><c>interactive.list_reply</c> (<see cref="WhatsAppInboundMessage.ReplyId"/>, <see cref="WhatsAppInboundMessage.ReplyTitle"/>).</summary>
    ListReply,
    /// <summary>Media: image, document, audio, video or sticker (<see cref="WhatsAppInboundMessage.MediaId"/>).</summary>
    Media,
    /// <summary><c>system</c>: the user changed number or user id (<see cref="WhatsAppInboundMessage.Text"/> has the system body).</summary>
    System,
}
