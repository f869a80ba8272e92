using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Cobranca.Connectors.Hosting.Internal;

/// <summary>
/// Runs a tenant's <see cref="Pix.PixReconciliationPoller"/> (every <see cref="CobrancaPixReconciliationOptions.Interval"/>
/// over the last <see cref="CobrancaPixReconciliationOptions.LookBack"/>); each payment found goes to payment → unblock.
/// </summary>
internal sealed class PixReconciliationService(CobrancaTenant tenant, ILogger<PixReconciliationService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var options = tenant.Options.PixReconciliation;
        try
        {
            await tenant.PixReconciliation!.RunAsync(options.Interval, options.LookBack, stoppingToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        catch (Exception ex)
        {
            // The poller itself survives failed passes (ConnectorException); anything else is a bug worth surfacing.
            HostingLog.PixPollerFailed(logger, ex, tenant.Name);
            throw;
        }
    }
}
