namespace Cobranca.Connectors.WhatsApp;

/// <summary>
/// How one dunning template key becomes an approved WhatsApp template (bindable). Parameters name values of the
/// notification, in template order: <c>customer.name</c>, <c>customer.first_name</c>, <c>invoice.id</c>,
/// <c>invoice.description</c>, <c>invoice.amount</c> and <c>invoice.open_amount</c> (currency), <c>invoice.due_date</c>
/// (date), <c>invoices.count</c>, <c>invoices.total</c> (currency), <c>suspension.date</c> (date),
/// <c>restore.hours</c>, <c>scheduled.date</c> (date), <c>debt.total_overdue</c> (currency), <c>debt.max_days_overdue</c>. Write <c>nome:customer.first_name</c> for a template with named
/// parameters (<c>{{nome}}</c>).
/// </summary>
public sealed class WhatsAppTemplateMapping
{
    /// <summary>The approved template's name (<c>fatura_vencimento</c>).</summary>
    public string? Name { get; set; }

    /// <summary>Its language. Default <c>pt_BR</c>.</summary>
    public string LanguageCode { get; set; } = "pt_BR";

    /// <summary>The header parameter (at most one value name).</summary>
    public IList<string> HeaderParameters { get; } = new List<string>();

    /// <summary>The body parameters, in order.</summary>
    public IList<string> BodyParameters { get; } = new List<string>();

    /// <summary>
    /// Quick-reply payloads by button index, with <c>{value.name}</c> placeholders (<c>{invoice.id}|PIX</c>). Payloads come
    /// back verbatim in the inbound webhook: no personal data here.
    /// </summary>
    public IList<string> QuickReplyPayloads { get; } = new List<string>();
}
