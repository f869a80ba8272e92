using Cobranca.Connectors.Abstractions;

namespace Cobranca.Cli.Demo;

/// <summary>The connectors a backend exposes for the demo, plus whatever must be stopped afterwards.</summary>
/// <param name="billing">The ERP side.</param>
/// <param name="access">The access side (the ERP itself, or a router).</param>
/// <param name="stop">Stops servers the backend started (sandboxes, emulators).</param>
public sealed class DemoSession(IBillingSystem billing, IAccessController access, Func<ValueTask>? stop = null) : IAsyncDisposable
{
    /// <summary>The ERP side.</summary>
    public IBillingSystem Billing { get; } = billing;

    /// <summary>The access side.</summary>
    public IAccessController Access { get; } = access;

    /// <inheritdoc />
    public ValueTask DisposeAsync() => stop?.Invoke() ?? ValueTask.CompletedTask;
}
