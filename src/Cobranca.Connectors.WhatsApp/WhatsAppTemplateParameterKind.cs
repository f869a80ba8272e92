namespace Cobranca.Connectors.WhatsApp;

/// <summary>The type of a <see cref="WhatsAppTemplateParameter"/>.</summary>
public enum WhatsAppTemplateParameterKind
{
    /// <summary><c>text</c>.</summary>
    Text,
    /// <summary><c>currency</c> (<c>fallback_value</c>, <c>code</c>, <c>amount_1000</c>).</summary>
    Currency,
    /// <summary><c>date_time</c> (<c>fallback_value</c>).</summary>
    DateTime,
    /// <summary>A header <c>image</c> (link or media id).</summary>
    Image,
    /// <summary>A header <c>document</c> (link or media id, file name).</summary>
    Document,
}
