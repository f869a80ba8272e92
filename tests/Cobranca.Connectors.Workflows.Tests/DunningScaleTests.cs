using System.Runtime.CompilerServices;
using Cobranca.Connectors.Abstractions;
using Cobranca.Connectors.Testing;
using Microsoft.Extensions.Time.Testing;

namespace Cobranca.Connectors.Workflows.Tests;

/// <summary>
/// Issue 19: the run's ERP traffic and ledger reads are bounded (not per customer), the re-read rule, and issue 9 item 21
/// (one message per customer and step). Counts, never timings.
/// </summary>
public sealed class DunningScaleTests
{
    private const int Customers = 5_000;

    [Fact]
    public async Task A_5000_customer_run_makes_bounded_erp_calls_and_one_indexed_ledger_read_per_customer()
    {
        var today = new DateOnly(2026, 3, 11); // a Wednesday
        var data = IspDataGenerator.Generate(new IspDataGeneratorOptions { Seed = 19, CustomerCount = Customers, Today = today });
        var time = new FakeTimeProvider(BrazilTime.FromLocal(today.ToDateTime(new TimeOnly(10, 0))));
        var billing = new FakeBillingSystem(data, time);
        var ledger = new InMemoryDunningLedger();
        var counting = new CountingLedger(ledger);
        var sender = new RecordingNotificationSender { Instant = true };
        var runner = new DunningRunner(billing, DunningSchedule.Rgc765, sender, [billing.AccessController],
            new DunningRunnerOptions { TimeProvider = time, Ledger = counting, MaxConcurrency = 8 });
        var openInvoices = data.Invoices.Count(i => i.Status is InvoiceStatus.Open or InvoiceStatus.PartiallyPaid && i.OpenAmount > 0);
        var invoicePages = (openInvoices + 499) / 500;

        var first = await runner.RunAsync();

        Assert.True(first.Customers > 1_000, $"only {first.Customers} customers with open invoices");
        Assert.True(first.Count(DunningResultStatus.Executed) > 1_000);
        Assert.Empty(first.CustomerFailures);
        // No throttle/block was due (no notice had been sent yet), so no customer was read one by one.
        Assert.Equal(0, first.DebtReads);
        var calls = billing.CallCounts;
        Assert.Equal(invoicePages, calls["invoice.list"]);
        Assert.InRange(calls.GetValueOrDefault("contract.list"), 1, (first.Customers + 499) / 500);
        Assert.False(calls.ContainsKey("debt.status"));
        // The ledger: one per-customer read each, visiting only that customer's entries.
        Assert.Equal(first.Customers, counting.HistoryReads);
        Assert.Equal(0, ledger.EntriesExamined);

        // Same-day re-run: the listings and the ledger, nothing else.
        billing.ResetCallCounts();
        time.Advance(TimeSpan.FromHours(2));
        var entries = ledger.Entries.Count;
        var again = await runner.RunAsync();
        Assert.Equal(0, again.Count(DunningResultStatus.Executed));
        Assert.Equal(0, again.DebtReads);
        Assert.Equal(invoicePages + billing.CallCounts.GetValueOrDefault("contract.list"), billing.TotalCalls);
        Assert.Equal(2 * first.Customers, counting.HistoryReads);
        Assert.Equal(entries, ledger.EntriesExamined); // each entry visited once, by its own customer's read

        // Sixteen days later the suspension notices allow blocks: only those customers are re-read before acting.
        billing.ResetCallCounts();
        time.Advance(TimeSpan.FromDays(16));
        var later = await runner.RunAsync();
        var blocks = later.Results.Count(r => r.Action.Step.Action == DunningActionKind.Block && r.Status == DunningResultStatus.Executed);
        Assert.True(blocks > 100, $"only {blocks} blocks");
        Assert.Equal(blocks, later.DebtReads);
        Assert.Equal(blocks, billing.CallCounts["debt.status"]);
        Assert.True(billing.TotalCalls < later.Customers / 2, $"{billing.TotalCalls} ERP calls for {later.Customers} customers");
    }

