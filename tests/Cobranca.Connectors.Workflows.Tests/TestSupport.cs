using System.Collections.Concurrent;
using Cobranca.Connectors.Abstractions;
using Cobranca.Connectors.Testing;
using Microsoft.Extensions.Time.Testing;

namespace Cobranca.Connectors.Workflows.Tests;

/// <summary>A small ISP on the in-memory fakes: an ERP (billing + its access side) and a router-side controller.</summary>
internal sealed class Isp
{
    public Isp(DateTime localNow)
    {
        Time = new FakeTimeProvider(BrazilTime.FromLocal(localNow));
        Billing = new FakeBillingSystem(Time);
        Router = new FakeAccessController(Time);
    }

    public FakeTimeProvider Time { get; }

    public FakeBillingSystem Billing { get; }

    /// <summary>The ERP's contract state (what RADIUS reads).</summary>
    public FakeAccessController Erp => Billing.AccessController;

    /// <summary>A second controller standing for the router ("kick so RADIUS re-applies").</summary>
    public FakeAccessController Router { get; }

    public DateOnly Today => BrazilTime.Today(Time);

    public void SetLocal(DateTime localNow) => Time.SetUtcNow(BrazilTime.FromLocal(localNow));

    public Contract AddCustomer(string id, AccessState? access = null)
    {
        Billing.AddCustomer(new Customer { Id = id, Name = "Cliente " + id });
        var contract = new Contract { Id = "K" + id, CustomerId = id, Login = "login" + id, Access = access ?? AccessState.Active };
        Billing.AddContract(contract);
        return contract;
    }

    public Invoice AddInvoice(string id, string customerId, DateOnly due, decimal amount = 99.90m)
    {
        var invoice = new Invoice
        {
            Id = id, CustomerId = customerId, ContractId = "K" + customerId, DueDate = due, Amount = amount, OpenAmount = amount,
        };
        Billing.AddInvoice(invoice);
        return invoice;
    }

    public AccessStatus ErpStatus(string customerId) =>
        Erp.GetAccessStateAsync(Subscriber.ForContract("K" + customerId)).GetAwaiter().GetResult().Status;

    /// <summary>Registers the payment in the ERP, then returns the event a Pix webhook would raise.</summary>
    public PaymentReceived Pay(string invoiceId, bool withIds = true)
    {
        var invoice = Billing.GetInvoice(invoiceId)!;
        Billing.RecordPayment(invoiceId, invoice.OpenAmount, Time.GetUtcNow());
        return Payment(invoice, withIds);
    }

    /// <summary>The event only (the ERP has not registered the payment).</summary>
    public PaymentReceived Payment(Invoice invoice, bool withIds = true, bool withCustomer = true) => new()
    {
        PaymentId = "E2E-" + invoice.Id,
        Source = "pix",
        Reference = "txid" + invoice.Id,
        InvoiceId = withIds ? invoice.Id : null,
        CustomerId = withIds && withCustomer ? invoice.CustomerId : null,
        Amount = invoice.OpenAmount,
        PaidAt = Time.GetUtcNow(),
    };
}

/// <summary>An <see cref="INotificationSender"/> that records what it was asked to send; can fail on demand.</summary>
internal sealed class RecordingNotificationSender : INotificationSender
{
    private readonly ConcurrentQueue<DunningNotification> _sent = new();
    private int _inFlight;
    private int _maxInFlight;

    public IReadOnlyList<DunningNotification> Sent => _sent.ToArray();

    public Func<DunningNotification, Exception?>? FailWhen { get; set; }

    public int MaxConcurrentSends => Volatile.Read(ref _maxInFlight);

    /// <summary>Yield instead of waiting 1 ms per send (large runs).</summary>
    public bool Instant { get; init; }

