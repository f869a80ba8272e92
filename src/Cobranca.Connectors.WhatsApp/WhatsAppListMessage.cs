namespace Cobranca.Connectors.WhatsApp;

/// <summary>An interactive list (<c>interactive.type: list</c>), e.g. the open invoices to choose from; inside the window only.</summary>
public sealed class WhatsAppListMessage : WhatsAppMessage
{
    /// <summary>The body text (≤ 4096 characters).</summary>
    public required string Body { get; init; }

    /// <summary>An optional text header (≤ 60 characters).</summary>
    public string? Header { get; init; }

    /// <summary>An optional footer (≤ 60 characters).</summary>
    public string? Footer { get; init; }

    /// <summary>The label of the button that opens the list (≤ 20 characters), e.g. <c>Ver faturas</c>.</summary>
    public required string ButtonText { get; init; }

    /// <summary>One to ten sections, ten rows at most in all.</summary>
    public required IReadOnlyList<WhatsAppListSection> Sections { get; init; }

    /// <inheritdoc />
    public override string Type => "interactive";

    /// <inheritdoc />
    public override IReadOnlyList<string> Validate() => WhatsAppInteractiveRules.ValidateList(this);

    internal override WhatsAppMessage WithClientReference(string clientReference) => new WhatsAppListMessage
    {
        To = To, ReplyToMessageId = ReplyToMessageId, ClientReference = clientReference, Body = Body, Header = Header, Footer = Footer,
        ButtonText = ButtonText, Sections = Sections,
    };
}
