using System.Collections.Concurrent;

namespace Cobranca.Connectors.Workflows;

/// <summary>An <see cref="IDunningLedger"/> in process memory (thread-safe). Lost on restart: for tests and demos.</summary>
public sealed class InMemoryDunningLedger : IDunningLedger
{
    private readonly ConcurrentDictionary<string, DunningLedgerEntry> _entries = new(StringComparer.Ordinal);

    /// <summary>Every recorded entry, ordered by execution time then key.</summary>
    public IReadOnlyList<DunningLedgerEntry> Entries =>
        _entries.Values.OrderBy(e => e.ExecutedAt).ThenBy(e => e.Key, StringComparer.Ordinal).ToList();

    /// <inheritdoc />
    public Task<bool> TryRecordAsync(DunningLedgerEntry entry, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(entry);
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult(_entries.TryAdd(entry.Key, entry));
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<DunningLedgerEntry>> GetHistoryAsync(string customerId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(customerId);
        cancellationToken.ThrowIfCancellationRequested();
        IReadOnlyList<DunningLedgerEntry> history = _entries.Values
            .Where(e => string.Equals(e.CustomerId, customerId, StringComparison.Ordinal))
            .OrderBy(e => e.ExecutedAt).ThenBy(e => e.Key, StringComparer.Ordinal)
            .ToList();
        return Task.FromResult(history);
    }
}
