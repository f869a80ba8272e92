using Cobranca.Connectors.MikroTik;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Cobranca.Connectors.Hosting.Internal;

/// <summary>The router accepts the login (connect when not connected) and answers <c>/system/identity/print</c>.</summary>
internal sealed class RouterHealthCheck(MikroTikAccessController controller) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            // Connects and logs in when no connection is open, as any command does.
            await controller.Client.PrintAsync(new RouterOsCommand("/system/identity/print"), cancellationToken).ConfigureAwait(false);
            return HealthCheckResult.Healthy("mikrotik: logged in, answering.");
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return HealthChecks.Failure(context, "mikrotik", ex);
        }
    }
}
