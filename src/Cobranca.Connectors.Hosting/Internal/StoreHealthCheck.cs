using Cobranca.Connectors.Workflows;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Cobranca.Connectors.Hosting.Internal;

/// <summary>The store answers a read; an in-memory store is reported degraded (it forgets everything on restart).</summary>
internal sealed class StoreHealthCheck(ILedgerStore store) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await store.GetProcessedPaymentLedger("health").IsCompletedAsync("health", cancellationToken).ConfigureAwait(false);
            return store.IsDurable
                ? HealthCheckResult.Healthy($"{store.Kind}: answering.")
                : HealthCheckResult.Degraded($"{store.Kind}: not durable (state is lost on restart).");
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return HealthChecks.Failure(context, store.Kind, ex);
        }
    }
}