    [Fact]
    public async Task A_payment_after_the_listing_is_seen_before_the_block()
    {
        var isp = new Isp(new DateTime(2026, 3, 27, 10, 0, 0)); // Friday
        isp.AddCustomer("3");
        isp.AddInvoice("301", "3", new DateOnly(2026, 2, 10));
        var ledger = new InMemoryDunningLedger();
        await ledger.TryRecordAsync(new DunningLedgerEntry
        {
            CustomerId = "3", StepKey = "suspension-notice", InvoiceId = "301", ScheduledDate = new DateOnly(2026, 2, 20),
            Action = DunningActionKind.Notify, IsSuspensionNotice = true, ExecutedAt = BrazilTime.FromLocal(new DateTime(2026, 2, 20, 9, 0, 0)),
        });
        // The customer pays while the run is between its listing and the block.
        var billing = new PaysAfterListing(isp.Billing, () => isp.Billing.RecordPayment("301", 99.90m, isp.Time.GetUtcNow()));
        var runner = new DunningRunner(billing, DunningSchedule.Rgc765, new RecordingNotificationSender(), [isp.Erp],
            new DunningRunnerOptions { TimeProvider = isp.Time, Ledger = ledger });

        var report = await runner.RunAsync();

        Assert.Equal(1, report.DebtReads);
        Assert.DoesNotContain(report.Results, r => r.Action.Step.Action == DunningActionKind.Block);
        Assert.Empty(isp.Erp.Changes);
        Assert.Equal(AccessStatus.Active, isp.ErpStatus("3"));
    }

    [Fact]
    public async Task Messages_are_sent_from_the_listing_unless_it_is_older_than_MaxSnapshotAge()
    {
        var isp = new Isp(new DateTime(2026, 3, 11, 10, 0, 0));
        isp.AddCustomer("1");
        isp.AddInvoice("101", "1", new DateOnly(2026, 3, 13)); // reminder due
        isp.AddCustomer("2");
        isp.AddInvoice("201", "2", new DateOnly(2026, 3, 10)); // overdue-1 due

        var fromListing = await Runner(isp, TimeSpan.FromMinutes(15)).RunAsync();
        Assert.Equal(0, fromListing.DebtReads);
        Assert.Equal(2, fromListing.Count(DunningResultStatus.Executed));

        isp.Billing.ResetCallCounts();
        var strict = await Runner(isp, TimeSpan.Zero).RunAsync(); // a new ledger: due again, and re-read first
        Assert.Equal(2, strict.DebtReads);
        Assert.Equal(2, isp.Billing.CallCounts["debt.status"]);
        Assert.Equal(2, strict.Count(DunningResultStatus.Executed));

        DunningRunner Runner(Isp i, TimeSpan maxAge) => new(i.Billing, DunningSchedule.Rgc765, new RecordingNotificationSender(), [i.Erp],
            new DunningRunnerOptions { TimeProvider = i.Time, MaxSnapshotAge = maxAge });
    }

    [Fact]
    public async Task Without_bulk_contracts_only_customers_reaching_an_access_step_are_read()
    {
        var isp = new Isp(new DateTime(2026, 3, 11, 10, 0, 0));
        isp.AddCustomer("1");
        isp.AddInvoice("101", "1", new DateOnly(2026, 3, 13));
        isp.AddCustomer("3");
        isp.AddInvoice("301", "3", new DateOnly(2026, 2, 10)); // D+29: reaches the suspension step (D+25)
        var billing = new NoBulk(isp.Billing);
        var runner = new DunningRunner(billing, DunningSchedule.Rgc765, new RecordingNotificationSender(), [isp.Erp],
            new DunningRunnerOptions { TimeProvider = isp.Time });

        var report = await runner.RunAsync();

        Assert.Equal(1, report.DebtReads);
        Assert.Equal(1, isp.Billing.CallCounts["debt.status"]);
        Assert.False(isp.Billing.CallCounts.ContainsKey("contract.list"));
        var block = Assert.Single(report.Results, r => r.Action.Step.Action == DunningActionKind.Block);
        Assert.Equal(DunningResultStatus.Skipped, block.Status);
        Assert.Equal([new Subscriber { ContractId = "K3", CustomerId = "3", Login = "login3" }], block.Action.Subscribers);
    }

