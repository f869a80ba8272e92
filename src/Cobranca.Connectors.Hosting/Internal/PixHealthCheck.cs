using Cobranca.Connectors.Pix;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Cobranca.Connectors.Hosting.Internal;

/// <summary>The PSP grants a token and answers an authenticated read (the payments of the last minute).</summary>
internal sealed class PixHealthCheck(IPixClient client, TimeProvider timeProvider) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            var now = timeProvider.GetUtcNow();
            await client.ListPaymentsPageAsync(new PixPaymentQuery { From = now.AddMinutes(-1), To = now }, 0, cancellationToken)
                .ConfigureAwait(false);
            return HealthCheckResult.Healthy("pix: token obtained, API answering.");
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return HealthChecks.Failure(context, "pix", ex);
        }
    }
}
