using Cobranca.Connectors.Abstractions;

namespace Cobranca.Connectors.Workflows;

/// <summary>An <see cref="IDunningLedger"/> in process memory (thread-safe). Lost on restart: for tests and demos.</summary>
/// <remarks>
/// Indexed by customer: <see cref="GetHistoryAsync"/> reads only that customer's entries (a run over the whole base is
/// O(entries), not O(customers × entries)); each customer's history is kept sorted as it is recorded.
/// </remarks>
public sealed class InMemoryDunningLedger : IDunningLedger
{
    private readonly object _gate = new();
    private readonly Dictionary<string, Item> _items = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<DunningLedgerEntry>> _byCustomer = new(StringComparer.Ordinal);

    private sealed class Item(DunningLedgerEntry entry, LedgerClaim? claim)
    {
        public DunningLedgerEntry Entry { get; set; } = entry;
        public LedgerClaim? Claim { get; set; } = claim; // null = done
    }

    private long _entriesExamined;

    /// <summary>How many entries <see cref="GetHistoryAsync"/> has examined so far (the regression tests count it: a read
    /// visits only that customer's entries, never the whole ledger; keep it honest if the lookup changes).</summary>
    internal long EntriesExamined => Interlocked.Read(ref _entriesExamined);

    /// <summary>Every executed entry, ordered by execution time then key.</summary>
    public IReadOnlyList<DunningLedgerEntry> Entries
    {
        get
        {
            lock (_gate)
                return _items.Values.Where(i => i.Claim is null).Select(i => i.Entry)
                    .OrderBy(e => e.ExecutedAt).ThenBy(e => e.Key, StringComparer.Ordinal).ToList();
        }
    }

    /// <inheritdoc />
    public Task<DunningClaimStatus> TryClaimAsync(DunningLedgerEntry entry, LedgerClaim claim, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(entry);
        ArgumentNullException.ThrowIfNull(claim);
        cancellationToken.ThrowIfCancellationRequested();
        var key = entry.Key;
        lock (_gate)
        {
            if (!_items.TryGetValue(key, out var item))
            {
                _items.Add(key, new Item(entry, claim));
                return Task.FromResult(DunningClaimStatus.Claimed);
            }
            if (item.Claim is null) return Task.FromResult(DunningClaimStatus.AlreadyDone);
            if (item.Claim.ExpiresAt >= claim.ClaimedAt) return Task.FromResult(DunningClaimStatus.Busy);
            item.Entry = entry;
            item.Claim = claim;
            return Task.FromResult(DunningClaimStatus.ClaimedUnconfirmed);
        }
    }

    /// <inheritdoc />
    public Task<bool> CompleteAsync(DunningLedgerEntry entry, LedgerClaim claim, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(entry);
        ArgumentNullException.ThrowIfNull(claim);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            if (!_items.TryGetValue(entry.Key, out var item) || item.Claim is null || item.Claim.Owner != claim.Owner)
                return Task.FromResult(false);
            item.Entry = entry;
            item.Claim = null;
            AddToCustomer(entry);
            return Task.FromResult(true);
        }
    }

    /// <inheritdoc />
    public Task ReleaseAsync(string key, LedgerClaim claim, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(claim);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            if (_items.TryGetValue(key, out var item) && item.Claim is not null && item.Claim.Owner == claim.Owner) _items.Remove(key);
        }
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task<bool> TryRecordAsync(DunningLedgerEntry entry, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(entry);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            if (!_items.TryAdd(entry.Key, new Item(entry, null))) return Task.FromResult(false);
            AddToCustomer(entry);
            return Task.FromResult(true);
        }
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<DunningLedgerEntry>> GetHistoryAsync(string customerId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(customerId);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            IReadOnlyList<DunningLedgerEntry> history = _byCustomer.TryGetValue(customerId, out var list) ? list.ToArray() : [];
            _entriesExamined += history.Count;
            return Task.FromResult(history);
        }
    }

    private void AddToCustomer(DunningLedgerEntry entry)
    {
        if (!_byCustomer.TryGetValue(entry.CustomerId, out var list)) _byCustomer.Add(entry.CustomerId, list = []);
        // Kept sorted by (ExecutedAt, Key); entries mostly arrive in time order, so this is an append.
        var index = list.Count;
        while (index > 0 && Compare(list[index - 1], entry) > 0) index--;
        list.Insert(index, entry);
    }

    private static int Compare(DunningLedgerEntry a, DunningLedgerEntry b)
    {
        var byTime = a.ExecutedAt.CompareTo(b.ExecutedAt);
        return byTime != 0 ? byTime : string.CompareOrdinal(a.Key, b.Key);
    }
}
