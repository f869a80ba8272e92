using System.Collections.Concurrent;

namespace Cobranca.Connectors.Workflows;

/// <summary>An <see cref="IDunningLedger"/> in process memory (thread-safe). Lost on restart: for tests and demos.</summary>
/// <remarks>
/// Indexed by customer: <see cref="GetHistoryAsync"/> reads only that customer's entries (a run over the whole base is
/// O(entries), not O(customers × entries)), and <see cref="Entries"/> sorts once per change, not once per access.
/// </remarks>
public sealed class InMemoryDunningLedger : IDunningLedger
{
    private readonly Lock _gate = new();
    private readonly HashSet<string> _keys = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<DunningLedgerEntry>> _byCustomer = new(StringComparer.Ordinal);
    private readonly List<DunningLedgerEntry> _all = [];
    private IReadOnlyList<DunningLedgerEntry>? _sorted;
    private long _entriesExamined;

    /// <summary>Every recorded entry, ordered by execution time then key.</summary>
    public IReadOnlyList<DunningLedgerEntry> Entries
    {
        get
        {
            lock (_gate)
            {
                return _sorted ??= _all.OrderBy(e => e.ExecutedAt).ThenBy(e => e.Key, StringComparer.Ordinal).ToArray();
            }
        }
    }

    /// <summary>How many entries <see cref="GetHistoryAsync"/> has examined so far (the regression tests count it: a read
    /// visits only that customer's entries, never the whole ledger; keep it honest if the lookup changes).</summary>
    internal long EntriesExamined => Interlocked.Read(ref _entriesExamined);

    /// <inheritdoc />
    public Task<bool> TryRecordAsync(DunningLedgerEntry entry, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(entry);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            if (!_keys.Add(entry.Key)) return Task.FromResult(false);
            if (!_byCustomer.TryGetValue(entry.CustomerId, out var list)) _byCustomer[entry.CustomerId] = list = [];
            list.Add(entry);
            _all.Add(entry);
            _sorted = null;
        }
        return Task.FromResult(true);
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<DunningLedgerEntry>> GetHistoryAsync(string customerId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(customerId);
        cancellationToken.ThrowIfCancellationRequested();
        DunningLedgerEntry[] history;
        lock (_gate)
        {
            history = _byCustomer.TryGetValue(customerId, out var list) ? list.ToArray() : [];
        }
        Interlocked.Add(ref _entriesExamined, history.Length);
        if (history.Length > 1)
            Array.Sort(history, static (a, b) => a.ExecutedAt != b.ExecutedAt ? a.ExecutedAt.CompareTo(b.ExecutedAt) : string.CompareOrdinal(a.Key, b.Key));
        return Task.FromResult<IReadOnlyList<DunningLedgerEntry>>(history);
    }
}
