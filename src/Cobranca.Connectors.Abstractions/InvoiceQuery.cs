namespace Cobranca.Connectors.Abstractions;

/// <summary>Filters for <see cref="IBillingSystem.ListOpenInvoicesAsync"/>. Every filter is optional.</summary>
public sealed class InvoiceQuery
{
    /// <summary>Only invoices due on or after this date.</summary>
    public DateOnly? DueFrom { get; init; }

    /// <summary>Only invoices due on or before this date.</summary>
    public DateOnly? DueTo { get; init; }

    /// <summary>Only invoices of this customer.</summary>
    public string? CustomerId { get; init; }

    /// <summary>Only invoices already overdue (due before today in São Paulo).</summary>
    public bool OverdueOnly { get; init; }

    /// <summary>How many rows to ask the backend for per page (the backend may cap it). Default 500.</summary>
    public int PageSize { get; init; } = 500;

    /// <summary>All open invoices.</summary>
    public static InvoiceQuery All { get; } = new();
}
