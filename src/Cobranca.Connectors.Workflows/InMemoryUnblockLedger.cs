using System.Collections.Concurrent;

namespace Cobranca.Connectors.Workflows;

/// <summary>An <see cref="IUnblockLedger"/> in process memory (thread-safe). Lost on restart: fine for tests and
/// single-process demos; use a durable store in production.</summary>
public sealed class InMemoryUnblockLedger : IUnblockLedger
{
    private readonly ConcurrentDictionary<string, UnblockLedgerEntry> _entries = new(StringComparer.Ordinal);

    /// <inheritdoc />
    public Task<bool> TryAddAsync(UnblockLedgerEntry entry, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(entry);
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult(_entries.TryAdd(entry.PaymentId, entry));
    }

    /// <inheritdoc />
    public Task UpdateAsync(UnblockLedgerEntry entry, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(entry);
        cancellationToken.ThrowIfCancellationRequested();
        _entries[entry.PaymentId] = entry;
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task<UnblockLedgerEntry?> GetAsync(string paymentId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(paymentId);
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult(_entries.GetValueOrDefault(paymentId));
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<UnblockLedgerEntry>> ListPendingAsync(CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        IReadOnlyList<UnblockLedgerEntry> pending = _entries.Values
            .Where(e => e.Status == UnblockStatus.Pending)
            .OrderBy(e => e.SeenAt).ThenBy(e => e.PaymentId, StringComparer.Ordinal)
            .ToList();
        return Task.FromResult(pending);
    }
}
