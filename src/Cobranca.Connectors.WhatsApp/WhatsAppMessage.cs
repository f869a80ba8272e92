namespace Cobranca.Connectors.WhatsApp;

/// <summary>
/// An outbound message: <see cref="WhatsAppTextMessage"/>, <see cref="WhatsAppTemplateMessage"/>,
/// <see cref="WhatsAppDocumentMessage"/>, <see cref="WhatsAppImageMessage"/>, <see cref="WhatsAppButtonsMessage"/> or
/// <see cref="WhatsAppListMessage"/>.
/// </summary>
public abstract class WhatsAppMessage
{
    private protected WhatsAppMessage()
    {
    }

    /// <summary>The recipient (a phone/wa_id or a business-scoped user id).</summary>
    public required WhatsAppUser To { get; init; }

    /// <summary>Replies to (quotes) this message id (<c>context.message_id</c>); optional.</summary>
    public string? ReplyToMessageId { get; init; }

    /// <summary>
    /// Your reference for this send, at most 512 characters, echoed back by every status webhook of the message
    /// (<c>biz_opaque_callback_data</c>). The client generates one when null; it is how an unconfirmed send is resolved.
    /// Never put personal data in it.
    /// </summary>
    public string? ClientReference { get; init; }

    /// <summary>True for everything but templates: allowed only inside the user's 24-hour window.</summary>
    public virtual bool IsFreeForm => true;

    /// <summary>The Cloud API <c>type</c> (<c>text</c>, <c>template</c>, <c>document</c>, <c>image</c>, <c>interactive</c>).</summary>
    public abstract string Type { get; }

    /// <summary>Checks the documented limits; returns every problem (empty when valid).</summary>
    public abstract IReadOnlyList<string> Validate();

    /// <summary>A copy with another <see cref="ClientReference"/>.</summary>
    internal abstract WhatsAppMessage WithClientReference(string clientReference);
}
