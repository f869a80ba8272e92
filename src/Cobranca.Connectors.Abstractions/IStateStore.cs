namespace Cobranca.Connectors.Abstractions;

/// <summary>One tenant's collection of small JSON documents by key, with optimistic concurrency.</summary>
public interface IStateStore
{
    /// <summary>The collection name.</summary>
    string Collection { get; }

    /// <summary>The entry, or null.</summary>
    /// <param name="key">Key.</param>
    /// <param name="cancellationToken">Cancels.</param>
    Task<StateEntry?> GetAsync(string key, CancellationToken cancellationToken = default);

    /// <summary>Inserts when absent (Version 1). False, nothing written, when the key exists.</summary>
    /// <param name="key">Key.</param>
    /// <param name="value">JSON value.</param>
    /// <param name="cancellationToken">Cancels.</param>
    Task<bool> TryAddAsync(string key, string value, CancellationToken cancellationToken = default);

    /// <summary>Replaces when the stored Version equals expectedVersion; returns the new entry, or null.</summary>
    /// <param name="key">Key.</param>
    /// <param name="value">JSON value.</param>
    /// <param name="expectedVersion">Version read.</param>
    /// <param name="cancellationToken">Cancels.</param>
    Task<StateEntry?> TryUpdateAsync(string key, string value, long expectedVersion, CancellationToken cancellationToken = default);

    /// <summary>Insert or replace unconditionally.</summary>
    /// <param name="key">Key.</param>
    /// <param name="value">JSON value.</param>
    /// <param name="cancellationToken">Cancels.</param>
    Task<StateEntry> SetAsync(string key, string value, CancellationToken cancellationToken = default);

    /// <summary>Removes the entry.</summary>
    /// <param name="key">Key.</param>
    /// <param name="cancellationToken">Cancels.</param>
    Task<bool> RemoveAsync(string key, CancellationToken cancellationToken = default);

    /// <summary>Entries whose key starts with keyPrefix (all when null), ordered by key (ordinal).</summary>
    /// <param name="keyPrefix">Prefix.</param>
    /// <param name="cancellationToken">Cancels.</param>
    IAsyncEnumerable<StateEntry> ListAsync(string? keyPrefix = null, CancellationToken cancellationToken = default);

    /// <summary>Removes entries last written before updatedBefore.</summary>
    /// <param name="updatedBefore">Cut-off.</param>
    /// <param name="cancellationToken">Cancels.</param>
    Task<int> RemoveOlderThanAsync(DateTimeOffset updatedBefore, CancellationToken cancellationToken = default);
}
