using System.Runtime.CompilerServices;

namespace Cobranca.Connectors.Abstractions;

/// <summary>An <see cref="IStateStore"/> in process memory, lost on restart: for tests, samples and single-shot tools.
/// Hosts that must survive a restart take the collection from a durable ledger store instead.</summary>
public sealed class InMemoryStateStore : IStateStore
{
    private readonly SortedDictionary<string, StateEntry> _entries = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();
    private readonly TimeProvider _time;

    /// <summary>Creates an empty collection.</summary>
    /// <param name="collection">The collection's name.</param>
    /// <param name="timeProvider">The clock for <see cref="StateEntry.UpdatedAt"/> (system clock when null).</param>
    public InMemoryStateStore(string collection, TimeProvider? timeProvider = null)
    {
        Collection = StateKeys.Check(collection, nameof(collection));
        _time = timeProvider ?? TimeProvider.System;
    }

    /// <inheritdoc />
    public string Collection { get; }

    /// <summary>How many entries the collection holds.</summary>
    public int Count
    {
        get
        {
            lock (_gate) return _entries.Count;
        }
    }

    /// <inheritdoc />
    public Task<StateEntry?> GetAsync(string key, CancellationToken cancellationToken = default)
    {
        StateKeys.Check(key, nameof(key));
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate) return Task.FromResult(_entries.GetValueOrDefault(key));
    }

    /// <inheritdoc />
    public Task<bool> TryAddAsync(string key, string value, CancellationToken cancellationToken = default)
    {
        StateKeys.Check(key, nameof(key));
        ArgumentNullException.ThrowIfNull(value);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate) return Task.FromResult(_entries.TryAdd(key, new StateEntry(key, value, 1, _time.GetUtcNow())));
    }

    /// <inheritdoc />
    public Task<StateEntry?> TryUpdateAsync(string key, string value, long expectedVersion, CancellationToken cancellationToken = default)
    {
        StateKeys.Check(key, nameof(key));
        ArgumentNullException.ThrowIfNull(value);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            if (!_entries.TryGetValue(key, out var current) || current.Version != expectedVersion) return Task.FromResult<StateEntry?>(null);
            var next = new StateEntry(key, value, current.Version + 1, _time.GetUtcNow());
            _entries[key] = next;
            return Task.FromResult<StateEntry?>(next);
        }
    }

    /// <inheritdoc />
    public Task<StateEntry> SetAsync(string key, string value, CancellationToken cancellationToken = default)
    {
        StateKeys.Check(key, nameof(key));
        ArgumentNullException.ThrowIfNull(value);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            var version = _entries.TryGetValue(key, out var current) ? current.Version + 1 : 1;
            var next = new StateEntry(key, value, version, _time.GetUtcNow());
            _entries[key] = next;
            return Task.FromResult(next);
        }
    }

    /// <inheritdoc />
    public Task<bool> RemoveAsync(string key, CancellationToken cancellationToken = default)
    {
        StateKeys.Check(key, nameof(key));
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate) return Task.FromResult(_entries.Remove(key));
    }

    /// <inheritdoc />
    public async IAsyncEnumerable<StateEntry> ListAsync(string? keyPrefix = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        StateEntry[] snapshot;
        lock (_gate)
        {
            snapshot = string.IsNullOrEmpty(keyPrefix)
                ? [.. _entries.Values]
                : [.. _entries.Values.Where(e => e.Key.StartsWith(keyPrefix, StringComparison.Ordinal))];
        }
        foreach (var entry in snapshot)
        {
            cancellationToken.ThrowIfCancellationRequested();
            yield return entry;
        }
        await Task.CompletedTask.ConfigureAwait(false);
    }

    /// <inheritdoc />
    public Task<int> RemoveOlderThanAsync(DateTimeOffset updatedBefore, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            var old = _entries.Values.Where(e => e.UpdatedAt < updatedBefore).Select(e => e.Key).ToList();
            foreach (var key in old) _entries.Remove(key);
            return Task.FromResult(old.Count);
        }
    }
}
