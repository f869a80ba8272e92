namespace Cobranca.Connectors.Abstractions;

/// <summary>
/// Process-local <see cref="IProcessedPaymentLedger"/>: thread-safe, forgets everything on restart (a reconciliation
/// poller then re-raises the payments in its window). Keeps at most <see cref="Capacity"/> completed ids, dropping the
/// oldest. For tests and single-process demos; use the SQLite or PostgreSQL store in production.
/// </summary>
public sealed class InMemoryProcessedPaymentLedger : IProcessedPaymentLedger
{
    private readonly object _gate = new();
    private readonly Dictionary<string, LedgerClaim?> _items = new(StringComparer.Ordinal); // null = completed
    private readonly Queue<string> _completedOrder = new();
    private int _completed;

    /// <summary>Creates a ledger.</summary>
    /// <param name="capacity">Maximum completed ids remembered (default 100 000).</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="capacity"/> is not positive.</exception>
    public InMemoryProcessedPaymentLedger(int capacity = 100_000)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(capacity);
        Capacity = capacity;
    }

    /// <summary>Maximum completed ids remembered.</summary>
    public int Capacity { get; }

    /// <summary>Ids currently remembered (claimed or completed).</summary>
    public int Count
    {
        get
        {
            lock (_gate) return _items.Count;
        }
    }

    /// <inheritdoc />
    public Task<bool> TryClaimAsync(string paymentId, LedgerClaim claim, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(paymentId);
        ArgumentNullException.ThrowIfNull(claim);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            if (_items.TryGetValue(paymentId, out var held) && (held is null || held.ExpiresAt >= claim.ClaimedAt))
                return Task.FromResult(false);
            _items[paymentId] = claim;
            return Task.FromResult(true);
        }
    }

    /// <inheritdoc />
    public Task<bool> CompleteAsync(string paymentId, LedgerClaim claim, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(paymentId);
        ArgumentNullException.ThrowIfNull(claim);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            // Completed already, or the claim lapsed and another worker holds it now.
            if (_items.TryGetValue(paymentId, out var held) && (held is null || held.Owner != claim.Owner))
                return Task.FromResult(false);
            _items[paymentId] = null;
            _completedOrder.Enqueue(paymentId);
            _completed++;
            while (_completed > Capacity && _completedOrder.TryDequeue(out var oldest))
            {
                if (_items.TryGetValue(oldest, out var c) && c is null)
                {
                    _items.Remove(oldest);
                    _completed--;
                }
            }
            return Task.FromResult(true);
        }
    }

    /// <inheritdoc />
    public Task ReleaseAsync(string paymentId, LedgerClaim claim, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(paymentId);
        ArgumentNullException.ThrowIfNull(claim);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            if (_items.TryGetValue(paymentId, out var held) && held is not null && held.Owner == claim.Owner) _items.Remove(paymentId);
        }
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task<bool> IsCompletedAsync(string paymentId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(paymentId);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate) return Task.FromResult(_items.TryGetValue(paymentId, out var held) && held is null);
    }
}
