using Cobranca.Connectors.Abstractions;

namespace Cobranca.Connectors.Abstractions.Tests;

public class DebtStatusTests
{
    private static readonly DateOnly Today = new(2026, 11, 23);

    private static Invoice Inv(string id, int dueInDays, decimal open, InvoiceStatus status = InvoiceStatus.Open, decimal? amount = null) => new()
    {
        Id = id,
        CustomerId = "1",
        DueDate = Today.AddDays(dueInDays),
        Amount = amount ?? open,
        OpenAmount = open,
        Status = status,
    };

    [Fact]
    public void Splits_overdue_and_upcoming_and_totals_the_open_amounts()
    {
        var status = DebtStatus.FromInvoices("1", Today,
        [
            Inv("a", -10, 99.90m),
            Inv("b", -40, 99.90m),
            Inv("c", 0, 99.90m), // due today is not overdue yet
            Inv("d", 12, 99.90m),
            Inv("e", -5, 40.00m, InvoiceStatus.PartiallyPaid, amount: 99.90m),
        ]);

        Assert.Equal(["b", "a", "e"], status.Overdue.Select(i => i.Id));
        Assert.Equal(["c", "d"], status.Upcoming.Select(i => i.Id));
        Assert.Equal(239.80m, status.TotalOverdue);
        Assert.Equal(199.80m, status.TotalUpcoming);
        Assert.Equal(40, status.MaxDaysOverdue);
        Assert.True(status.HasOverdue);
        Assert.Equal(Today, status.AsOf);
    }

    [Fact]
    public void Paid_cancelled_unknown_and_zero_open_invoices_are_ignored()
    {
        var status = DebtStatus.FromInvoices("1", Today,
        [
            Inv("paid", -10, 0m, InvoiceStatus.Paid, 99.90m),
            Inv("cancelled", -10, 99.90m, InvoiceStatus.Cancelled),
            Inv("unknown", -10, 99.90m, InvoiceStatus.Unknown),
            Inv("zero", -10, 0m),
        ]);

        Assert.Empty(status.Overdue);
        Assert.Empty(status.Upcoming);
        Assert.Equal(0m, status.TotalOverdue);
        Assert.Equal(0, status.MaxDaysOverdue);
        Assert.False(status.HasOverdue);
    }

    [Fact]
    public void Same_due_date_orders_by_id_and_contracts_are_kept()
    {
        var contract = new Contract { Id = "c1", CustomerId = "1", Access = AccessState.Blocked };
        var status = DebtStatus.FromInvoices("1", Today, [Inv("z", -3, 1m), Inv("a", -3, 1m)], [contract]);
        Assert.Equal(["a", "z"], status.Overdue.Select(i => i.Id));
        Assert.Same(contract, Assert.Single(status.Contracts));
    }

    [Fact]
    public void Invoice_overdue_helpers_follow_the_calendar()
    {
        var invoice = Inv("a", -1, 10m);
        Assert.True(invoice.IsOverdueOn(Today));
        Assert.Equal(1, invoice.DaysOverdueOn(Today));
        Assert.False(invoice.IsOverdueOn(Today.AddDays(-1)));
        Assert.Equal(0, invoice.DaysOverdueOn(Today.AddDays(-5)));
        Assert.False(Inv("p", -1, 0m, InvoiceStatus.Paid, 10m).IsOverdueOn(Today));
    }
}
