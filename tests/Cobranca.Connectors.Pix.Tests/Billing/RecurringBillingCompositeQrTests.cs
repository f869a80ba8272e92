using Cobranca.Connectors.Abstractions;

namespace Cobranca.Connectors.Pix.Tests.Billing;

/// <summary>
/// Enrolment by a composite QR code: journey 4 pays this month's cobv (e.g. the lotecobv one) and authorises the
/// recurrence in one reading; journey 3 does the same with an immediate charge.
/// </summary>
public sealed class RecurringBillingCompositeQrTests
{
    private static readonly DateOnly Due = RecurringBillingKit.Due;

    [Fact]
    public async Task A_customer_pays_the_batch_cobv_and_authorises_with_one_journey_4_QR_then_next_month_is_debited_and_this_one_never_twice()
    {
        await using var kit = await RecurringBillingKit.StartAsync(batches: true);
        await kit.DayAsync(Due.AddDays(-10));
        var invoice = RecurringBillingKit.Invoice(5);
        var issued = (await kit.Billing.RunAsync([invoice])).Invoices[0];
        Assert.Equal(RecurringInvoiceOutcome.DueChargeIssued, issued.Outcome);
        var cobv = await kit.Client.GetDueChargeAsync(issued.FallbackTxid!);

        var enrolment = await kit.Billing.EnrolAsync(new RecurringEnrolment
        {
            CustomerId = "C5", Contract = "CT5", Document = invoice.Document, Name = invoice.Name, FirstDueDate = Due.AddMonths(1),
            DueChargeTxid = issued.FallbackTxid,
        });
        var qr = BrCode.Parse(enrolment.QrCode!);
        Assert.Equal(PixJourney.Journey4, qr.RecurrenceJourney);
        Assert.NotNull(qr.RecurrenceUrl);
        Assert.Equal(cobv.Location, qr.Url);

        // The customer reads it: the cobv is paid and the recurrence authorised.
        await kit.Sandbox.PayAsync(issued.FallbackTxid!);
        await kit.Sandbox.ApproveRecurrenceAsync(enrolment.RecurrenceId!, "JORNADA_4");
        Assert.True((await kit.Billing.RefreshEnrolmentAsync("C5"))!.IsActive);

        // This month's invoice stays on its cobv; next month's is a cobr.
        await kit.DayAsync(Due.AddDays(-9));
        Assert.Equal(RecurringInvoiceOutcome.DueChargeIssued, (await kit.Billing.RunAsync([invoice])).Invoices[0].Outcome);
        var next = new RecurringInvoice
        {
            InvoiceId = "F5M02", CustomerId = "C5", DueDate = Due.AddMonths(1), Amount = 99.90m, Document = invoice.Document, Name = invoice.Name,
        };
        await kit.DayAsync(Due.AddMonths(1).AddDays(-10));
        Assert.Equal(RecurringInvoiceOutcome.Created, (await kit.Billing.RunAsync([invoice, next])).Invoices[1].Outcome);
        Assert.Equal(1, kit.Sandbox.RecurringChargeCount);
        Assert.Single(kit.Sandbox.ReceivedPayments);
    }

    [Fact]
    public async Task Journey_3_pays_the_immediate_charge_with_the_authorisation_even_for_a_recurrence_created_before()
    {
        await using var kit = await RecurringBillingKit.StartAsync();
        // First a plain journey-2 enrolment; later the customer asks to pay now and enrol in one go.
        var plain = await kit.Billing.EnrolAsync(RecurringBillingKit.Enrolment(6));
        Assert.Equal(PixJourney.Journey2, BrCode.Parse(plain.QrCode!).RecurrenceJourney);
        var txid = PixTxid.ForInvoice("CB", "F6M01");
        await kit.Client.CreateChargeAsync(txid, TestKit.Cob(kit.Sandbox));

        var composite = await kit.Billing.EnrolAsync(new RecurringEnrolment
        {
            CustomerId = "C6", Contract = "CT6", Document = Document.Parse(RecurringBillingKit.Cpf(6)), Name = "Cliente 6", FirstDueDate = Due,
            ImmediateChargeTxid = txid,
        });
        Assert.Equal(plain.RecurrenceId, composite.RecurrenceId);
        Assert.Equal(PixJourney.Journey3, BrCode.Parse(composite.QrCode!).RecurrenceJourney);
        Assert.Equal(txid, (await kit.Client.GetRecurrenceAsync(composite.RecurrenceId!)).JourneyTxid);

        await kit.Sandbox.ApproveRecurrenceAsync(composite.RecurrenceId!);
        Assert.True((await kit.Billing.RefreshEnrolmentAsync("C6"))!.IsActive);
        Assert.True((await kit.Client.GetChargeAsync(txid)).Status.IsPaid);
    }

    [Fact]
    public async Task Composite_and_push_journeys_exclude_each_other()
    {
        await using var kit = await RecurringBillingKit.StartAsync();
        var txid = PixTxid.ForInvoice("CB", "F7M01");
        RecurringEnrolment With(string? due, string? immediate, bool push) => new()
        {
            CustomerId = "C7", Contract = "CT7", Document = Document.Parse(RecurringBillingKit.Cpf(7)), Name = "Cliente 7", FirstDueDate = Due,
            DueChargeTxid = due, ImmediateChargeTxid = immediate,
            BankIspb = push ? "99999008" : null, BankAccount = push ? "12345" : null,
        };
        await Assert.ThrowsAsync<ArgumentException>(() => kit.Billing.EnrolAsync(With(txid, txid, push: false)));
        await Assert.ThrowsAsync<ArgumentException>(() => kit.Billing.EnrolAsync(With(txid, null, push: true)));
        await Assert.ThrowsAsync<ArgumentException>(() => kit.Billing.EnrolAsync(With("curto", null, push: false)));
        Assert.DoesNotContain(kit.Sandbox.Requests, r => r.Path.Contains("/rec", StringComparison.Ordinal));
    }
}
