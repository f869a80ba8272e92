using System.Diagnostics;
using Xunit.Abstractions;

namespace Cobranca.Connectors.Pix.Tests.Billing;

/// <summary>
/// A month of Pix Automático for 1,000 enrolled customers against the PSP sandbox, driven by a fake clock: every cobr
/// created once inside the window, failures retried on the schedule then handed to the régua, nothing charged twice.
/// 1,000 more customers are not enrolled: the same daily run sends their cobv through lotecobv, once.
/// </summary>
public sealed class RecurringBillingMonthSimulationTests(ITestOutputHelper output)
{
    private const int Customers = 1000;
    private const int NotEnrolled = 1000;

    private static bool IsPoor(int i) => i % 40 == 7;        // 25 without balance
    private static bool IsRejecting(int i) => i % 100 == 13; // 10 whose bank rejects (AM09)

    [Fact]
    public async Task A_month_of_1000_enrolled_customers_and_1000_charged_by_lotecobv()
    {
        var clock = Stopwatch.StartNew();
        await using var kit = await RecurringBillingKit.StartAsync(batches: true, batchSize: 500, configure: o =>
        {
            for (var i = 1; i <= Customers; i++)
            {
                if (IsPoor(i)) o.InsufficientFundsPayers.Add(RecurringBillingKit.Cpf(i));
                if (IsRejecting(i)) o.RejectingPayers[RecurringBillingKit.Cpf(i)] = "AM09";
            }
        });
        for (var i = 1; i <= Customers; i++) await kit.EnrolAndApproveAsync(i);
        var enrolled = clock.Elapsed;
        var invoices = Enumerable.Range(1, Customers + NotEnrolled).Select(i => RecurringBillingKit.Invoice(i)).ToList();
        var due = RecurringBillingKit.Due;
        var poor = Enumerable.Range(1, Customers).Count(IsPoor);
        var rejecting = Enumerable.Range(1, Customers).Count(IsRejecting);

        var outcomes = new Dictionary<DateOnly, RecurringCycleReport>();
        // The daily job, every day from D-12 to D+8.
        for (var day = due.AddDays(-12); day <= due.AddDays(8); day = day.AddDays(1))
        {
            await kit.DayAsync(day);
            outcomes[day] = await kit.Billing.RunAsync(invoices);
            Assert.Equal(0, outcomes[day].Count(RecurringInvoiceOutcome.Failed));
        }

        clock.Stop();
        output.WriteLine($"enrolment of {Customers}: {enrolled.TotalSeconds:0.0} s; 21 daily passes: {(clock.Elapsed - enrolled).TotalSeconds:0.0} s; total {clock.Elapsed.TotalSeconds:0.0} s");

        // Every cobr created once, inside the window (D-10..D-2), on the first day of the window.
        Assert.Equal(Customers, outcomes[due.AddDays(-10)].Count(RecurringInvoiceOutcome.Created));
        Assert.Equal(NotEnrolled, outcomes[due.AddDays(-10)].Count(RecurringInvoiceOutcome.DueChargeIssued));
        Assert.Equal(NotEnrolled, outcomes[due.AddDays(8)].Count(RecurringInvoiceOutcome.DueChargeIssued));
        var batchPuts = kit.Sandbox.Requests.Where(r => r.Method == "PUT" && r.Path.Contains("/lotecobv/", StringComparison.Ordinal)).ToList();
        Assert.Equal(["/v2/lotecobv/1", "/v2/lotecobv/2"], batchPuts.Select(r => r.Path));
        Assert.Equal(Customers, kit.Sandbox.RecurringChargeCount);
        var puts = kit.Sandbox.Requests.Where(r => r.Method == "PUT" && r.Path.Contains("/cobr/", StringComparison.Ordinal)).ToList();
        Assert.Equal(Customers, puts.Count);
        Assert.All(puts, r => Assert.Equal(due.AddDays(-10), DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(r.ReceivedAt, Abstractions.BrazilTime.Zone).DateTime)));

        // Rejected when scheduled: handed over at once; without balance: D, D+1, D+3, D+6 then handed over.
        Assert.Equal(rejecting, outcomes[due.AddDays(-9)].Count(RecurringInvoiceOutcome.HandedToDunning));
        Assert.Equal(poor, outcomes[due].Count(RecurringInvoiceOutcome.RetryRequested));
        Assert.Equal(poor, outcomes[due.AddDays(1)].Count(RecurringInvoiceOutcome.RetryRequested));
        Assert.Equal(poor, outcomes[due.AddDays(3)].Count(RecurringInvoiceOutcome.RetryRequested));
        Assert.Equal(poor + rejecting, outcomes[due.AddDays(6)].Count(RecurringInvoiceOutcome.HandedToDunning));
        var final = outcomes[due.AddDays(8)];
        Assert.Equal(Customers - poor - rejecting, final.Count(RecurringInvoiceOutcome.Paid));
        Assert.Equal(poor + rejecting, final.Count(RecurringInvoiceOutcome.HandedToDunning));
        Assert.Equal(poor + rejecting, kit.HandedOver.Count);
        Assert.Equal(poor * 3, kit.Sandbox.Requests.Count(r => r.Path.Contains("/retentativa/", StringComparison.Ordinal)));

        // Nothing charged twice: one Pix per paying customer, none for the others, no devolução needed.
        var payments = kit.Sandbox.ReceivedPayments;
        Assert.Equal(Customers - poor - rejecting, payments.Count);
        Assert.Equal(payments.Count, payments.Select(p => p.Txid).Distinct().Count());
        Assert.Empty(kit.DoublePayments);
    }
}
