namespace Cobranca.Connectors.MkAuth;

/// <summary>
/// Where the SDK keeps the trust unlocks it granted (MK-Auth enforces no limit, so the SDK owns the policy). The default
/// <see cref="InMemoryMkAuthTrustUnlockStore"/> forgets on restart; implement this over a database to share the policy
/// between processes and survive restarts.
/// </summary>
public interface IMkAuthTrustUnlockStore
{
    /// <summary>The latest grant for the customer, or null.</summary>
    /// <param name="tenant">The tenant.</param>
    /// <param name="customerId">The customer id.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    ValueTask<MkAuthTrustUnlockGrant?> GetLatestAsync(string tenant, string customerId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Records <paramref name="grant"/> only if the customer's latest grant is still <paramref name="expectedLatest"/>
    /// (optimistic concurrency: two workers cannot both grant). Returns false when another grant got there first.
    /// </summary>
    /// <param name="grant">The new grant.</param>
    /// <param name="expectedLatest">The latest grant read before deciding (null: none).</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    ValueTask<bool> TryAddAsync(MkAuthTrustUnlockGrant grant, MkAuthTrustUnlockGrant? expectedLatest, CancellationToken cancellationToken = default);
}
