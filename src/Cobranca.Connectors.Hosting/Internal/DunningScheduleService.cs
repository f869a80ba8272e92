using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Cobranca.Connectors.Hosting.Internal;

/// <summary>
/// Runs a tenant's dunning once a day at <see cref="CobrancaDunningOptions.RunAt"/> in the tenant's time zone, on the
/// host's <see cref="TimeProvider"/>. Weekends and holidays are skipped unless configured otherwise; quiet hours,
/// deferrals and idempotency are the planner's and the ledger's.
/// </summary>
internal sealed class DunningScheduleService(CobrancaTenant tenant, ILogger<DunningScheduleService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var options = tenant.Options.Dunning;
        var time = tenant.TimeProvider;
        var zone = tenant.TimeZone;
        var date = DailyClock.FirstRunDate(time.GetUtcNow(), options.RunAt, zone, catchUp: options.CatchUpOnStart);
        while (!stoppingToken.IsCancellationRequested)
        {
            var at = DailyClock.At(date, options.RunAt, zone);
            HostingLog.DunningScheduled(logger, tenant.Name, date, at, zone.Id);
            var wait = at - time.GetUtcNow();
            try
            {
                // The first await of this method: the timer exists once the host has started.
                if (wait > TimeSpan.Zero) await Task.Delay(wait, time, stoppingToken).ConfigureAwait(false);
                await RunDayAsync(date, stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            date = DailyClock.NextRunDate(date, time.GetUtcNow(), zone);
        }
    }

    internal async Task RunDayAsync(DateOnly date, CancellationToken cancellationToken)
    {
        var started = tenant.TimeProvider.GetUtcNow();
        var schedule = tenant.Schedule;
        if (!tenant.Options.Dunning.RunOnNonBusinessDays && !schedule.NotifyOnNonBusinessDays && !schedule.AccessChangesOnNonBusinessDays
            && !DailyClock.IsBusinessDay(date, tenant.Holidays))
        {
            var reason = date.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday ? date.DayOfWeek.ToString() : "holiday";
            HostingLog.DunningSkipped(logger, tenant.Name, date, reason);
            tenant.DunningRunCompleted?.Invoke(new DunningRunRecord(date, started, null, reason, null));
            return;
        }

        try
        {
            var report = await tenant.Dunning!.RunAsync(null, cancellationToken).ConfigureAwait(false);
            HostingLog.DunningDone(logger, tenant.Name, date,
                report.Count(Workflows.DunningResultStatus.Executed),
                report.Count(Workflows.DunningResultStatus.Deferred),
                report.Count(Workflows.DunningResultStatus.Failed),
                report.CustomerFailures.Count);
            tenant.DunningRunCompleted?.Invoke(new DunningRunRecord(date, started, report, null, null));
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            HostingLog.DunningFailed(logger, ex, tenant.Name, date);
            tenant.DunningRunCompleted?.Invoke(new DunningRunRecord(date, started, null, null, ex));
        }
    }
}
