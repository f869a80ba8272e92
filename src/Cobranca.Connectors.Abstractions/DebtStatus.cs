namespace Cobranca.Connectors.Abstractions;

/// <summary>What a customer owes on a given day.</summary>
public sealed class DebtStatus
{
    /// <summary>The customer.</summary>
    public required string CustomerId { get; init; }

    /// <summary>The São Paulo calendar date the status was computed for.</summary>
    public required DateOnly AsOf { get; init; }

    /// <summary>Open invoices due before <see cref="AsOf"/>, oldest first.</summary>
    public IReadOnlyList<Invoice> Overdue { get; init; } = [];

    /// <summary>Open invoices due on or after <see cref="AsOf"/>, soonest first.</summary>
    public IReadOnlyList<Invoice> Upcoming { get; init; } = [];

    /// <summary>The customer's contracts and their access state.</summary>
    public IReadOnlyList<Contract> Contracts { get; init; } = [];

    /// <summary>Sum of <see cref="Invoice.OpenAmount"/> over <see cref="Overdue"/>.</summary>
    public decimal TotalOverdue => Overdue.Sum(i => i.OpenAmount);

    /// <summary>Sum of <see cref="Invoice.OpenAmount"/> over <see cref="Upcoming"/>.</summary>
    public decimal TotalUpcoming => Upcoming.Sum(i => i.OpenAmount);

    /// <summary>Days overdue of the oldest overdue invoice; 0 when nothing is overdue.</summary>
    public int MaxDaysOverdue => Overdue.Count == 0 ? 0 : Overdue.Max(i => i.DaysOverdueOn(AsOf));

    /// <summary>True when anything is overdue.</summary>
    public bool HasOverdue => Overdue.Count > 0;

    /// <summary>Builds a status from a customer's open invoices, splitting them into overdue and upcoming on <paramref name="asOf"/>.</summary>
    /// <param name="customerId">The customer.</param>
    /// <param name="asOf">The reference date.</param>
    /// <param name="openInvoices">The customer's open invoices (paid or cancelled ones are ignored).</param>
    /// <param name="contracts">The customer's contracts.</param>
    public static DebtStatus FromInvoices(string customerId, DateOnly asOf, IEnumerable<Invoice> openInvoices,
        IReadOnlyList<Contract>? contracts = null)
    {
        ArgumentNullException.ThrowIfNull(openInvoices);
        var owed = openInvoices
            .Where(i => i.Status is InvoiceStatus.Open or InvoiceStatus.PartiallyPaid && i.OpenAmount > 0)
            .OrderBy(i => i.DueDate).ThenBy(i => i.Id, StringComparer.Ordinal)
            .ToList();
        return new DebtStatus
        {
            CustomerId = customerId,
            AsOf = asOf,
            Overdue = owed.Where(i => i.DueDate < asOf).ToList(),
            Upcoming = owed.Where(i => i.DueDate >= asOf).ToList(),
            Contracts = contracts ?? [],
        };
    }
}
