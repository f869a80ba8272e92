using System.Collections.Concurrent;
using Cobranca.Connectors.Abstractions;

namespace Cobranca.Connectors.Workflows.Tests;

/// <summary>Issue 19: 1,000 payments delivered at once (the latency distribution is measured in bench/, not here).</summary>
public sealed class PaymentBurstTests
{
    private const int Payments = 1000;

    private static (Isp Isp, List<PaymentReceived> Payments) BlockedBase()
    {
        var isp = new Isp(new DateTime(2026, 3, 10, 10, 0, 0));
        var payments = new List<PaymentReceived>(Payments);
        for (var i = 0; i < Payments; i++)
        {
            var id = i.ToString("0000", System.Globalization.CultureInfo.InvariantCulture);
            isp.AddCustomer(id, AccessState.Blocked);
            var invoice = isp.AddInvoice("F" + id, id, new DateOnly(2026, 2, 10));
            payments.Add(isp.Pay(invoice.Id));
        }
        return (isp, payments);
    }

    [Fact]
    public async Task Thousand_payments_at_once_are_all_restored_once_and_a_second_delivery_writes_nothing()
    {
        var (isp, payments) = BlockedBase();
        var journal = new ConcurrentQueue<string>();
        var workflow = new PaymentToUnblock(isp.Billing,
            [new JournalingAccessController(isp.Erp, "erp", journal), new JournalingAccessController(isp.Router, "router", journal)],
            new PaymentToUnblockOptions { TimeProvider = isp.Time });

        var outcomes = await Task.WhenAll(payments.Select(p => workflow.ProcessAsync(p)));

        Assert.All(outcomes, o => Assert.Equal(UnblockStatus.Restored, o.Status));
        Assert.Equal(Payments * 2, journal.Count);
        Assert.Equal(Payments * 2, journal.Distinct().Count()); // each contract once per controller: no duplicate write
        Assert.Equal(0, workflow.InProgress);

        var again = await Task.WhenAll(payments.Select(p => workflow.ProcessAsync(p)));
        Assert.All(again, o => Assert.True(o.IsDuplicate));
        Assert.Equal(Payments * 2, journal.Count); // nothing more written
        Assert.Empty(await workflow.RetryPendingAsync());
    }

    [Fact]
    public async Task Burst_beyond_the_intake_limit_is_deferred_visibly_and_the_retry_loop_restores_it()
    {
        var (isp, payments) = BlockedBase();
        var journal = new ConcurrentQueue<string>();
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var workflow = new PaymentToUnblock(isp.Billing,
            [new GatedController(new JournalingAccessController(isp.Erp, "erp", journal), gate.Task), new JournalingAccessController(isp.Router, "router", journal)],
            new PaymentToUnblockOptions { TimeProvider = isp.Time, MaxConcurrentAttempts = 4, MaxWaitingPayments = 10 });

        // 4 attempts hold the slots (held at the gate), 10 wait for one: every other payment is deferred at once.
        var running = payments.Select(p => workflow.ProcessAsync(p)).ToList();
        var deferred = running.Where(t => t.IsCompleted).Select(t => t.Result).ToList();
        var waiting = running.Where(t => !t.IsCompleted).ToList();
        Assert.Equal(Payments - 14, deferred.Count);
        Assert.All(deferred, o =>
        {
            Assert.Equal(UnblockStatus.Pending, o.Status);
            Assert.Equal(UnblockReason.IntakeLimitReached, o.Reason);
            Assert.Contains("Intake limit", o.Message, StringComparison.Ordinal);
        });
        Assert.Equal(14, workflow.InProgress);
        Assert.Equal(Payments - 14, (await workflow.Ledger.ListPendingAsync()).Count(e => e.Reason == UnblockReason.IntakeLimitReached));

        gate.SetResult();
        var admitted = await Task.WhenAll(waiting);
        Assert.Equal(14, admitted.Count(o => o.Status == UnblockStatus.Restored && o.Reason == UnblockReason.None));

        var retried = await workflow.RetryPendingAsync();
        Assert.Equal(Payments - 14, retried.Count);
        Assert.All(retried, o => Assert.Equal(UnblockStatus.Restored, o.Status));
        Assert.Empty(await workflow.Ledger.ListPendingAsync());
        Assert.Equal(Payments * 2, journal.Distinct().Count());
        Assert.Equal(Payments * 2, journal.Count);
    }

    [Fact]
    public void Invalid_limits_are_refused()
    {
        var (isp, _) = (new Isp(new DateTime(2026, 3, 10, 10, 0, 0)), 0);
        Assert.Throws<ArgumentOutOfRangeException>(() => new PaymentToUnblock(isp.Billing, [isp.Erp],
            new PaymentToUnblockOptions { MaxConcurrentAttempts = 0 }));
        Assert.Throws<ArgumentOutOfRangeException>(() => new PaymentToUnblock(isp.Billing, [isp.Erp],
            new PaymentToUnblockOptions { MaxWaitingPayments = -1 }));
        Assert.Throws<ArgumentOutOfRangeException>(() => new PaymentToUnblock(isp.Billing, [isp.Erp],
            new PaymentToUnblockOptions { ClaimLease = TimeSpan.Zero }));
    }

    private sealed class GatedController(IAccessController inner, Task gate) : IAccessController
    {
        public AccessControllerInfo Info => inner.Info;

        public Task<AccessState> GetAccessStateAsync(Subscriber subscriber, CancellationToken cancellationToken = default) => inner.GetAccessStateAsync(subscriber, cancellationToken);

        public Task<AccessChange> BlockAsync(Subscriber subscriber, BlockRequest request, CancellationToken cancellationToken = default) => inner.BlockAsync(subscriber, request, cancellationToken);

        public async Task<AccessChange> UnblockAsync(Subscriber subscriber, CancellationToken cancellationToken = default)
        {
            await gate.WaitAsync(cancellationToken);
            return await inner.UnblockAsync(subscriber, cancellationToken);
        }

        public Task<AccessChange> ThrottleAsync(Subscriber subscriber, Bandwidth limit, CancellationToken cancellationToken = default) => inner.ThrottleAsync(subscriber, limit, cancellationToken);

        public Task<BatchResult> ApplyAsync(IReadOnlyList<AccessCommand> commands, IProgress<BatchProgress>? progress = null, CancellationToken cancellationToken = default) =>
            inner.ApplyAsync(commands, progress, cancellationToken);
    }
}
