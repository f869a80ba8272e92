using System.Runtime.CompilerServices;
using Cobranca.Connectors.Testing;
using Cobranca.Connectors.Testing.Conformance;
using Xunit.Abstractions;

namespace Cobranca.Connectors.Abstractions.Tests.Testing.Conformance;

/// <summary>
/// The kit must fail on implementations that break the contract: each case wraps the (conforming) fake with one
/// deliberate bug and asserts that the named check throws <see cref="ConformanceException"/>.
/// </summary>
public sealed class BrokenImplementationTests(ITestOutputHelper output)
{
    private static readonly ConformanceScenario Scenario = Cobranca.Connectors.Testing.Conformance.Xunit.ConformanceTests.SharedScenario;

    [Theory]
    [InlineData("billing.debt.overdue-vs-upcoming")]
    [InlineData("billing.debt.paid-and-cancelled-excluded")]
    public async Task Paid_invoices_counted_as_overdue_fail_the_debt_checks(string check)
    {
        var failure = await FailsAsync(check, s => Wrap(s, b => new BrokenBilling(b) { Debt = PaidAsOverdue(s, b) }));
        Assert.Contains("9205", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Today_taken_from_utc_fails_the_overdue_split()
    {
        // 22:30 in São Paulo is 01:30 UTC the next day: a connector using the UTC date calls the invoice due today overdue.
        var utcDate = new ShiftedClock(Scenario.Now.AddHours(3));
        var failure = await FailsAsync("billing.debt.overdue-vs-upcoming", s => FakeTargets.Create(s, utcDate));
        Assert.Contains("AsOf", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_wrong_candidate_by_phone_fails()
    {
        await FailsAsync("billing.find.phone", s => Wrap(s, b => new BrokenBilling(b)
        {
            Find = async (lookup, ct) =>
            {
                var found = await b.FindCustomersAsync(lookup, ct);
                var debtor = await b.FindCustomersAsync(CustomerLookup.ById(s.DebtorCustomerId), ct);
                return lookup.Kind == CustomerLookupKind.Phone ? found.Concat(debtor).DistinctBy(c => c.Id).ToList() : found;
            },
        }));
    }

    [Fact]
    public async Task A_listing_that_stops_after_the_first_page_fails()
    {
        await FailsAsync("billing.list.complete", s => Wrap(s, b => new BrokenBilling(b)
        {
            List = (query, ct) => b.ListOpenInvoicesAsync(query, ct).Take(query.PageSize),
        }));
    }

    [Fact]
    public async Task A_bulk_contract_read_that_keeps_one_batch_fails()
    {
        await FailsAsync("billing.list.contracts", s => Wrap(s, b => new BrokenBilling(b)
        {
            Contracts = (query, ct) => b.ListContractsAsync(query.CustomerIds is { } ids ? new ContractQuery { CustomerIds = ids.Take(query.PageSize).ToList() } : query, ct),
        }));
    }

    [Fact]
    public async Task A_bulk_contract_read_claimed_but_not_implemented_fails()
    {
        // Info forwarded from the fake (ListContracts declared) by a decorator that keeps the interface's default member.
        await FailsAsync("billing.list.contracts", s => Wrap(s, b => new BrokenBilling(b)));
    }

    [Fact]
    public async Task Ignoring_caller_cancellation_fails()
    {
        await FailsAsync("billing.cancellation", s => Wrap(s, b => new BrokenBilling(b)
        {
            Debt = (id, _) => b.GetDebtStatusAsync(id, CancellationToken.None),
        }));
    }

    [Fact]
    public async Task A_cpf_in_an_error_message_fails()
    {
        // ConnectorException redacts its message itself; a connector throwing its own exception type must too.
        await FailsAsync("billing.errors-redacted", s => Wrap(s, b => new BrokenBilling(b)
        {
            Debt = (id, ct) => id == s.DebtorCustomerId || id == s.NoDebtCustomerId ? b.GetDebtStatusAsync(id, ct)
                : throw new KeyNotFoundException($"No customer {id} (searched near CPF {s.DebtorDocument.Formatted})."),
        }));
    }

    [Fact]
    public async Task A_capability_declared_but_not_supported_fails()
    {
        await FailsAsync("billing.find.phone", s => Wrap(s, b => new BrokenBilling(b)
        {
            Find = (lookup, ct) => lookup.Kind == CustomerLookupKind.Phone ? throw new NotSupportedException("no phone search") : b.FindCustomersAsync(lookup, ct),
        }));
    }

    [Fact]
    public async Task An_operation_working_although_not_declared_fails()
    {
        // Capabilities must be honest both ways: an undeclared operation must throw NotSupportedException, not answer.
        await FailsAsync("billing.trust-unlock", s => Wrap(s, b => new BrokenBilling(b)
        {
            Info = b.Info with { Capabilities = b.Info.Capabilities & ~BillingCapabilities.TrustUnlock },
        }));
    }

    [Fact]
    public async Task A_block_that_always_reports_applied_fails()
    {
        await FailsAsync("access.block-idempotent", s =>
        {
            var target = FakeTargets.Create(s);
            return new ConformanceTarget(target.Billing, new AlwaysApplied(target.Access!));
        });
    }

    [Fact]
    public async Task A_batch_that_stops_at_the_first_failure_fails()
    {
        await FailsAsync("access.apply-per-item", s =>
        {
            var target = FakeTargets.Create(s);
            return new ConformanceTarget(target.Billing, new StopsAtFirstFailure(target.Access!));
        });
    }

    private async Task<ConformanceException> FailsAsync(string check, Func<ConformanceScenario, ConformanceTarget> factory)
    {
        var kit = new ConformanceKit(Scenario, s => Task.FromResult(factory(s)), output.WriteLine);
        var failure = await Assert.ThrowsAsync<ConformanceException>(() => kit.RunAsync(check));
        Assert.Equal(check, failure.Check);
        output.WriteLine("Failed as expected: " + failure.Message);
        return failure;
    }

    private static ConformanceTarget Wrap(ConformanceScenario scenario, Func<IBillingSystem, IBillingSystem> broken)
    {
        var target = FakeTargets.Create(scenario);
        return new ConformanceTarget(broken(target.Billing!), target.Access) { StartOutage = target.StartOutage };
    }

    /// <summary>The classic mapping bug: every invoice of the customer whose status is not "cancelled" is debt, paid ones included.</summary>
    private static Func<string, CancellationToken, Task<DebtStatus>> PaidAsOverdue(ConformanceScenario s, IBillingSystem inner) => async (id, ct) =>
    {
        var debt = await inner.GetDebtStatusAsync(id, ct);
        var paid = s.Data.Invoices.Where(i => i.CustomerId == id && i.Status == InvoiceStatus.Paid)
            .Select(i => new Invoice { Id = i.Id, CustomerId = i.CustomerId, ContractId = i.ContractId, DueDate = i.DueDate, Amount = i.Amount, OpenAmount = i.Amount });
        return DebtStatus.FromInvoices(id, debt.AsOf, debt.Overdue.Concat(debt.Upcoming).Concat(paid), debt.Contracts);
    };

    private sealed class BrokenBilling(IBillingSystem inner) : IBillingSystem
    {
        public BillingSystemInfo Info { get; init; } = inner.Info;

        public Func<CustomerLookup, CancellationToken, Task<IReadOnlyList<Customer>>> Find { get; init; } = inner.FindCustomersAsync;

        public Func<string, CancellationToken, Task<DebtStatus>> Debt { get; init; } = inner.GetDebtStatusAsync;

        public Func<InvoiceQuery, CancellationToken, IAsyncEnumerable<Invoice>> List { get; init; } = inner.ListOpenInvoicesAsync;

        /// <summary>Null: the interface's default (NotSupportedException) although <see cref="Info"/> may claim the capability.</summary>
        public Func<ContractQuery, CancellationToken, IAsyncEnumerable<Contract>>? Contracts { get; init; }

        public IAsyncEnumerable<Contract> ListContractsAsync(ContractQuery query, CancellationToken cancellationToken = default) =>
            Contracts is { } contracts ? contracts(query, cancellationToken) : ((IBillingSystem)new DefaultOnly(Info)).ListContractsAsync(query, cancellationToken);

        public Task<IReadOnlyList<Customer>> FindCustomersAsync(CustomerLookup lookup, CancellationToken cancellationToken = default) => Find(lookup, cancellationToken);

        public Task<DebtStatus> GetDebtStatusAsync(string customerId, CancellationToken cancellationToken = default) => Debt(customerId, cancellationToken);

        public IAsyncEnumerable<Invoice> ListOpenInvoicesAsync(InvoiceQuery query, CancellationToken cancellationToken = default) => List(query, cancellationToken);

        public Task<PaymentSlip> GetPaymentSlipAsync(string invoiceId, CancellationToken cancellationToken = default) => inner.GetPaymentSlipAsync(invoiceId, cancellationToken);

        public Task<TrustUnlockResult> RequestTrustUnlockAsync(string contractId, CancellationToken cancellationToken = default) =>
            inner.RequestTrustUnlockAsync(contractId, cancellationToken);
    }

    /// <summary>Only the interface's default members (for the "claimed but not implemented" case).</summary>
    private sealed class DefaultOnly(BillingSystemInfo info) : IBillingSystem
    {
        public BillingSystemInfo Info => info;

        public Task<IReadOnlyList<Customer>> FindCustomersAsync(CustomerLookup lookup, CancellationToken cancellationToken = default) => throw new NotImplementedException();

        public Task<DebtStatus> GetDebtStatusAsync(string customerId, CancellationToken cancellationToken = default) => throw new NotImplementedException();

        public IAsyncEnumerable<Invoice> ListOpenInvoicesAsync(InvoiceQuery query, CancellationToken cancellationToken = default) => throw new NotImplementedException();

        public Task<PaymentSlip> GetPaymentSlipAsync(string invoiceId, CancellationToken cancellationToken = default) => throw new NotImplementedException();

        public Task<TrustUnlockResult> RequestTrustUnlockAsync(string contractId, CancellationToken cancellationToken = default) => throw new NotImplementedException();
    }

    private class DelegatingAccess(IAccessController inner) : IAccessController
    {
        protected IAccessController Inner => inner;

        public AccessControllerInfo Info => inner.Info;

        public Task<AccessState> GetAccessStateAsync(Subscriber subscriber, CancellationToken cancellationToken = default) => inner.GetAccessStateAsync(subscriber, cancellationToken);

        public virtual Task<AccessChange> BlockAsync(Subscriber subscriber, BlockRequest request, CancellationToken cancellationToken = default) =>
            inner.BlockAsync(subscriber, request, cancellationToken);

        public Task<AccessChange> UnblockAsync(Subscriber subscriber, CancellationToken cancellationToken = default) => inner.UnblockAsync(subscriber, cancellationToken);

        public Task<AccessChange> ThrottleAsync(Subscriber subscriber, Bandwidth limit, CancellationToken cancellationToken = default) =>
            inner.ThrottleAsync(subscriber, limit, cancellationToken);

        public virtual Task<BatchResult> ApplyAsync(IReadOnlyList<AccessCommand> commands, IProgress<BatchProgress>? progress = null, CancellationToken cancellationToken = default) =>
            inner.ApplyAsync(commands, progress, cancellationToken);
    }

    private sealed class AlwaysApplied(IAccessController inner) : DelegatingAccess(inner)
    {
        public override async Task<AccessChange> BlockAsync(Subscriber subscriber, BlockRequest request, CancellationToken cancellationToken = default)
        {
            var change = await Inner.BlockAsync(subscriber, request, cancellationToken);
            return change with { Outcome = AccessChangeOutcome.Applied };
        }
    }

    private sealed class StopsAtFirstFailure(IAccessController inner) : DelegatingAccess(inner)
    {
        public override async Task<BatchResult> ApplyAsync(IReadOnlyList<AccessCommand> commands, IProgress<BatchProgress>? progress = null, CancellationToken cancellationToken = default)
        {
            var result = await Inner.ApplyAsync(commands, progress, cancellationToken);
            var firstFailure = result.Items.FirstOrDefault(i => i.Outcome == BatchItemOutcome.Failed)?.Index ?? int.MaxValue;
            return new BatchResult(result.Items.Select(i => i.Index > firstFailure ? i with { Outcome = BatchItemOutcome.NotAttempted } : i).ToList());
        }
    }

    private sealed class ShiftedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now.ToUniversalTime();
    }
}