    [Fact]
    public async Task A_filtered_query_reads_every_customer_debt()
    {
        var isp = new Isp(new DateTime(2026, 3, 11, 10, 0, 0));
        isp.AddCustomer("1");
        isp.AddInvoice("101", "1", new DateOnly(2026, 3, 13));
        isp.AddInvoice("102", "1", new DateOnly(2026, 2, 9)); // outside the query, still part of the debt
        var sender = new RecordingNotificationSender();
        var runner = new DunningRunner(isp.Billing, DunningSchedule.Rgc765, sender, [isp.Erp],
            new DunningRunnerOptions { TimeProvider = isp.Time, Query = new InvoiceQuery { DueFrom = new DateOnly(2026, 3, 1) } });

        var report = await runner.RunAsync();

        Assert.Equal(1, report.DebtReads);
        Assert.Contains(sender.Sent, n => n.Step.IsSuspensionNotice && n.Invoice.Id == "102");
    }

    [Fact]
    public async Task One_suspension_notice_per_customer_listing_every_overdue_invoice()
    {
        var isp = new Isp(new DateTime(2026, 4, 15, 10, 0, 0)); // Wednesday
        isp.AddCustomer("1");
        isp.AddInvoice("101", "1", new DateOnly(2026, 2, 10));
        isp.AddInvoice("102", "1", new DateOnly(2026, 3, 10));
        isp.AddInvoice("103", "1", new DateOnly(2026, 4, 1), amount: 50m); // D+14: notice due too
        var sender = new RecordingNotificationSender();
        var ledger = new InMemoryDunningLedger();
        var runner = new DunningRunner(isp.Billing, DunningSchedule.Rgc765, sender, [isp.Erp],
            new DunningRunnerOptions { TimeProvider = isp.Time, Ledger = ledger });

        var report = await runner.RunAsync();

        var notice = Assert.Single(sender.Sent, n => n.Step.IsSuspensionNotice);
        Assert.Equal(["101", "102", "103"], notice.Invoices.Select(i => i.Id));
        Assert.Equal("101", notice.Invoice.Id);
        Assert.Equal(249.80m, notice.Debt.TotalOverdue);
        Assert.Equal("1|suspension-notice|101+102+103|2026-02-20", notice.IdempotencyKey);
        var result = Assert.Single(report.Results, r => r.Action.Step.IsSuspensionNotice);
        Assert.Equal(DunningResultStatus.Executed, result.Status);
        Assert.Equal(["1|suspension-notice|101|2026-02-20", "1|suspension-notice|102|2026-03-20", "1|suspension-notice|103|2026-04-11"],
            ledger.Entries.Where(e => e.IsSuspensionNotice).Select(e => e.Key).Order(StringComparer.Ordinal));

        isp.Time.Advance(TimeSpan.FromHours(1));
        var again = await runner.RunAsync();
        Assert.Single(sender.Sent, n => n.Step.IsSuspensionNotice);
        var skipped = Assert.Single(again.Results, r => r.Action.Step.IsSuspensionNotice);
        Assert.Equal(DunningResultStatus.Skipped, skipped.Status);
        Assert.Equal(3, skipped.Action.Invoices.Count);
    }

    /// <summary>Counts per-customer ledger reads.</summary>
    private sealed class CountingLedger(IDunningLedger inner) : IDunningLedger
    {
        private int _reads;

        public int HistoryReads => Volatile.Read(ref _reads);

        public Task<bool> TryRecordAsync(DunningLedgerEntry entry, CancellationToken cancellationToken = default) =>
            inner.TryRecordAsync(entry, cancellationToken);

