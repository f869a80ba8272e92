namespace Cobranca.Connectors.WhatsApp;

/// <summary>An interactive message with up to three reply buttons (<c>interactive.type: button</c>); inside the window only.</summary>
public sealed class WhatsAppButtonsMessage : WhatsAppMessage
{
    /// <summary>The body text (≤ 1024 characters).</summary>
    public required string Body { get; init; }

    /// <summary>An optional text header (≤ 60 characters).</summary>
    public string? Header { get; init; }

    /// <summary>An optional footer (≤ 60 characters).</summary>
    public string? Footer { get; init; }

    /// <summary>One to three buttons.</summary>
    public required IReadOnlyList<WhatsAppReplyButton> Buttons { get; init; }

    /// <inheritdoc />
    public override string Type => "interactive";

    /// <inheritdoc />
    public override IReadOnlyList<string> Validate() => WhatsAppInteractiveRules.ValidateButtons(this);

    internal override WhatsAppMessage WithClientReference(string clientReference) => new WhatsAppButtonsMessage
    {
        To = To, ReplyToMessageId = ReplyToMessageId, ClientReference = clientReference, Body = Body, Header = Header, Footer = Footer, Buttons = Buttons,
    };
}
