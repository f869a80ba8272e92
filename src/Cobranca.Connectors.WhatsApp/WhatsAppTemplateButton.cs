namespace Cobranca.Connectors.WhatsApp;

/// <summary>A template button parameter: a quick-reply payload or a dynamic URL suffix, by the button's index in the template.</summary>
public sealed class WhatsAppTemplateButton
{
    private WhatsAppTemplateButton(string subType, int index, string value)
    {
        SubType = subType;
        Index = index;
        Value = value;
    }

    /// <summary><c>quick_reply</c> or <c>url</c>.</summary>
    public string SubType { get; }

    /// <summary>The button's position in the approved template (0-based, ≤ 9).</summary>
    public int Index { get; }

    /// <summary>The payload (quick reply; comes back in the inbound <c>button.payload</c>) or the URL suffix.</summary>
    public string Value { get; }

    /// <summary>A quick-reply button's payload (≤ 1000 characters; never personal data: it comes back verbatim).</summary>
    /// <param name="index">The button's index in the template.</param>
    /// <param name="payload">The payload, e.g. <c>INV123|PIX</c>.</param>
    public static WhatsAppTemplateButton QuickReply(int index, string payload) => new("quick_reply", index, payload);

    /// <summary>A URL button's dynamic suffix.</summary>
    /// <param name="index">The button's index in the template.</param>
    /// <param name="suffix">The suffix appended to the template's URL.</param>
    public static WhatsAppTemplateButton Url(int index, string suffix) => new("url", index, suffix);

    /// <inheritdoc />
    public override string ToString() => $"{SubType} button {Index}";
}
