using System.Collections.Concurrent;
using Cobranca.Connectors.Abstractions;
using Cobranca.Connectors.Workflows;

namespace Cobranca.Connectors.Storage;

/// <summary>The per-tenant ledger cache both SQL stores share.</summary>
internal sealed class SqlLedgers(LedgerDatabase db, TimeProvider time)
{
    private readonly ConcurrentDictionary<string, IDunningLedger> _dunning = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, IUnblockLedger> _unblock = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, IProcessedPaymentLedger> _payments = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<(string Tenant, string Collection), IStateStore> _states = new();

    private readonly LedgerWriteBatcher _writes = new(db);

    public LedgerDatabase Database => db;

    /// <summary>The group-commit queue the unblock ledgers of every tenant share.</summary>
    public LedgerWriteBatcher Writes => _writes;

    public IDunningLedger Dunning(string tenant) => _dunning.GetOrAdd(Tenant(tenant), t => new SqlDunningLedger(db, t));

    public IUnblockLedger Unblock(string tenant) => _unblock.GetOrAdd(Tenant(tenant), t => new SqlUnblockLedger(db, _writes, t));

    public IProcessedPaymentLedger Payments(string tenant) => _payments.GetOrAdd(Tenant(tenant), t => new SqlProcessedPaymentLedger(db, t));

    public IStateStore State(string tenant, string collection)
    {
        ArgumentException.ThrowIfNullOrEmpty(collection);
        if (collection.Length > IStateStore.MaxKeyLength)
            throw new ArgumentException($"A collection name is at most {IStateStore.MaxKeyLength} characters.", nameof(collection));
        return _states.GetOrAdd((Tenant(tenant), collection), key => new SqlStateStore(db, key.Tenant, key.Collection, time));
    }

    private static string Tenant(string tenant)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(tenant);
        if (tenant.Length > 100) throw new ArgumentException("A tenant name is at most 100 characters.", nameof(tenant));
        return tenant;
    }
}
