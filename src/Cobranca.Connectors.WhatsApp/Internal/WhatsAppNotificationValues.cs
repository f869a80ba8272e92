using System.Globalization;
using Cobranca.Connectors.Abstractions;
using Cobranca.Connectors.Workflows;

namespace Cobranca.Connectors.WhatsApp;

/// <summary>The values a <see cref="WhatsAppTemplateMapping"/> may name.</summary>
internal static class WhatsAppNotificationValues
{
    private static readonly string[] Known =
    [
        "customer.name", "customer.first_name", "invoice.id", "invoice.description", "invoice.amount", "invoice.open_amount",
        "invoice.due_date", "invoices.count", "invoices.total", "suspension.date", "restore.hours", "scheduled.date",
        "debt.total_overdue", "debt.max_days_overdue",
    ];

    public static (string? Name, string Value) Split(string entry)
    {
        var colon = entry.IndexOf(':', StringComparison.Ordinal);
        return colon < 0 ? (null, entry.Trim()) : (entry[..colon].Trim(), entry[(colon + 1)..].Trim());
    }

    public static bool IsKnown(string? entry) => entry is not null && Known.Contains(Split(entry).Value, StringComparer.Ordinal);

    public static WhatsAppTemplateParameter Parameter(string entry, DunningNotification n, Customer customer)
    {
        var (name, value) = Split(entry);
        var total = n.Invoices.Sum(i => i.OpenAmount);
        return value switch
        {
            "customer.name" => WhatsAppTemplateParameter.Text(WhatsAppTemplateParameter.Sanitize(customer.Name, 60), name),
            "customer.first_name" => WhatsAppTemplateParameter.Text(WhatsAppTemplateParameter.Sanitize(FirstName(customer.Name), 60), name),
            "invoice.id" => WhatsAppTemplateParameter.Text(WhatsAppTemplateParameter.Sanitize(n.Invoice.Id, 60), name),
            "invoice.description" => WhatsAppTemplateParameter.Text(WhatsAppTemplateParameter.Sanitize(n.Invoice.Description ?? n.Invoice.Id, 200), name),
            "invoice.amount" => WhatsAppTemplateParameter.Currency(Money.Round(n.Invoice.Amount), name: name),
            "invoice.open_amount" => WhatsAppTemplateParameter.Currency(Money.Round(n.Invoice.OpenAmount), name: name),
            "invoice.due_date" => WhatsAppTemplateParameter.Date(n.Invoice.DueDate, name: name),
            "invoices.count" => WhatsAppTemplateParameter.Text(n.Invoices.Count.ToString(CultureInfo.InvariantCulture), name),
            "invoices.total" => WhatsAppTemplateParameter.Currency(Money.Round(total), name: name),
            "suspension.date" => WhatsAppTemplateParameter.Date(n.SuspensionNotBefore ?? n.ScheduledDate, name: name),
            "restore.hours" => WhatsAppTemplateParameter.Text(((int)Math.Ceiling(n.RestoreWithin.TotalHours)).ToString(CultureInfo.InvariantCulture), name),
            "scheduled.date" => WhatsAppTemplateParameter.Date(n.ScheduledDate, name: name),
            "debt.total_overdue" => WhatsAppTemplateParameter.Currency(Money.Round(n.Debt.TotalOverdue), name: name),
            "debt.max_days_overdue" => WhatsAppTemplateParameter.Text(n.Debt.MaxDaysOverdue.ToString(CultureInfo.InvariantCulture), name),
            _ => throw new InvalidOperationException($"Unknown template value '{value}'."),
        };
    }

    public static string Payload(string format, DunningNotification n) =>
        format.Replace("{invoice.id}", n.Invoice.Id, StringComparison.Ordinal)
              .Replace("{customer.id}", n.CustomerId, StringComparison.Ordinal)
              .Replace("{step}", n.Step.Key, StringComparison.Ordinal);

    private static string FirstName(string name)
    {
        var trimmed = name.Trim();
        var space = trimmed.IndexOf(' ', StringComparison.Ordinal);
        return space < 0 ? trimmed : trimmed[..space];
    }
}
