using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Cobranca.Connectors.Hosting.Internal;

/// <summary>
/// Retries a tenant's pending unblocks (<see cref="Workflows.PaymentToUnblock.RetryPendingAsync"/>) at start and every
/// <see cref="CobrancaUnblockOptions.RetryInterval"/>. Several workers on one PostgreSQL split the pending ones.
/// </summary>
internal sealed class UnblockRetryService(CobrancaTenant tenant, ILogger<UnblockRetryService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Created before the first await: ticks are counted from the host's start, on the host's clock.
        using var timer = new PeriodicTimer(tenant.Options.Unblock.RetryInterval, tenant.TimeProvider);
        try
        {
            do
            {
                await RetryOnceAsync(stoppingToken).ConfigureAwait(false);
            }
            while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    private async Task RetryOnceAsync(CancellationToken cancellationToken)
    {
        try
        {
            var outcomes = await tenant.Unblock.RetryPendingAsync(cancellationToken).ConfigureAwait(false);
            if (outcomes.Count > 0) HostingLog.UnblockRetried(logger, tenant.Name, outcomes.Count);
            tenant.UnblockRetryCompleted?.Invoke(outcomes.Count);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            HostingLog.UnblockRetryFailed(logger, ex, tenant.Name);
            tenant.UnblockRetryCompleted?.Invoke(-1);
        }
    }
}
