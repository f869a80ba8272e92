namespace Cobranca.Connectors.WhatsApp;

/// <summary>A document (<c>type: document</c>), e.g. the boleto PDF: by HTTPS link or by an uploaded media id.</summary>
public sealed class WhatsAppDocumentMessage : WhatsAppMessage
{
    /// <summary>A public (ideally short-lived, signed) HTTPS link; set this or <see cref="MediaId"/>.</summary>
    public Uri? Link { get; init; }

    /// <summary>A media id from <see cref="IWhatsAppClient.UploadMediaAsync"/>; set this or <see cref="Link"/>.</summary>
    public string? MediaId { get; init; }

    /// <summary>The file name shown to the user (<c>boleto-11-2026.pdf</c>).</summary>
    public string? FileName { get; init; }

    /// <summary>A caption (≤ 1024 characters).</summary>
    public string? Caption { get; init; }

    /// <inheritdoc />
    public override string Type => "document";

    /// <inheritdoc />
    public override IReadOnlyList<string> Validate() => WhatsAppMediaRules.Validate(Link, MediaId, Caption);

    internal override WhatsAppMessage WithClientReference(string clientReference) => new WhatsAppDocumentMessage
    {
        To = To, ReplyToMessageId = ReplyToMessageId, ClientReference = clientReference, Link = Link, MediaId = MediaId, FileName = FileName, Caption = Caption,
    };
}
