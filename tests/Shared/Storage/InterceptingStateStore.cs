using Cobranca.Connectors.Abstractions;

namespace Cobranca.Connectors.Tests.Shared;

/// <summary>
/// A state store that runs <paramref name="beforeWrite"/> before each write (operation <c>add</c>, <c>update</c>,
/// <c>set</c> or <c>remove</c>, the key, the value — empty for a remove) and writes only when it returns: throw there to
/// fail the write, or never return to hang the process at that point (a test then kills it). Reads pass through.
/// </summary>
internal sealed class InterceptingStateStore(IStateStore inner, Func<string, string, string, CancellationToken, Task> beforeWrite) : IStateStore
{
    public string Collection => inner.Collection;

    public Task<StateEntry?> GetAsync(string key, CancellationToken cancellationToken = default) => inner.GetAsync(key, cancellationToken);

    public async Task<bool> TryAddAsync(string key, string value, CancellationToken cancellationToken = default)
    {
        await beforeWrite("add", key, value, cancellationToken);
        return await inner.TryAddAsync(key, value, cancellationToken);
    }

    public async Task<StateEntry?> TryUpdateAsync(string key, string value, long expectedVersion, CancellationToken cancellationToken = default)
    {
        await beforeWrite("update", key, value, cancellationToken);
        return await inner.TryUpdateAsync(key, value, expectedVersion, cancellationToken);
    }

    public async Task<StateEntry> SetAsync(string key, string value, CancellationToken cancellationToken = default)
    {
        await beforeWrite("set", key, value, cancellationToken);
        return await inner.SetAsync(key, value, cancellationToken);
    }

    public async Task<bool> RemoveAsync(string key, CancellationToken cancellationToken = default)
    {
        await beforeWrite("remove", key, string.Empty, cancellationToken);
        return await inner.RemoveAsync(key, cancellationToken);
    }

    public IAsyncEnumerable<StateEntry> ListAsync(string? keyPrefix = null, CancellationToken cancellationToken = default) => inner.ListAsync(keyPrefix, cancellationToken);

    public Task<int> RemoveOlderThanAsync(DateTimeOffset updatedBefore, CancellationToken cancellationToken = default) =>
        inner.RemoveOlderThanAsync(updatedBefore, cancellationToken);
}
