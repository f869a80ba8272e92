using System.Globalization;

namespace Cobranca.Connectors.WhatsApp;

/// <summary>
/// One template parameter. Build it with <see cref="Text"/>, <see cref="Currency"/>, <see cref="Date"/>,
/// <see cref="Image"/> or <see cref="Document"/>; text values are checked against Meta's rules before sending (no new
/// lines or tabs, at most four consecutive spaces, not empty): use <see cref="Sanitize"/> for values from an ERP.
/// </summary>
public sealed class WhatsAppTemplateParameter
{
    private static readonly CultureInfo PtBr = CultureInfo.GetCultureInfo("pt-BR");

    private WhatsAppTemplateParameter(WhatsAppTemplateParameterKind kind) => Kind = kind;

    /// <summary>The type.</summary>
    public WhatsAppTemplateParameterKind Kind { get; }

    /// <summary>The parameter name for templates created with named parameters (<c>{{due_date}}</c>); null for positional ones.</summary>
    public string? Name { get; private init; }

    /// <summary>The text (text), or the fallback shown to the user (currency, date).</summary>
    public string? Value { get; private init; }

    /// <summary>The amount (currency).</summary>
    public decimal? Amount { get; private init; }

    /// <summary>The ISO 4217 code (currency), <c>BRL</c> by default.</summary>
    public string? CurrencyCode { get; private init; }

    /// <summary>The link (image, document header).</summary>
    public Uri? Link { get; private init; }

    /// <summary>The uploaded media id (image, document header).</summary>
    public string? MediaId { get; private init; }

    /// <summary>The file name (document header).</summary>
    public string? FileName { get; private init; }

    /// <summary>A text parameter.</summary>
    /// <param name="value">The value (validated when sending; see <see cref="Sanitize"/>).</param>
    /// <param name="name">The parameter name for named-parameter templates; null for positional.</param>
    public static WhatsAppTemplateParameter Text(string value, string? name = null) =>
        new(WhatsAppTemplateParameterKind.Text) { Value = value, Name = name };

    /// <summary>A currency parameter: <c>amount_1000</c> = amount × 1000; fallback <c>R$ 99,90</c> (pt-BR) unless given.</summary>
    /// <param name="amount">The amount.</param>
    /// <param name="currencyCode">ISO 4217 code, <c>BRL</c> by default.</param>
    /// <param name="fallback">The text shown; formatted in pt-BR when null.</param>
    /// <param name="name">The parameter name for named-parameter templates; null for positional.</param>
    public static WhatsAppTemplateParameter Currency(decimal amount, string currencyCode = "BRL", string? fallback = null, string? name = null) =>
        new(WhatsAppTemplateParameterKind.Currency)
        {
            Amount = amount, CurrencyCode = currencyCode, Name = name,
            Value = fallback ?? (currencyCode == "BRL" ? "R$ " + amount.ToString("N2", PtBr) : amount.ToString("N2", PtBr) + " " + currencyCode),
        };

    /// <summary>A date parameter: <c>date_time.fallback_value</c> <c>dd/MM/yyyy</c> unless given.</summary>
    /// <param name="date">The date.</param>
    /// <param name="fallback">The text shown; <c>dd/MM/yyyy</c> when null.</param>
    /// <param name="name">The parameter name for named-parameter templates; null for positional.</param>
    public static WhatsAppTemplateParameter Date(DateOnly date, string? fallback = null, string? name = null) =>
        new(WhatsAppTemplateParameterKind.DateTime) { Value = fallback ?? date.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture), Name = name };

    /// <summary>An image header parameter (link or media id).</summary>
    /// <param name="link">An HTTPS link, or null with <paramref name="mediaId"/>.</param>
    /// <param name="mediaId">An uploaded media id, or null with <paramref name="link"/>.</param>
    public static WhatsAppTemplateParameter Image(Uri? link, string? mediaId = null) =>
        new(WhatsAppTemplateParameterKind.Image) { Link = link, MediaId = mediaId };

    /// <summary>A document header parameter (link or media id), e.g. the boleto PDF.</summary>
    /// <param name="link">An HTTPS link, or null with <paramref name="mediaId"/>.</param>
    /// <param name="mediaId">An uploaded media id, or null with <paramref name="link"/>.</param>
    /// <param name="fileName">The file name shown.</param>
    public static WhatsAppTemplateParameter Document(Uri? link, string? mediaId = null, string? fileName = null) =>
        new(WhatsAppTemplateParameterKind.Document) { Link = link, MediaId = mediaId, FileName = fileName };

    /// <summary>
    /// Makes free text acceptable as a text parameter: new lines and tabs become spaces, runs of spaces shrink to one,
    /// ends are trimmed, and the result is cut to <paramref name="maxLength"/> characters (with <c>…</c>).
    /// </summary>
    /// <param name="value">The raw text.</param>
    /// <param name="maxLength">The most characters kept (default 1024, the body limit).</param>
    public static string Sanitize(string? value, int maxLength = 1024)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxLength, 1);
        if (string.IsNullOrEmpty(value)) return string.Empty;
        var sb = new System.Text.StringBuilder(value.Length);
        var space = false;
        foreach (var c in value)
        {
            if (char.IsWhiteSpace(c) || char.IsControl(c))
            {
                if (!space && sb.Length > 0) sb.Append(' ');
                space = true;
            }
            else
            {
                sb.Append(c);
                space = false;
            }
        }
        var s = sb.ToString().TrimEnd();
        return s.Length <= maxLength ? s : string.Concat(s.AsSpan(0, maxLength - 1), "…");
    }

    /// <summary>The value for logs: text and fallbacks are personal data, so only the kind is shown.</summary>
    public override string ToString() => $"{Kind} parameter" + (Name is null ? string.Empty : $" '{Name}'");
}
