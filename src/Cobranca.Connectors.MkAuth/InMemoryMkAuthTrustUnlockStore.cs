namespace Cobranca.Connectors.MkAuth;

/// <summary>
/// The default <see cref="IMkAuthTrustUnlockStore"/>: one process, forgotten on restart (so the "once per period" rule
/// restarts with the process). Use a durable implementation in production.
/// </summary>
public sealed class InMemoryMkAuthTrustUnlockStore : IMkAuthTrustUnlockStore
{
    private readonly Dictionary<(string Tenant, string Customer), MkAuthTrustUnlockGrant> _latest = [];
    private readonly Lock _gate = new();

    /// <inheritdoc />
    public ValueTask<MkAuthTrustUnlockGrant?> GetLatestAsync(string tenant, string customerId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(tenant);
        ArgumentNullException.ThrowIfNull(customerId);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate) return ValueTask.FromResult(_latest.GetValueOrDefault((tenant, customerId)));
    }

    /// <inheritdoc />
    public ValueTask<bool> TryAddAsync(MkAuthTrustUnlockGrant grant, MkAuthTrustUnlockGrant? expectedLatest, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(grant);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            var key = (grant.Tenant, grant.CustomerId);
            if (!Equals(_latest.GetValueOrDefault(key), expectedLatest)) return ValueTask.FromResult(false);
            _latest[key] = grant;
            return ValueTask.FromResult(true);
        }
    }
}
