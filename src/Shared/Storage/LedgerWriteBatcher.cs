using System.Collections.Concurrent;

namespace Cobranca.Connectors.Storage;

/// <summary>
/// Group commit for the hot ledger writes (a payment's claimed insert and its attempt's update): statements that arrive
/// while a transaction is committing are queued and run together in the next one, in one transaction (and, on
/// PostgreSQL, one round trip), instead of one connection, one transaction and one commit each.
/// </summary>
/// <remarks>
/// <para>Each statement keeps its own result (rows affected), so the idempotency and claim guarantees are those of the
/// statement alone (<c>ON CONFLICT DO NOTHING</c>, <c>WHERE claim_owner = …</c>). A caller's task completes only after
/// the transaction holding its statement committed; if that transaction fails, every caller in it gets the exception and
/// nothing of it was applied (all or nothing, never half). A statement whose caller cancelled before it was taken into a
/// transaction is dropped (the caller sees <see cref="OperationCanceledException"/>); once taken, it runs to the end, so a
/// committed write is never reported as cancelled.</para>
/// <para>Statements of one transaction run ordered by their key (stable), so two processes' transactions lock rows in
/// the same order and cannot deadlock each other. No background loop outlives the queue: a drain starts when the
/// first statement arrives and ends when the queue is empty.</para>
/// </remarks>
internal sealed class LedgerWriteBatcher(LedgerDatabase db, int maxBatch = 256)
{
    private readonly ConcurrentQueue<LedgerWrite> _queue = new();
    private int _draining;

    /// <summary>Transactions committed so far (for tests and the harness: fewer than statements under a burst).</summary>
    public long Transactions => Interlocked.Read(ref _transactions);

    private long _transactions;

    /// <summary>Queues one statement; completes with its rows affected once its transaction committed.</summary>
    public Task<int> ExecuteAsync(string key, string sql, CancellationToken cancellationToken, params (string Name, object? Value)[] parameters)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var write = new LedgerWrite(key, sql, parameters, cancellationToken);
        _queue.Enqueue(write);
        if (Interlocked.CompareExchange(ref _draining, 1, 0) == 0) _ = Task.Run(DrainAsync, CancellationToken.None);
        return write.Done.Task;
    }

    private async Task DrainAsync()
    {
        var batch = new List<LedgerWrite>(maxBatch);
        while (true)
        {
            batch.Clear();
            while (batch.Count < maxBatch && _queue.TryDequeue(out var write))
            {
                if (write.CancellationToken.IsCancellationRequested) write.Done.TrySetCanceled(write.CancellationToken);
                else batch.Add(write);
            }
            if (batch.Count > 0)
            {
                await FlushAsync(batch).ConfigureAwait(false);
                continue;
            }
            Volatile.Write(ref _draining, 0);
            // A statement queued after the last TryDequeue but before the flag was cleared: drain it (unless another drain started).
            if (_queue.IsEmpty || Interlocked.CompareExchange(ref _draining, 1, 0) != 0) return;
        }
    }

    private async Task FlushAsync(List<LedgerWrite> batch)
    {
        var ordered = batch.OrderBy(w => w.Key, StringComparer.Ordinal).ToList();
        try
        {
            await db.EnsureMigratedAsync(CancellationToken.None).ConfigureAwait(false);
            var counts = await db.ExecuteInOneTransactionAsync(ordered.Select(w => (w.Sql, w.Parameters)).ToList(), CancellationToken.None).ConfigureAwait(false);
            Interlocked.Increment(ref _transactions);
            for (var i = 0; i < ordered.Count; i++) ordered[i].Done.TrySetResult(counts[i]);
        }
        catch (Exception ex)
        {
            foreach (var write in ordered) write.Done.TrySetException(ex);
        }
    }

    private sealed class LedgerWrite(string key, string sql, (string Name, object? Value)[] parameters, CancellationToken cancellationToken)
    {
        public string Key { get; } = key;
        public string Sql { get; } = sql;
        public (string Name, object? Value)[] Parameters { get; } = parameters;
        public CancellationToken CancellationToken { get; } = cancellationToken;
        public TaskCompletionSource<int> Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
