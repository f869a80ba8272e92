// TEMPORARY: the IStateStore contract exactly as /coord STATESTORE.md describes it, until it lands on main
// (Cobranca.Connectors.Abstractions). Deleted by the merge of main.
using System.Collections.Concurrent;
using System.Runtime.CompilerServices;

namespace Cobranca.Connectors.Abstractions;

public interface IStateStore
{
    string Collection { get; }
    Task<StateEntry?> GetAsync(string key, CancellationToken cancellationToken = default);
    Task<bool> TryAddAsync(string key, string value, CancellationToken cancellationToken = default);
    Task<StateEntry?> TryUpdateAsync(string key, string value, long expectedVersion, CancellationToken cancellationToken = default);
    Task<StateEntry> SetAsync(string key, string value, CancellationToken cancellationToken = default);
    Task<bool> RemoveAsync(string key, CancellationToken cancellationToken = default);
    IAsyncEnumerable<StateEntry> ListAsync(string? keyPrefix = null, CancellationToken cancellationToken = default);
    Task<int> RemoveOlderThanAsync(DateTimeOffset updatedBefore, CancellationToken cancellationToken = default);
}

public sealed record StateEntry(string Key, string Value, long Version, DateTimeOffset UpdatedAt);

public sealed class InMemoryStateStore : IStateStore
{
    private readonly ConcurrentDictionary<string, StateEntry> _entries = new(StringComparer.Ordinal);
    private readonly TimeProvider _time;
    private readonly object _gate = new();

    public InMemoryStateStore(string collection, TimeProvider? timeProvider = null)
    {
        Collection = collection;
        _time = timeProvider ?? TimeProvider.System;
    }

    public string Collection { get; }

    public Task<StateEntry?> GetAsync(string key, CancellationToken cancellationToken = default) =>
        Task.FromResult(_entries.TryGetValue(key, out var e) ? e : null);

    public Task<bool> TryAddAsync(string key, string value, CancellationToken cancellationToken = default) =>
        Task.FromResult(_entries.TryAdd(key, new StateEntry(key, value, 1, _time.GetUtcNow())));

    public Task<StateEntry?> TryUpdateAsync(string key, string value, long expectedVersion, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            if (!_entries.TryGetValue(key, out var e) || e.Version != expectedVersion) return Task.FromResult<StateEntry?>(null);
            var n = new StateEntry(key, value, e.Version + 1, _time.GetUtcNow());
            _entries[key] = n;
            return Task.FromResult<StateEntry?>(n);
        }
    }

    public Task<StateEntry> SetAsync(string key, string value, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            var n = new StateEntry(key, value, _entries.TryGetValue(key, out var e) ? e.Version + 1 : 1, _time.GetUtcNow());
            _entries[key] = n;
            return Task.FromResult(n);
        }
    }

    public Task<bool> RemoveAsync(string key, CancellationToken cancellationToken = default) => Task.FromResult(_entries.TryRemove(key, out _));

    public async IAsyncEnumerable<StateEntry> ListAsync(string? keyPrefix = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await Task.Yield();
        foreach (var e in _entries.Values.Where(e => keyPrefix is null || e.Key.StartsWith(keyPrefix, StringComparison.Ordinal)).OrderBy(e => e.Key, StringComparer.Ordinal))
            yield return e;
    }

    public Task<int> RemoveOlderThanAsync(DateTimeOffset updatedBefore, CancellationToken cancellationToken = default)
    {
        var n = 0;
        foreach (var e in _entries.Values.Where(e => e.UpdatedAt < updatedBefore).ToList()) if (_entries.TryRemove(e.Key, out _)) n++;
        return Task.FromResult(n);
    }
}
