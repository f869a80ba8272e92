using System.Collections.Concurrent;
using Cobranca.Connectors.Abstractions;

namespace Cobranca.Connectors.Workflows;

/// <summary>An <see cref="ILedgerStore"/> in process memory: one set of in-memory ledgers per tenant, lost on restart.
/// For tests and demos only.</summary>
public sealed class InMemoryLedgerStore : ILedgerStore
{
    private readonly ConcurrentDictionary<string, IDunningLedger> _dunning = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, IUnblockLedger> _unblock = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, IProcessedPaymentLedger> _payments = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<(string Tenant, string Collection), IStateStore> _states = new();
    private readonly TimeProvider _time;

    /// <summary>Creates an empty store.</summary>
    /// <param name="timeProvider">The clock for state entries' <see cref="StateEntry.UpdatedAt"/> (system clock when null).</param>
    public InMemoryLedgerStore(TimeProvider? timeProvider = null) => _time = timeProvider ?? TimeProvider.System;

    /// <inheritdoc />
    public string Kind => "memory";

    /// <inheritdoc />
    public bool IsDurable => false;

    /// <inheritdoc />
    public Task MigrateAsync(CancellationToken cancellationToken = default) => Task.CompletedTask;

    /// <inheritdoc />
    public IDunningLedger GetDunningLedger(string tenant) => _dunning.GetOrAdd(Tenant(tenant), static _ => new InMemoryDunningLedger());

    /// <inheritdoc />
    public IUnblockLedger GetUnblockLedger(string tenant) => _unblock.GetOrAdd(Tenant(tenant), static _ => new InMemoryUnblockLedger());

    /// <inheritdoc />
    public IProcessedPaymentLedger GetProcessedPaymentLedger(string tenant) =>
        _payments.GetOrAdd(Tenant(tenant), static _ => new InMemoryProcessedPaymentLedger());

    /// <inheritdoc />
    public IStateStore GetStateStore(string tenant, string collection)
    {
        ArgumentException.ThrowIfNullOrEmpty(collection);
        return _states.GetOrAdd((Tenant(tenant), collection), key => new InMemoryStateStore(key.Collection, _time));
    }

    private static string Tenant(string tenant)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(tenant);
        return tenant;
    }
}
