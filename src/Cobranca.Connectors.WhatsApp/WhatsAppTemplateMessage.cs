namespace Cobranca.Connectors.WhatsApp;

/// <summary>
/// An approved template (<c>type: template</c>): the only kind allowed outside the 24-hour window. Dunning uses
/// UTILITY templates in <c>pt_BR</c>. Parameters are validated before sending (see <see cref="Validate"/>).
/// </summary>
public sealed class WhatsAppTemplateMessage : WhatsAppMessage
{
    /// <summary>The approved template's name (lower case, digits and underscores).</summary>
    public required string Name { get; init; }

    /// <summary>The template language code. Default <c>pt_BR</c>.</summary>
    public string LanguageCode { get; init; } = "pt_BR";

    /// <summary>The header parameter: at most one (text ≤ 60 characters, image or document).</summary>
    public IReadOnlyList<WhatsAppTemplateParameter> HeaderParameters { get; init; } = [];

    /// <summary>The body parameters, in order (<c>{{1}}</c>, <c>{{2}}</c> ...), or all named.</summary>
    public IReadOnlyList<WhatsAppTemplateParameter> BodyParameters { get; init; } = [];

    /// <summary>Button parameters (quick-reply payloads, URL suffixes) by index.</summary>
    public IReadOnlyList<WhatsAppTemplateButton> Buttons { get; init; } = [];

    /// <inheritdoc />
    public override bool IsFreeForm => false;

    /// <inheritdoc />
    public override string Type => "template";

    /// <summary>
    /// Checks Meta's parameter rules: a valid name and language; at most one header parameter (text ≤ 60 characters);
    /// text values not empty, without new lines or tabs and with at most four consecutive spaces; currency with a
    /// three-letter code and an amount with at most three decimals; parameters either all named or all positional;
    /// button indexes 0 to 9, unique.
    /// </summary>
    public override IReadOnlyList<string> Validate() => WhatsAppTemplateRules.Validate(this);

    internal override WhatsAppMessage WithClientReference(string clientReference) => new WhatsAppTemplateMessage
    {
        To = To, ReplyToMessageId = ReplyToMessageId, ClientReference = clientReference, Name = Name, LanguageCode = LanguageCode,
        HeaderParameters = HeaderParameters, BodyParameters = BodyParameters, Buttons = Buttons,
    };
}
