using Cobranca.Connectors.Abstractions;

namespace Cobranca.Connectors.Pix.Tests.Billing;

/// <summary>
/// A state store that fails a chosen write before it happens (a process killed at that point): reads pass through,
/// and <see cref="FailOn"/> decides per write (operation, key, value).
/// </summary>
internal sealed class FailingStateStore(IStateStore inner) : IStateStore
{
    public Func<string, string, string, bool> FailOn { get; init; } = (_, _, _) => false;

    public string Collection => inner.Collection;

    public Task<StateEntry?> GetAsync(string key, CancellationToken cancellationToken = default) => inner.GetAsync(key, cancellationToken);

    public Task<bool> TryAddAsync(string key, string value, CancellationToken cancellationToken = default)
    {
        Check("add", key, value);
        return inner.TryAddAsync(key, value, cancellationToken);
    }

    public Task<StateEntry?> TryUpdateAsync(string key, string value, long expectedVersion, CancellationToken cancellationToken = default)
    {
        Check("update", key, value);
        return inner.TryUpdateAsync(key, value, expectedVersion, cancellationToken);
    }

    public Task<StateEntry> SetAsync(string key, string value, CancellationToken cancellationToken = default)
    {
        Check("set", key, value);
        return inner.SetAsync(key, value, cancellationToken);
    }

    public Task<bool> RemoveAsync(string key, CancellationToken cancellationToken = default)
    {
        Check("remove", key, string.Empty);
        return inner.RemoveAsync(key, cancellationToken);
    }

    public IAsyncEnumerable<StateEntry> ListAsync(string? keyPrefix = null, CancellationToken cancellationToken = default) => inner.ListAsync(keyPrefix, cancellationToken);

    public Task<int> RemoveOlderThanAsync(DateTimeOffset updatedBefore, CancellationToken cancellationToken = default) =>
        inner.RemoveOlderThanAsync(updatedBefore, cancellationToken);

    private void Check(string operation, string key, string value)
    {
        if (FailOn(operation, key, value)) throw new IOException($"simulated crash before {operation} {key}");
    }
}
