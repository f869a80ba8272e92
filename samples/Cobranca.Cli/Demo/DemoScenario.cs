using Cobranca.Connectors.Abstractions;
using Cobranca.Connectors.Testing;

namespace Cobranca.Cli.Demo;

/// <summary>Chooses the customer the demo follows from the generated data.</summary>
public static class DemoScenario
{
    /// <summary>
    /// A person (CPF) whose connection is still active but who has something overdue (several things, if possible) and
    /// something upcoming, so every part of the demo has something to show. Falls back to looser choices on tiny data sets.
    /// </summary>
    /// <param name="data">The generated ISP.</param>
    public static Customer PickCustomer(IspDataSet data)
    {
        ArgumentNullException.ThrowIfNull(data);
        if (data.Customers.Count == 0) throw new ArgumentException("The data set has no customers.", nameof(data));

        bool IsOpen(Invoice i) => i.Status is InvoiceStatus.Open or InvoiceStatus.PartiallyPaid && i.OpenAmount > 0;
        var open = data.Invoices.Where(IsOpen).ToLookup(i => i.CustomerId);
        var contracts = data.Contracts.ToLookup(c => c.CustomerId);

        bool HasOverdue(Customer c) => open[c.Id].Any(i => i.DueDate < data.Today);
        bool HasUpcoming(Customer c) => open[c.Id].Any(i => i.DueDate >= data.Today);
        bool AllActive(Customer c) => contracts[c.Id].Any() && contracts[c.Id].All(x => x.Access.Status == AccessStatus.Active);
        bool IsPerson(Customer c) => c.Document?.Kind == DocumentKind.Cpf;

        int OverdueCount(Customer c) => open[c.Id].Count(i => i.DueDate < data.Today);

        return data.Customers.FirstOrDefault(c => IsPerson(c) && AllActive(c) && OverdueCount(c) >= 2 && HasUpcoming(c))
            ?? data.Customers.FirstOrDefault(c => IsPerson(c) && AllActive(c) && HasOverdue(c) && HasUpcoming(c))
            ?? data.Customers.FirstOrDefault(c => IsPerson(c) && AllActive(c) && HasOverdue(c))
            ?? data.Customers.FirstOrDefault(c => AllActive(c))
            ?? data.Customers[0];
    }
}
