using Cobranca.Connectors.Testing;

namespace Cobranca.Cli.Demo;

/// <summary>The in-memory fakes: <see cref="FakeBillingSystem"/> and its contract access side.</summary>
public sealed class InMemoryBackend : IDemoBackend
{
    /// <inheritdoc />
    public string Name => "memory";

    /// <inheritdoc />
    public string Description => "in-memory fakes (FakeBillingSystem + its access side)";

    /// <inheritdoc />
    public Task<DemoSession> StartAsync(IspDataSet data, TimeProvider timeProvider, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var billing = new FakeBillingSystem(data, timeProvider);
        return Task.FromResult(new DemoSession(billing, billing.AccessController)
        {
            RecordPaymentInErp = (invoice, _) =>
            {
                billing.RecordPayment(invoice.Id, invoice.OpenAmount, timeProvider.GetUtcNow());
                return Task.CompletedTask;
            },
        });
    }
}
