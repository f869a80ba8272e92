using System.Runtime.CompilerServices;

namespace Cobranca.Connectors.Abstractions;

/// <summary>Process-local <see cref="IStateStore"/> (tests, samples, single-shot tools).</summary>
public sealed class InMemoryStateStore : IStateStore
{
    private readonly Dictionary<string, StateEntry> _entries = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();
    private readonly TimeProvider _time;

    /// <summary>Creates a store.</summary>
    /// <param name="collection">Collection name.</param>
    /// <param name="timeProvider">Clock.</param>
    public InMemoryStateStore(string collection, TimeProvider? timeProvider = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(collection);
        Collection = collection;
        _time = timeProvider ?? TimeProvider.System;
    }

    /// <inheritdoc />
    public string Collection { get; }

    /// <inheritdoc />
    public Task<StateEntry?> GetAsync(string key, CancellationToken cancellationToken = default)
    {
        lock (_gate) return Task.FromResult(_entries.TryGetValue(key, out var e) ? e : null);
    }

    /// <inheritdoc />
    public Task<bool> TryAddAsync(string key, string value, CancellationToken cancellationToken = default)
    {
        lock (_gate) return Task.FromResult(_entries.TryAdd(key, new StateEntry(key, value, 1, _time.GetUtcNow())));
    }

    /// <inheritdoc />
    public Task<StateEntry?> TryUpdateAsync(string key, string value, long expectedVersion, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            if (!_entries.TryGetValue(key, out var e) || e.Version != expectedVersion) return Task.FromResult<StateEntry?>(null);
            var updated = new StateEntry(key, value, e.Version + 1, _time.GetUtcNow());
            _entries[key] = updated;
            return Task.FromResult<StateEntry?>(updated);
        }
    }

    /// <inheritdoc />
    public Task<StateEntry> SetAsync(string key, string value, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            var version = _entries.TryGetValue(key, out var e) ? e.Version + 1 : 1;
            var updated = new StateEntry(key, value, version, _time.GetUtcNow());
            _entries[key] = updated;
            return Task.FromResult(updated);
        }
    }

    /// <inheritdoc />
    public Task<bool> RemoveAsync(string key, CancellationToken cancellationToken = default)
    {
        lock (_gate) return Task.FromResult(_entries.Remove(key));
    }

    /// <inheritdoc />
    public async IAsyncEnumerable<StateEntry> ListAsync(string? keyPrefix = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        StateEntry[] snapshot;
        lock (_gate)
        {
            snapshot = [.. _entries.Values.Where(e => keyPrefix is null || e.Key.StartsWith(keyPrefix, StringComparison.Ordinal))
                .OrderBy(e => e.Key, StringComparer.Ordinal)];
        }

        foreach (var e in snapshot)
        {
            cancellationToken.ThrowIfCancellationRequested();
            yield return e;
        }

        await Task.CompletedTask.ConfigureAwait(false);
    }

    /// <inheritdoc />
    public Task<int> RemoveOlderThanAsync(DateTimeOffset updatedBefore, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            var old = _entries.Values.Where(e => e.UpdatedAt < updatedBefore).Select(e => e.Key).ToList();
            foreach (var k in old) _entries.Remove(k);
            return Task.FromResult(old.Count);
        }
    }
}
