using Cobranca.Connectors.Abstractions;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Cobranca.Connectors.Hosting.Internal;

/// <summary>The ERP answers an authenticated read (a customer lookup by an id that need not exist).</summary>
internal sealed class ErpHealthCheck(IBillingSystem billingSystem) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await billingSystem.FindCustomersAsync(CustomerLookup.ById("0"), cancellationToken).ConfigureAwait(false);
            return HealthCheckResult.Healthy($"{billingSystem.Info.Name}: reachable and authorised.");
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return HealthChecks.Failure(context, billingSystem.Info.Name, ex);
        }
    }
}
