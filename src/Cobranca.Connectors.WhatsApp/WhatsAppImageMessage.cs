namespace Cobranca.Connectors.WhatsApp;

/// <summary>An image (<c>type: image</c>), e.g. the Pix QR code PNG rendered locally: by HTTPS link or uploaded media id.</summary>
public sealed class WhatsAppImageMessage : WhatsAppMessage
{
    /// <summary>A public HTTPS link; set this or <see cref="MediaId"/>.</summary>
    public Uri? Link { get; init; }

    /// <summary>A media id from <see cref="IWhatsAppClient.UploadMediaAsync"/>; set this or <see cref="Link"/>.</summary>
    public string? MediaId { get; init; }

    /// <summary>A caption (≤ 1024 characters).</summary>
    public string? Caption { get; init; }

    /// <inheritdoc />
    public override string Type => "image";

    /// <inheritdoc />
    public override IReadOnlyList<string> Validate() => WhatsAppMediaRules.Validate(Link, MediaId, Caption);

    internal override WhatsAppMessage WithClientReference(string clientReference) => new WhatsAppImageMessage
    {
        To = To, ReplyToMessageId = ReplyToMessageId, ClientReference = clientReference, Link = Link, MediaId = MediaId, Caption = Caption,
    };
}
