namespace Cobranca.Connectors.WhatsApp;

/// <summary>A free-form text (<c>type: text</c>), inside the 24-hour window only.</summary>
public sealed class WhatsAppTextMessage : WhatsAppMessage
{
    /// <summary>The most characters a text may have.</summary>
    public const int MaxLength = 4096;

    /// <summary>The text (1 to 4096 characters).</summary>
    public required string Body { get; init; }

    /// <summary>Lets WhatsApp render a preview of the first URL (<c>preview_url</c>). Default false.</summary>
    public bool PreviewUrl { get; init; }

    /// <inheritdoc />
    public override string Type => "text";

    /// <inheritdoc />
    public override IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (string.IsNullOrWhiteSpace(Body)) errors.Add("Body is required.");
        else if (Body.Length > MaxLength) errors.Add($"Body has {Body.Length} characters; the limit is {MaxLength}.");
        return errors;
    }

    internal override WhatsAppMessage WithClientReference(string clientReference) => new WhatsAppTextMessage
    {
        To = To, ReplyToMessageId = ReplyToMessageId, ClientReference = clientReference, Body = Body, PreviewUrl = PreviewUrl,
    };
}
