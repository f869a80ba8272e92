using System.Collections.Concurrent;
using Cobranca.Connectors.Abstractions;

namespace Cobranca.Connectors.Workflows.Tests;

public sealed class PaymentToUnblockTests
{
    // Tuesday 10 March 2026, 10:00 in São Paulo.
    private static readonly DateTime Now = new(2026, 3, 10, 10, 0, 0);

    private static (Isp Isp, Invoice Invoice) BlockedCustomerWithOneOverdueInvoice()
    {
        var isp = new Isp(Now);
        isp.AddCustomer("1", AccessState.Blocked);
        var invoice = isp.AddInvoice("100", "1", new DateOnly(2026, 2, 10));
        return (isp, invoice);
    }

    private static PaymentToUnblock Workflow(Isp isp, PaymentToUnblockOptions? options = null) =>
        new(isp.Billing, [isp.Erp, isp.Router], options ?? new PaymentToUnblockOptions { TimeProvider = isp.Time });

    /// <summary>ERP then router, both writing their calls to <paramref name="journal"/>.</summary>
    private static PaymentToUnblock JournaledWorkflow(Isp isp, ConcurrentQueue<string> journal) =>
        new(isp.Billing,
            [new JournalingAccessController(isp.Erp, "erp", journal), new JournalingAccessController(isp.Router, "mikrotik", journal)],
            new PaymentToUnblockOptions { TimeProvider = isp.Time });

    [Fact]
    public async Task Payment_delivered_twice_unblocks_once()
    {
        var (isp, invoice) = BlockedCustomerWithOneOverdueInvoice();
        var workflow = Workflow(isp);
        var payment = isp.Pay(invoice.Id);

        var first = await workflow.ProcessAsync(payment);
        var second = await workflow.ProcessAsync(payment);

        Assert.Equal(UnblockStatus.Restored, first.Status);
        Assert.False(first.IsDuplicate);
        Assert.Equal(AccessStatus.Active, isp.ErpStatus("1"));
        Assert.True(second.IsDuplicate);
        Assert.Equal(UnblockStatus.Restored, second.Status);
        Assert.Empty(second.Steps);
        Assert.Single(isp.Erp.Changes, c => c.Kind == AccessCommandKind.Unblock);
        var ledger = await workflow.Ledger.GetAsync(payment.PaymentId);
        Assert.Equal(1, ledger!.Attempts);
    }

    [Fact]
    public async Task The_contract_just_re_read_travels_with_the_subscriber_so_the_erp_controller_need_not_read_it_again()
    {
        var (isp, invoice) = BlockedCustomerWithOneOverdueInvoice();
        var seen = new ConcurrentQueue<Subscriber>();
        var workflow = new PaymentToUnblock(isp.Billing, [new CapturingAccessController(isp.Erp, seen)],
            new PaymentToUnblockOptions { TimeProvider = isp.Time });

        var outcome = await workflow.ProcessAsync(isp.Pay(invoice.Id));

        Assert.Equal(UnblockStatus.Restored, outcome.Status);
        var subscriber = Assert.Single(seen);
        Assert.NotNull(subscriber.Contract); // issue 19: without it IXC re-read the contract and its login (2 of 5 calls per payment)
        Assert.Equal(subscriber.ContractId, subscriber.Contract.Id);
        Assert.Equal(AccessStatus.Blocked, subscriber.Contract.Access.Status); // as the debt re-read reported it
    }

    private sealed class CapturingAccessController(IAccessController inner, ConcurrentQueue<Subscriber> seen) : IAccessController
    {
        public AccessControllerInfo Info => inner.Info;

        public Task<AccessState> GetAccessStateAsync(Subscriber subscriber, CancellationToken cancellationToken = default) => inner.GetAccessStateAsync(subscriber, cancellationToken);

        public Task<AccessChange> BlockAsync(Subscriber subscriber, BlockRequest request, CancellationToken cancellationToken = default) => inner.BlockAsync(subscriber, request, cancellationToken);

        public Task<AccessChange> UnblockAsync(Subscriber subscriber, CancellationToken cancellationToken = default)
        {
            seen.Enqueue(subscriber);
            return inner.UnblockAsync(subscriber, cancellationToken);
        }

        public Task<AccessChange> ThrottleAsync(Subscriber subscriber, Bandwidth limit, CancellationToken cancellationToken = default) => inner.ThrottleAsync(subscriber, limit, cancellationToken);

        public Task<BatchResult> ApplyAsync(IReadOnlyList<AccessCommand> commands, IProgress<BatchProgress>? progress = null, CancellationToken cancellationToken = default) =>
            inner.ApplyAsync(commands, progress, cancellationToken);
    }

