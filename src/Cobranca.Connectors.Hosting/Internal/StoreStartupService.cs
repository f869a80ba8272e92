using Cobranca.Connectors.Workflows;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Cobranca.Connectors.Hosting.Internal;

/// <summary>
/// Runs first: creates/migrates the store's schema (fail fast, before any workflow starts), builds every tenant (so a
/// missing sender or connector fails the start, not the first run) and warns loudly about an in-memory store outside
/// Development.
/// </summary>
internal sealed class StoreStartupService(IServiceProvider services, ILedgerStore store, IOptions<CobrancaOptions> options,
    ILogger<StoreStartupService> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var environment = services.GetService<IHostEnvironment>()?.EnvironmentName ?? "(none)";
        if (!store.IsDurable && !string.Equals(environment, Environments.Development, StringComparison.OrdinalIgnoreCase))
            HostingLog.InMemoryStore(logger, store.Kind, environment);
        await store.MigrateAsync(cancellationToken).ConfigureAwait(false);
        foreach (var name in options.Value.Tenants.Keys)
        {
            var tenant = services.GetRequiredKeyedService<CobrancaTenant>(name);
            _ = tenant.Dunning;
            _ = tenant.PixReconciliation;
        }
        HostingLog.StoreReady(logger, store.Kind, store.IsDurable ? "durable" : "NOT durable",
            string.Join(", ", options.Value.Tenants.Keys));
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