    public async Task SendAsync(DunningNotification notification, CancellationToken cancellationToken = default)
    {
        var now = Interlocked.Increment(ref _inFlight);
        int max;
        while (now > (max = Volatile.Read(ref _maxInFlight)) && Interlocked.CompareExchange(ref _maxInFlight, now, max) != max) { }
        try
        {
            if (Instant) await Task.Yield();
            else await Task.Delay(1, cancellationToken);
            if (FailWhen?.Invoke(notification) is { } error) throw error;
            _sent.Enqueue(notification);
        }
        finally
        {
            Interlocked.Decrement(ref _inFlight);
        }
    }
}

/// <summary>Wraps a controller and writes every unblock/block/throttle call, in order, to a shared journal.</summary>
internal sealed class JournalingAccessController(IAccessController inner, string name, ConcurrentQueue<string> journal) : IAccessController
{
    public AccessControllerInfo Info { get; } = inner.Info with { Name = name };

    public Task<AccessState> GetAccessStateAsync(Subscriber subscriber, CancellationToken cancellationToken = default) =>
        inner.GetAccessStateAsync(subscriber, cancellationToken);

    public Task<AccessChange> BlockAsync(Subscriber subscriber, BlockRequest request, CancellationToken cancellationToken = default)
    {
        journal.Enqueue($"{name}:block:{subscriber.ContractId}");
        return inner.BlockAsync(subscriber, request, cancellationToken);
    }

    public Task<AccessChange> UnblockAsync(Subscriber subscriber, CancellationToken cancellationToken = default)
    {
        journal.Enqueue($"{name}:unblock:{subscriber.ContractId}");
        return inner.UnblockAsync(subscriber, cancellationToken);
    }

    public Task<AccessChange> ThrottleAsync(Subscriber subscriber, Bandwidth limit, CancellationToken cancellationToken = default)
    {
        journal.Enqueue($"{name}:throttle:{subscriber.ContractId}");
        return inner.ThrottleAsync(subscriber, limit, cancellationToken);
    }

    public Task<BatchResult> ApplyAsync(IReadOnlyList<AccessCommand> commands, IProgress<BatchProgress>? progress = null,
        CancellationToken cancellationToken = default) => inner.ApplyAsync(commands, progress, cancellationToken);
}

internal sealed class FixedOptOut(IReadOnlyDictionary<string, DunningOptOut> optOuts) : IDunningOptOutSource
{
    public Task<DunningOptOut> GetOptOutAsync(string customerId, CancellationToken cancellationToken = default) =>
        Task.FromResult(optOuts.GetValueOrDefault(customerId));
}

internal sealed class DictionaryResolver(IReadOnlyDictionary<string, PaymentTarget> targets) : IPaymentTargetResolver
{
    public Task<PaymentTarget?> ResolveAsync(PaymentReceived payment, CancellationToken cancellationToken = default) =>
        Task.FromResult(payment.Reference is { } r ? targets.GetValueOrDefault(r) : null);
}

/// <summary>Synchronous IProgress (Progress&lt;T&gt; posts asynchronously).</summary>
internal sealed class ListProgress<T> : IProgress<T>
{
    private readonly ConcurrentQueue<T> _items = new();

    public IReadOnlyList<T> Items => _items.ToArray();

    public void Report(T value) => _items.Enqueue(value);
}

/// <summary>Captures log entries (event id, level, rendered message).</summary>
internal sealed class ListLogger : Microsoft.Extensions.Logging.ILogger
{
    private readonly ConcurrentQueue<(int EventId, Microsoft.Extensions.Logging.LogLevel Level, string Message)> _entries = new();

    public IReadOnlyList<(int EventId, Microsoft.Extensions.Logging.LogLevel Level, string Message)> Entries => _entries.ToArray();

    public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

    public bool IsEnabled(Microsoft.Extensions.Logging.LogLevel logLevel) => true;

    public void Log<TState>(Microsoft.Extensions.Logging.LogLevel logLevel, Microsoft.Extensions.Logging.EventId eventId, TState state,
        Exception? exception, Func<TState, Exception?, string> formatter) =>
        _entries.Enqueue((eventId.Id, logLevel, formatter(state, exception)));
}
