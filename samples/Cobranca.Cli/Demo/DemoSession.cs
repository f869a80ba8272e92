using Cobranca.Connectors.Abstractions;

namespace Cobranca.Cli.Demo;

/// <summary>The connectors a backend exposes for the demo, plus whatever must be stopped afterwards.</summary>
/// <param name="billing">The ERP side.</param>
/// <param name="access">The access side the block/unblock step drives (the ERP itself, or a router).</param>
/// <param name="stop">Stops servers the backend started (sandboxes, emulators).</param>
public sealed class DemoSession(IBillingSystem billing, IAccessController access, Func<ValueTask>? stop = null) : IAsyncDisposable
{
    /// <summary>The ERP side.</summary>
    public IBillingSystem Billing { get; } = billing;

    /// <summary>The access side.</summary>
    public IAccessController Access { get; } = access;

    /// <summary>Every access controller, in the order workflows use them: the ERP first, then the router.</summary>
    public IReadOnlyList<IAccessController> Controllers { get; init; } = [access];

    /// <summary>
    /// Records a payment in the ERP (the "baixa" its bank integration does in production). Null when the backend
    /// cannot; the payment step is then skipped.
    /// </summary>
    public Func<Invoice, CancellationToken, Task>? RecordPaymentInErp { get; init; }

    /// <summary>How to reach a contract's connection on the access side (login, IP, MAC).</summary>
    public Func<Contract, Subscriber> SubscriberOf { get; init; } = static c => c.ToSubscriber();

    /// <inheritdoc />
    public ValueTask DisposeAsync() => stop?.Invoke() ?? ValueTask.CompletedTask;
}
