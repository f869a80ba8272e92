namespace Cobranca.Connectors.Abstractions;

/// <summary>
/// A lease on one item of a durable store (a dunning action, a pending unblock, a payment being raised): while it has
/// not expired no other worker works the item; a worker that crashes simply lets it expire and the item is retried.
/// Every store of the family (<c>IDunningLedger</c>, <c>IUnblockLedger</c>, <see cref="IProcessedPaymentLedger"/>)
/// takes one of these, so claims look and behave the same everywhere.
/// </summary>
/// <remarks>Times come from the caller's <see cref="TimeProvider"/>: workers sharing a database need clocks in sync
/// (NTP) to well within the lease.</remarks>
public sealed class LedgerClaim
{
    /// <summary>Creates a claim.</summary>
    /// <param name="owner">A value unique to this attempt (see <see cref="Create"/>).</param>
    /// <param name="claimedAt">When the claim is made: a stored claim that expired before this moment can be taken over.</param>
    /// <param name="expiresAt">When the claim lapses unless completed or released.</param>
    /// <exception cref="ArgumentException">Blank owner, or <paramref name="expiresAt"/> not after <paramref name="claimedAt"/>.</exception>
    public LedgerClaim(string owner, DateTimeOffset claimedAt, DateTimeOffset expiresAt)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(owner);
        if (owner.Length > 100) throw new ArgumentException("The claim owner is at most 100 characters.", nameof(owner));
        if (expiresAt <= claimedAt) throw new ArgumentException("A claim must expire after it is made.", nameof(expiresAt));
        Owner = owner;
        ClaimedAt = claimedAt;
        ExpiresAt = expiresAt;
    }

    /// <summary>Who holds the claim: unique per attempt, so a worker whose lease lapsed cannot complete over a newer claim.</summary>
    public string Owner { get; }

    /// <summary>When the claim was made.</summary>
    public DateTimeOffset ClaimedAt { get; }

    /// <summary>When the claim lapses.</summary>
    public DateTimeOffset ExpiresAt { get; }

    /// <summary>A new claim with a unique owner, from now for <paramref name="lease"/>.</summary>
    /// <param name="timeProvider">The clock.</param>
    /// <param name="lease">How long the claim holds (longer than the work it covers).</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="lease"/> is not positive.</exception>
    public static LedgerClaim Create(TimeProvider timeProvider, TimeSpan lease)
    {
        ArgumentNullException.ThrowIfNull(timeProvider);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(lease, TimeSpan.Zero);
        var now = timeProvider.GetUtcNow();
        return new LedgerClaim(Guid.NewGuid().ToString("N"), now, now + lease);
    }

    /// <inheritdoc />
    public override string ToString() => $"claim {Owner} until {ExpiresAt:O}";
}
