using Cobranca.Connectors.Abstractions;

namespace Cobranca.Connectors.Workflows;

/// <summary>An <see cref="IUnblockLedger"/> in process memory (thread-safe). Lost on restart: fine for tests and
/// single-process demos; use a durable store in production.</summary>
public sealed class InMemoryUnblockLedger : IUnblockLedger
{
    private readonly object _gate = new();
    private readonly Dictionary<string, (UnblockLedgerEntry Entry, LedgerClaim? Claim)> _entries = new(StringComparer.Ordinal);
    private readonly SortedSet<(DateTimeOffset UpdatedAt, string PaymentId)> _pending = new(Comparer<(DateTimeOffset UpdatedAt, string PaymentId)>.Create(
        static (a, b) => a.UpdatedAt != b.UpdatedAt ? a.UpdatedAt.CompareTo(b.UpdatedAt) : string.CompareOrdinal(a.PaymentId, b.PaymentId)));

    /// <inheritdoc />
    public Task<bool> TryAddAsync(UnblockLedgerEntry entry, LedgerClaim? claim, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(entry);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            if (!_entries.TryAdd(entry.PaymentId, (entry, claim))) return Task.FromResult(false);
            if (entry.Status == UnblockStatus.Pending) _pending.Add((entry.UpdatedAt, entry.PaymentId));
            return Task.FromResult(true);
        }
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<UnblockLedgerEntry>> ClaimPendingAsync(int maxCount, LedgerClaim claim, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxCount);
        ArgumentNullException.ThrowIfNull(claim);
        cancellationToken.ThrowIfCancellationRequested();
        var claimed = new List<UnblockLedgerEntry>();
        lock (_gate)
        {
            foreach (var (_, paymentId) in _pending)
            {
                var (entry, held) = _entries[paymentId];
                if (held is not null && held.ExpiresAt >= claim.ClaimedAt) continue;
                _entries[paymentId] = (entry, claim);
                claimed.Add(entry);
                if (claimed.Count == maxCount) break;
            }
        }
        return Task.FromResult<IReadOnlyList<UnblockLedgerEntry>>(claimed);
    }

    /// <inheritdoc />
    public Task<bool> SaveAttemptAsync(UnblockLedgerEntry entry, LedgerClaim claim, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(entry);
        ArgumentNullException.ThrowIfNull(claim);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            if (!_entries.TryGetValue(entry.PaymentId, out var current) || current.Claim is null || current.Claim.Owner != claim.Owner)
                return Task.FromResult(false);
            if (current.Entry.Status == UnblockStatus.Pending) _pending.Remove((current.Entry.UpdatedAt, entry.PaymentId));
            _entries[entry.PaymentId] = (entry, null);
            if (entry.Status == UnblockStatus.Pending) _pending.Add((entry.UpdatedAt, entry.PaymentId));
            return Task.FromResult(true);
        }
    }

    /// <inheritdoc />
    public Task<UnblockLedgerEntry?> GetAsync(string paymentId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(paymentId);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate) return Task.FromResult(_entries.TryGetValue(paymentId, out var e) ? e.Entry : null);
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<UnblockLedgerEntry>> ListPendingAsync(CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
            return Task.FromResult<IReadOnlyList<UnblockLedgerEntry>>(_pending.Select(p => _entries[p.PaymentId].Entry)
                .OrderBy(e => e.SeenAt).ThenBy(e => e.PaymentId, StringComparer.Ordinal).ToList());
    }
}
