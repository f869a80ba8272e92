using System.Globalization;
using Cobranca.Connectors.Abstractions;

namespace Cobranca.Connectors.Pix.Tests.Billing;

/// <summary>Ending an enrolment: the recurrence is cancelled at the PSP, later invoices go by lotecobv, enrolling again starts over.</summary>
public sealed class RecurringBillingCancelTests
{
    private static readonly DateOnly Due = RecurringBillingKit.Due;

    private static RecurringInvoice NextMonth(int i) => new()
    {
        InvoiceId = "F" + i.ToString(CultureInfo.InvariantCulture) + "M02", CustomerId = "C" + i.ToString(CultureInfo.InvariantCulture), DueDate = Due.AddMonths(1),
        Amount = 99.90m, Document = Document.Parse(RecurringBillingKit.Cpf(i)), Name = "Cliente " + i.ToString(CultureInfo.InvariantCulture),
    };

    [Fact]
    public async Task A_cancelled_enrolment_moves_the_scheduled_invoice_and_the_next_ones_to_the_regua_without_charging_twice()
    {
        await using var kit = await RecurringBillingKit.StartAsync(batches: true);
        await kit.EnrolAndApproveAsync(1);
        var invoice = RecurringBillingKit.Invoice(1);
        await kit.DayAsync(Due.AddDays(-10));
        Assert.Equal(RecurringInvoiceOutcome.Created, (await kit.Billing.RunAsync([invoice])).Invoices[0].Outcome);

        var ended = await kit.Billing.CancelEnrolmentAsync("C1");
        Assert.NotNull(ended);
        Assert.Equal(PixRecurrenceStatus.Cancelled, ended.Status);
        Assert.Equal(PixRecurrenceStatus.Cancelled, (await kit.Client.GetRecurrenceAsync(ended.RecurrenceId!)).Status);
        Assert.Equal(PixRecurrenceStatus.Cancelled, (await kit.Billing.RefreshEnrolmentAsync("C1"))!.Status);

        // This cycle's cobr is still before its first attempt date: the fallback cancels it and issues the cobv.
        var fallback = await kit.Billing.RequestFallbackAsync(invoice);
        Assert.Equal(RecurringInvoiceOutcome.HandedToDunning, fallback.Outcome);
        Assert.Equal(PixRecurringChargeStatus.Cancelled, (await kit.Client.GetRecurringChargeAsync(fallback.Txid!)).Status);

        // Next month the customer is not enrolled any more: the invoice goes by lotecobv.
        await kit.DayAsync(Due.AddMonths(1).AddDays(-10));
        await kit.Sandbox.RunRecurrenceSchedulerAsync();
        var next = await kit.Billing.RunAsync([NextMonth(1)]);
        Assert.Equal(RecurringInvoiceOutcome.DueChargeIssued, next.Invoices[0].Outcome);
        Assert.Equal(1, kit.Sandbox.RecurringChargeCount);
        Assert.Empty(kit.Sandbox.ReceivedPayments);
    }

    [Fact]
    public async Task Cancelling_twice_or_a_customer_never_enrolled_is_harmless()
    {
        await using var kit = await RecurringBillingKit.StartAsync();
        Assert.Null(await kit.Billing.CancelEnrolmentAsync("C404"));
        await kit.EnrolAndApproveAsync(2);
        Assert.Equal(PixRecurrenceStatus.Cancelled, (await kit.Billing.CancelEnrolmentAsync("C2"))!.Status);
        Assert.Equal(PixRecurrenceStatus.Cancelled, (await kit.Billing.CancelEnrolmentAsync("C2"))!.Status);
        await Assert.ThrowsAsync<ArgumentException>(() => kit.Billing.CancelEnrolmentAsync(" "));
    }

    [Fact]
    public async Task Enrolling_again_after_an_ended_enrolment_starts_a_new_recurrence()
    {
        await using var kit = await RecurringBillingKit.StartAsync();
        var first = await kit.Billing.EnrolAsync(RecurringBillingKit.Enrolment(3));
        await kit.Sandbox.RejectRecurrenceAsync(first.RecurrenceId!);
        Assert.Equal(PixRecurrenceStatus.Rejected, (await kit.Billing.RefreshEnrolmentAsync("C3"))!.Status);

        var again = await kit.Billing.EnrolAsync(RecurringBillingKit.Enrolment(3));
        Assert.NotEqual(first.RecurrenceId, again.RecurrenceId);
        Assert.Equal(PixRecurrenceStatus.Created, again.Status);
        Assert.NotNull(again.QrCode);
        // Asking again while it is pending returns the same one.
        Assert.Equal(again.RecurrenceId, (await kit.Billing.EnrolAsync(RecurringBillingKit.Enrolment(3))).RecurrenceId);
    }
}
