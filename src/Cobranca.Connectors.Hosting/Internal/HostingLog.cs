using Microsoft.Extensions.Logging;

namespace Cobranca.Connectors.Hosting.Internal;

internal static partial class HostingLog
{
    [LoggerMessage(EventId = 700, Level = LogLevel.Information, Message = "Tenant {Tenant}: next dunning run {Date} at {At} (tenant time zone {Zone}).")]
    public static partial void DunningScheduled(ILogger logger, string tenant, DateOnly date, DateTimeOffset at, string zone);

    [LoggerMessage(EventId = 701, Level = LogLevel.Information, Message = "Tenant {Tenant}: dunning run for {Date} skipped: {Reason}.")]
    public static partial void DunningSkipped(ILogger logger, string tenant, DateOnly date, string reason);

    [LoggerMessage(EventId = 702, Level = LogLevel.Information, Message = "Tenant {Tenant}: dunning run for {Date} done: {Executed} executed, {Deferred} deferred, {Failed} failed, {CustomerFailures} customers unreadable.")]
    public static partial void DunningDone(ILogger logger, string tenant, DateOnly date, int executed, int deferred, int failed, int customerFailures);

    [LoggerMessage(EventId = 703, Level = LogLevel.Error, Message = "Tenant {Tenant}: dunning run for {Date} failed; the next run retries (the ledger keeps what was done).")]
    public static partial void DunningFailed(ILogger logger, Exception exception, string tenant, DateOnly date);

    [LoggerMessage(EventId = 704, Level = LogLevel.Information, Message = "Tenant {Tenant}: pending-unblock retry pass: {Count} retried.")]
    public static partial void UnblockRetried(ILogger logger, string tenant, int count);

    [LoggerMessage(EventId = 705, Level = LogLevel.Error, Message = "Tenant {Tenant}: pending-unblock retry pass failed; retried at the next tick.")]
    public static partial void UnblockRetryFailed(ILogger logger, Exception exception, string tenant);

    [LoggerMessage(EventId = 706, Level = LogLevel.Warning, Message =
        "\n************************************************************************************************\n" +
        "* WARNING: Cobranca:Store is '{Store}' (in memory) in environment '{Environment}'.\n" +
        "* Nothing survives a restart: dunning messages are sent AGAIN, payments seen are forgotten and\n" +
        "* pending unblocks are LOST. Use 'sqlite' (one machine) or 'postgres' (several workers).\n" +
        "************************************************************************************************")]
    public static partial void InMemoryStore(ILogger logger, string store, string environment);

    [LoggerMessage(EventId = 707, Level = LogLevel.Information, Message = "Cobranca store '{Store}' ready ({Durability}); tenants: {Tenants}.")]
    public static partial void StoreReady(ILogger logger, string store, string durability, string tenants);

    [LoggerMessage(EventId = 708, Level = LogLevel.Error, Message = "Tenant {Tenant}: the Pix reconciliation poller stopped.")]
    public static partial void PixPollerFailed(ILogger logger, Exception exception, string tenant);
}