        public Task<DunningClaimStatus> TryClaimAsync(DunningLedgerEntry entry, LedgerClaim claim, CancellationToken cancellationToken = default) =>
            inner.TryClaimAsync(entry, claim, cancellationToken);

        public Task<bool> CompleteAsync(DunningLedgerEntry entry, LedgerClaim claim, CancellationToken cancellationToken = default) =>
            inner.CompleteAsync(entry, claim, cancellationToken);

        public Task ReleaseAsync(string key, LedgerClaim claim, CancellationToken cancellationToken = default) =>
            inner.ReleaseAsync(key, claim, cancellationToken);

        public Task<IReadOnlyList<DunningLedgerEntry>> GetHistoryAsync(string customerId, CancellationToken cancellationToken = default)
        {
            Interlocked.Increment(ref _reads);
            return inner.GetHistoryAsync(customerId, cancellationToken);
        }
    }

    /// <summary>A billing system that cannot list contracts in bulk (its own Info, no ListContracts).</summary>
    private class NoBulk(FakeBillingSystem inner) : IBillingSystem
    {
        public BillingSystemInfo Info { get; } = inner.Info with { Capabilities = inner.Info.Capabilities & ~BillingCapabilities.ListContracts };

        public Task<IReadOnlyList<Customer>> FindCustomersAsync(CustomerLookup lookup, CancellationToken cancellationToken = default) =>
            inner.FindCustomersAsync(lookup, cancellationToken);

        public Task<DebtStatus> GetDebtStatusAsync(string customerId, CancellationToken cancellationToken = default) =>
            inner.GetDebtStatusAsync(customerId, cancellationToken);

        public virtual IAsyncEnumerable<Invoice> ListOpenInvoicesAsync(InvoiceQuery query, CancellationToken cancellationToken = default) =>
            inner.ListOpenInvoicesAsync(query, cancellationToken);

        public Task<PaymentSlip> GetPaymentSlipAsync(string invoiceId, CancellationToken cancellationToken = default) =>
            inner.GetPaymentSlipAsync(invoiceId, cancellationToken);

        public Task<TrustUnlockResult> RequestTrustUnlockAsync(string contractId, CancellationToken cancellationToken = default) =>
            inner.RequestTrustUnlockAsync(contractId, cancellationToken);
    }

    /// <summary>Runs <paramref name="afterListing"/> once the open invoices have been listed (a payment landing mid-run).</summary>
    private sealed class PaysAfterListing(FakeBillingSystem inner, Action afterListing) : IBillingSystem
    {
        public BillingSystemInfo Info => inner.Info;

        public Task<IReadOnlyList<Customer>> FindCustomersAsync(CustomerLookup lookup, CancellationToken cancellationToken = default) =>
            inner.FindCustomersAsync(lookup, cancellationToken);

        public Task<DebtStatus> GetDebtStatusAsync(string customerId, CancellationToken cancellationToken = default) =>
            inner.GetDebtStatusAsync(customerId, cancellationToken);

        public async IAsyncEnumerable<Invoice> ListOpenInvoicesAsync(InvoiceQuery query, [EnumeratorCancellation] CancellationToken cancellationToken = default)
        {
            await foreach (var invoice in inner.ListOpenInvoicesAsync(query, cancellationToken)) yield return invoice;
            afterListing();
        }

        public IAsyncEnumerable<Contract> ListContractsAsync(ContractQuery query, CancellationToken cancellationToken = default) =>
            inner.ListContractsAsync(query, cancellationToken);

        public Task<PaymentSlip> GetPaymentSlipAsync(string invoiceId, CancellationToken cancellationToken = default) =>
            inner.GetPaymentSlipAsync(invoiceId, cancellationToken);

        public Task<TrustUnlockResult> RequestTrustUnlockAsync(string contractId, CancellationToken cancellationToken = default) =>
            inner.RequestTrustUnlockAsync(contractId, cancellationToken);
    }
}
