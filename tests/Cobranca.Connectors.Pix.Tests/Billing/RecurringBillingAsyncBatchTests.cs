using Cobranca.Connectors.Abstractions;

namespace Cobranca.Connectors.Pix.Tests.Billing;

/// <summary>The monthly run against a PSP that processes lotecobv asynchronously (the sandbox's processing delay).</summary>
public sealed class RecurringBillingAsyncBatchTests
{
    private static readonly DateOnly Due = RecurringBillingKit.Due;

    [Fact]
    public async Task Batched_invoices_stay_batched_while_the_PSP_processes_then_are_issued_without_a_second_batch()
    {
        var delay = TimeSpan.FromMinutes(30);
        await using var kit = await RecurringBillingKit.StartAsync(o => o.DueChargeBatchProcessingDelay = delay, batches: true);
        var invoices = Enumerable.Range(1, 3).Select(i => RecurringBillingKit.Invoice(i)).ToList();
        await kit.DayAsync(Due.AddDays(-10));

        var first = await kit.Billing.RunAsync(invoices);
        Assert.All(first.Invoices, l => Assert.Equal((RecurringInvoiceOutcome.DueChargeBatched, "1"), (l.Outcome, l.BatchId)));
        foreach (var invoice in invoices)
            await Assert.ThrowsAsync<ConnectorNotFoundException>(() => kit.Client.GetDueChargeAsync(PixTxid.ForInvoice("PL", invoice.InvoiceId)));

        // A pass during processing changes nothing at the PSP.
        kit.Time.Advance(delay / 2);
        var during = await kit.Billing.RunAsync(invoices);
        Assert.All(during.Invoices, l => Assert.Equal(RecurringInvoiceOutcome.DueChargeBatched, l.Outcome));

        kit.Time.Advance(delay / 2);
        var after = await kit.Billing.RunAsync(invoices);
        Assert.All(after.Invoices, l => Assert.Equal(RecurringInvoiceOutcome.DueChargeIssued, l.Outcome));
        var page = await kit.Client.ListDueChargesPageAsync(new PixDueChargeQuery { From = kit.Time.GetUtcNow().AddDays(-1), To = kit.Time.GetUtcNow(), BatchId = "1" });
        Assert.Equal(invoices.Select(i => PixTxid.ForInvoice("PL", i.InvoiceId)).Order(), page.Items.Select(c => c.Txid).Order());
        Assert.Single((await kit.Client.ListDueChargeBatchesPageAsync(kit.Time.GetUtcNow().AddDays(-1), kit.Time.GetUtcNow())).Items);
        Assert.DoesNotContain(kit.Sandbox.Requests, r => r.Method == "PUT" && r.Path.Contains("/lotecobv/", StringComparison.Ordinal) && !r.Path.EndsWith("/lotecobv/1", StringComparison.Ordinal));
    }
}