    [Fact]
    public async Task Concurrent_deliveries_of_the_same_payment_unblock_once()
    {
        var (isp, invoice) = BlockedCustomerWithOneOverdueInvoice();
        var journal = new ConcurrentQueue<string>();
        var workflow = new PaymentToUnblock(isp.Billing, [new JournalingAccessController(isp.Erp, "erp", journal)],
            new PaymentToUnblockOptions { TimeProvider = isp.Time });
        var payment = isp.Pay(invoice.Id);

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() => workflow.ProcessAsync(payment))));

        Assert.Single(outcomes, o => !o.IsDuplicate);
        Assert.Single(journal);
    }

    [Fact]
    public async Task Outcome_records_each_step_in_order_and_the_restore_deadline()
    {
        var (isp, invoice) = BlockedCustomerWithOneOverdueInvoice();
        var journal = new ConcurrentQueue<string>();
        var workflow = JournaledWorkflow(isp, journal);

        var outcome = await workflow.ProcessAsync(isp.Pay(invoice.Id));

        Assert.Equal(["erp:unblock:K1", "mikrotik:unblock:K1"], journal);
        Assert.Equal([UnblockStepKind.Locate, UnblockStepKind.ReadDebt, UnblockStepKind.Unblock, UnblockStepKind.Unblock],
            outcome.Steps.Select(s => s.Kind));
        Assert.All(outcome.Steps, s => Assert.True(s.Succeeded));
        Assert.Equal(AccessChangeOutcome.Applied, outcome.Steps[2].Change!.Outcome);
        Assert.Equal("erp", outcome.Steps[2].Controller);
        Assert.Equal("K1", outcome.Steps[2].ContractId);
        Assert.Equal("1", outcome.CustomerId);
        Assert.Equal(invoice.Id, outcome.InvoiceId);
        Assert.Equal(isp.Time.GetUtcNow(), outcome.SeenAt);
        Assert.Equal(outcome.SeenAt + TimeSpan.FromHours(24), outcome.RestoreDeadline);
        Assert.Equal(TimeSpan.Zero, outcome.RestoreLatency);
        Assert.False(outcome.IsPastDeadline(isp.Time.GetUtcNow()));
    }

    [Fact]
    public async Task Another_overdue_invoice_means_no_unblock_and_a_clear_reason()
    {
        var (isp, invoice) = BlockedCustomerWithOneOverdueInvoice();
        isp.AddInvoice("101", "1", new DateOnly(2026, 3, 1), 120m);
        var workflow = Workflow(isp);

        var outcome = await workflow.ProcessAsync(isp.Pay(invoice.Id));

        Assert.Equal(UnblockStatus.NotRestored, outcome.Status);
        Assert.Equal(UnblockReason.OtherOverdueInvoices, outcome.Reason);
        Assert.Contains("invoice 101 due 2026-03-01", outcome.Message, StringComparison.Ordinal);
        Assert.Contains("not settled", outcome.Message, StringComparison.Ordinal);
        Assert.Equal(AccessStatus.Blocked, isp.ErpStatus("1"));
        Assert.Empty(isp.Erp.Changes);
        Assert.Empty(isp.Router.Changes);
        Assert.DoesNotContain(outcome.Steps, s => s.Kind == UnblockStepKind.Unblock);
        Assert.Empty(await workflow.Ledger.ListPendingAsync()); // final, not retried
    }

    [Fact]
    public async Task Access_controller_down_leaves_the_unblock_pending_and_a_retry_completes_it()
    {
        var (isp, invoice) = BlockedCustomerWithOneOverdueInvoice();
        var workflow = Workflow(isp);
        isp.Router.IsDown = true;
        var payment = isp.Pay(invoice.Id);

        var first = await workflow.ProcessAsync(payment);

        Assert.Equal(UnblockStatus.Pending, first.Status);
        Assert.Equal(UnblockReason.AccessControllerFailed, first.Reason);
        Assert.Contains(first.Steps, s => s.Kind == UnblockStepKind.Unblock && !s.Succeeded && s.Controller == "fake" && s.Error is not null);
        var pending = Assert.Single(await workflow.Ledger.ListPendingAsync());
        Assert.Equal(payment.PaymentId, pending.PaymentId);
        Assert.Equal(pending.SeenAt.AddDays(1), pending.RestoreDeadline);
        Assert.Single(pending.CompletedSteps); // the ERP step is done and will not be repeated

        // Nothing happens on redelivery while pending; the retry loop owns it.
        Assert.True((await workflow.ProcessAsync(payment)).IsDuplicate);

        isp.Router.IsDown = false;
        isp.Time.Advance(TimeSpan.FromMinutes(5));
        var retried = Assert.Single(await workflow.RetryPendingAsync());

        Assert.Equal(UnblockStatus.Restored, retried.Status);
        Assert.Equal(2, retried.Attempts);
        Assert.Equal(TimeSpan.FromMinutes(5), retried.RestoreLatency);
        Assert.Contains(retried.Steps, s => s.Controller == "fake" && s.Detail.StartsWith("Already done", StringComparison.Ordinal));
        Assert.Single(isp.Erp.Changes, c => c.Kind == AccessCommandKind.Unblock);
        Assert.Empty(await workflow.Ledger.ListPendingAsync());
        Assert.Equal(UnblockStatus.Restored, (await workflow.Ledger.GetAsync(payment.PaymentId))!.Status);
        Assert.Empty(await workflow.RetryPendingAsync());
    }

    [Fact]
    public async Task Erp_failure_stops_the_chain_so_the_router_is_not_kicked_before_the_erp_is_restored()
    {
        var (isp, invoice) = BlockedCustomerWithOneOverdueInvoice();
        var journal = new ConcurrentQueue<string>();
        var workflow = JournaledWorkflow(isp, journal);
        isp.Erp.FailNext(new ConnectorTransportException("fake", "access.unblock", "connection refused"));

        var outcome = await workflow.ProcessAsync(isp.Pay(invoice.Id));

        Assert.Equal(UnblockStatus.Pending, outcome.Status);
        Assert.Equal(["erp:unblock:K1"], journal);
        var retried = Assert.Single(await workflow.RetryPendingAsync());
        Assert.Equal(UnblockStatus.Restored, retried.Status);
        Assert.Equal(["erp:unblock:K1", "erp:unblock:K1", "mikrotik:unblock:K1"], journal);
    }

    [Fact]
    public async Task Billing_system_down_keeps_the_payment_pending_until_a_retry()
    {
        var (isp, invoice) = BlockedCustomerWithOneOverdueInvoice();
        var workflow = Workflow(isp);
        var payment = isp.Pay(invoice.Id);
        isp.Billing.IsDown = true;

        var first = await workflow.ProcessAsync(payment);
        Assert.Equal(UnblockStatus.Pending, first.Status);
        Assert.Equal(UnblockReason.BillingSystemFailed, first.Reason);
        Assert.Empty(isp.Erp.Changes);

        isp.Billing.IsDown = false;
        Assert.Equal(UnblockStatus.Restored, Assert.Single(await workflow.RetryPendingAsync()).Status);
        Assert.Equal(AccessStatus.Active, isp.ErpStatus("1"));
    }

    [Fact]
    public async Task Paid_invoice_not_yet_registered_waits_then_restores_once_the_erp_registers_it()
    {
        var (isp, invoice) = BlockedCustomerWithOneOverdueInvoice();
        var workflow = Workflow(isp);
        var payment = isp.Payment(invoice); // the PSP confirmed it; the ERP has not registered it yet

        var first = await workflow.ProcessAsync(payment);
        Assert.Equal(UnblockStatus.Pending, first.Status);
        Assert.Equal(UnblockReason.PaymentNotYetRegistered, first.Reason);
        Assert.Equal(AccessStatus.Blocked, isp.ErpStatus("1"));

        isp.Billing.RecordPayment(invoice.Id, invoice.OpenAmount, isp.Time.GetUtcNow());
        Assert.Equal(UnblockStatus.Restored, Assert.Single(await workflow.RetryPendingAsync()).Status);
    }

    [Fact]
    public async Task Paid_invoice_still_open_after_the_settlement_wait_ends_not_restored()
    {
        var (isp, invoice) = BlockedCustomerWithOneOverdueInvoice();
        var workflow = Workflow(isp, new PaymentToUnblockOptions { TimeProvider = isp.Time, SettlementWait = TimeSpan.FromDays(2) });
        await workflow.ProcessAsync(isp.Payment(invoice));

        isp.Time.Advance(TimeSpan.FromDays(2) + TimeSpan.FromMinutes(1));
        var last = Assert.Single(await workflow.RetryPendingAsync());

        Assert.Equal(UnblockStatus.NotRestored, last.Status);
        Assert.Equal(UnblockReason.PaymentNotRegistered, last.Reason);
        Assert.Empty(await workflow.Ledger.ListPendingAsync());
    }

    [Fact]
    public async Task Reference_is_resolved_through_the_host_resolver()
    {
        var (isp, invoice) = BlockedCustomerWithOneOverdueInvoice();
        var resolver = new DictionaryResolver(new Dictionary<string, PaymentTarget> { ["txid" + invoice.Id] = new(invoice.Id, "1") });
        var workflow = Workflow(isp, new PaymentToUnblockOptions { TimeProvider = isp.Time, TargetResolver = resolver });

        var outcome = await workflow.ProcessAsync(isp.Pay(invoice.Id, withIds: false));

        Assert.Equal(UnblockStatus.Restored, outcome.Status);
        Assert.Equal(invoice.Id, outcome.InvoiceId);
        Assert.Equal("1", outcome.CustomerId);
    }

    [Fact]
    public async Task Invoice_id_without_customer_is_found_among_the_open_invoices()
    {
        var (isp, invoice) = BlockedCustomerWithOneOverdueInvoice();
        var workflow = Workflow(isp);

        var outcome = await workflow.ProcessAsync(isp.Payment(invoice, withCustomer: false)); // still open in the ERP: located, then waits

        Assert.Equal("1", outcome.CustomerId);
        Assert.Equal(UnblockReason.PaymentNotYetRegistered, outcome.Reason);
    }

    [Fact]
    public async Task Paid_invoice_without_customer_id_cannot_be_located_and_says_how_to_fix_it()
    {
        var (isp, invoice) = BlockedCustomerWithOneOverdueInvoice();
        var workflow = Workflow(isp);
        isp.Billing.RecordPayment(invoice.Id, invoice.OpenAmount, isp.Time.GetUtcNow());

        var outcome = await workflow.ProcessAsync(isp.Payment(invoice, withCustomer: false));

        Assert.Equal(UnblockStatus.NotRestored, outcome.Status);
        Assert.Equal(UnblockReason.TargetNotFound, outcome.Reason);
        Assert.Contains("resolver return the customer id", outcome.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Paid_invoice_named_by_the_payment_gets_its_customer_from_the_resolver()
    {
        // The Pix handler decodes the invoice from the txid but knows no customer, and the ERP has already registered
        // the payment, so the invoice is no longer open: only the host's resolver can say whose it was.
        var (isp, invoice) = BlockedCustomerWithOneOverdueInvoice();
        var resolver = new DictionaryResolver(new Dictionary<string, PaymentTarget> { ["txid" + invoice.Id] = new(invoice.Id, "1") });
        var workflow = Workflow(isp, new PaymentToUnblockOptions { TimeProvider = isp.Time, TargetResolver = resolver });
        isp.Billing.RecordPayment(invoice.Id, invoice.OpenAmount, isp.Time.GetUtcNow());

        var outcome = await workflow.ProcessAsync(isp.Payment(invoice, withCustomer: false));

        Assert.Equal(UnblockStatus.Restored, outcome.Status);
        Assert.Equal("1", outcome.CustomerId);
    }

    [Fact]
    public async Task Unknown_reference_is_final_with_a_reason()
    {
        var (isp, invoice) = BlockedCustomerWithOneOverdueInvoice();
        var workflow = Workflow(isp, new PaymentToUnblockOptions
        {
            TimeProvider = isp.Time, TargetResolver = new DictionaryResolver(new Dictionary<string, PaymentTarget>()),
        });

        var outcome = await workflow.ProcessAsync(isp.Pay(invoice.Id, withIds: false));

        Assert.Equal(UnblockStatus.NotRestored, outcome.Status);
        Assert.Equal(UnblockReason.TargetNotFound, outcome.Reason);
        Assert.Contains("IPaymentTargetResolver", outcome.Message, StringComparison.Ordinal);
        Assert.Empty(isp.Erp.Changes);
    }

    [Fact]
    public async Task Inactive_contracts_are_never_revived()
    {
        var (isp, invoice) = BlockedCustomerWithOneOverdueInvoice();
        isp.Billing.AddContract(new Contract { Id = "K1-old", CustomerId = "1", Access = new AccessState(AccessStatus.Inactive) });
        var workflow = Workflow(isp);

        var outcome = await workflow.ProcessAsync(isp.Pay(invoice.Id));

        Assert.Equal(UnblockStatus.Restored, outcome.Status);
        Assert.DoesNotContain(outcome.Steps, s => s.ContractId == "K1-old");
        Assert.Equal(AccessStatus.Inactive,
            (await isp.Erp.GetAccessStateAsync(Subscriber.ForContract("K1-old"))).Status);
    }

    [Fact]
    public async Task Caller_cancellation_surfaces_and_leaves_the_payment_pending()
    {
        var (isp, invoice) = BlockedCustomerWithOneOverdueInvoice();
        using var cts = new CancellationTokenSource();
        var workflow = new PaymentToUnblock(isp.Billing, [isp.Erp, new CancelOnUnblock(isp.Router, cts)],
            new PaymentToUnblockOptions { TimeProvider = isp.Time });

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => workflow.ProcessAsync(isp.Pay(invoice.Id), cts.Token));

        Assert.Single(await workflow.Ledger.ListPendingAsync());
        Assert.Equal(UnblockStatus.Restored, Assert.Single(await workflow.RetryPendingAsync()).Status);
    }

    [Fact]
    public async Task Controller_without_unblock_capability_is_skipped_and_recorded()
    {
        var (isp, invoice) = BlockedCustomerWithOneOverdueInvoice();
        var readOnly = new Cobranca.Connectors.Testing.FakeAccessController(isp.Time, AccessCapabilities.ReadState);
        var workflow = new PaymentToUnblock(isp.Billing, [isp.Erp, readOnly], new PaymentToUnblockOptions { TimeProvider = isp.Time });

        var outcome = await workflow.ProcessAsync(isp.Pay(invoice.Id));

        Assert.Equal(UnblockStatus.Restored, outcome.Status);
        Assert.Contains(outcome.Steps, s => s.Kind == UnblockStepKind.Unblock && s.Detail.Contains("cannot unblock", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Missed_restore_deadline_is_logged_as_an_error_without_personal_data()
    {
        var (isp, invoice) = BlockedCustomerWithOneOverdueInvoice();
        var logger = new ListLogger();
        var workflow = new PaymentToUnblock(isp.Billing, [isp.Erp], new PaymentToUnblockOptions { TimeProvider = isp.Time }, logger);
        isp.Erp.IsDown = true;
        await workflow.ProcessAsync(isp.Pay(invoice.Id));

        isp.Time.Advance(TimeSpan.FromHours(25));
        var late = Assert.Single(await workflow.RetryPendingAsync());

        Assert.True(late.IsPastDeadline(isp.Time.GetUtcNow()));
        Assert.Contains(logger.Entries, e => e.EventId == 104 && e.Level == Microsoft.Extensions.Logging.LogLevel.Error);
        Assert.Contains(logger.Entries, e => e.EventId == 101 && e.Message.Contains("E2E-100", StringComparison.Ordinal));
        Assert.DoesNotContain(logger.Entries, e => e.Message.Contains("Cliente", StringComparison.Ordinal));

        isp.Erp.IsDown = false;
        var restored = Assert.Single(await workflow.RetryPendingAsync());
        Assert.Equal(UnblockStatus.Restored, restored.Status);
        Assert.True(restored.IsPastDeadline(isp.Time.GetUtcNow()));
        Assert.Equal(TimeSpan.FromHours(25), restored.RestoreLatency);
    }

    [Fact]
    public void Restore_window_longer_than_the_legal_day_is_rejected()
    {
        var isp = new Isp(Now);
        var options = new PaymentToUnblockOptions { RestoreWithin = TimeSpan.FromHours(25) };
        Assert.Throws<ArgumentOutOfRangeException>(() => new PaymentToUnblock(isp.Billing, [isp.Erp], options));
        Assert.Throws<ArgumentException>(() => new PaymentToUnblock(isp.Billing, []));
    }

    /// <summary>Cancels the caller's token when asked to unblock, as if the host shut down mid-way.</summary>
    private sealed class CancelOnUnblock(IAccessController inner, CancellationTokenSource cts) : IAccessController
    {
        private int _calls;

        public AccessControllerInfo Info => inner.Info;

        public Task<AccessState> GetAccessStateAsync(Subscriber subscriber, CancellationToken cancellationToken = default) =>
            inner.GetAccessStateAsync(subscriber, cancellationToken);

        public Task<AccessChange> BlockAsync(Subscriber subscriber, BlockRequest request, CancellationToken cancellationToken = default) =>
            inner.BlockAsync(subscriber, request, cancellationToken);

        public Task<AccessChange> UnblockAsync(Subscriber subscriber, CancellationToken cancellationToken = default)
        {
            if (Interlocked.Increment(ref _calls) == 1) cts.Cancel();
            return inner.UnblockAsync(subscriber, cancellationToken);
        }

        public Task<AccessChange> ThrottleAsync(Subscriber subscriber, Bandwidth limit, CancellationToken cancellationToken = default) =>
            inner.ThrottleAsync(subscriber, limit, cancellationToken);

        public Task<BatchResult> ApplyAsync(IReadOnlyList<AccessCommand> commands, IProgress<BatchProgress>? progress = null,
            CancellationToken cancellationToken = default) => inner.ApplyAsync(commands, progress, cancellationToken);
    }
}
