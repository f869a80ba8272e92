using System.Collections.Concurrent;

namespace Cobranca.Connectors.Pix;

/// <summary>
/// Process-local <see cref="IPixPaymentStore"/>: thread-safe, forgets everything on restart (the reconciliation
/// poller then re-raises payments in its window, so your own handler should also be idempotent). Keeps at most
/// <see cref="Capacity"/> ids, dropping the oldest.
/// </summary>
public sealed class InMemoryPixPaymentStore : IPixPaymentStore
{
    private readonly ConcurrentDictionary<string, byte> _seen = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<string> _order = new();

    /// <summary>Creates a store.</summary>
    /// <param name="capacity">Maximum ids remembered (default 100 000).</param>
    public InMemoryPixPaymentStore(int capacity = 100_000)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(capacity);
        Capacity = capacity;
    }

    /// <summary>Maximum ids remembered.</summary>
    public int Capacity { get; }

    /// <summary>Ids currently remembered.</summary>
    public int Count => _seen.Count;

    /// <inheritdoc />
    public ValueTask<bool> TryClaimAsync(string endToEndId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(endToEndId);
        if (!_seen.TryAdd(endToEndId, 0)) return ValueTask.FromResult(false);
        _order.Enqueue(endToEndId);
        while (_seen.Count > Capacity && _order.TryDequeue(out var oldest)) _seen.TryRemove(oldest, out _);
        return ValueTask.FromResult(true);
    }

    /// <inheritdoc />
    public ValueTask ReleaseAsync(string endToEndId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(endToEndId);
        _seen.TryRemove(endToEndId, out _);
        return ValueTask.CompletedTask;
    }
}
