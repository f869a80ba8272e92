namespace Cobranca.Connectors.Abstractions;

/// <summary>
/// One tenant's collection of small documents (usually JSON) by key, with optimistic concurrency: the durable state of
/// a feature that is not a ledger of its own (WhatsApp service windows and webhook dedupe, bot conversations, Pix
/// Automático enrolments, boleto references). Obtained from a ledger store (<c>ILedgerStore.GetStateStore</c> in the
/// Workflows package: in memory, SQLite or PostgreSQL) or created directly as an <see cref="InMemoryStateStore"/>.
/// </summary>
/// <remarks>
/// Every operation is atomic on its own. Keys are compared ordinally and are at most <see cref="MaxKeyLength"/>
/// characters. Values should stay small (kilobytes); never store secrets, and personal data only when the feature needs it.
/// </remarks>
public interface IStateStore
{
    /// <summary>The longest key (and collection name) accepted.</summary>
    const int MaxKeyLength = 200;

    /// <summary>The collection's name (lower-case and dotted by convention, e.g. <c>whatsapp.window</c>).</summary>
    string Collection { get; }

    /// <summary>The entry stored under <paramref name="key"/>, or null.</summary>
    /// <param name="key">The key.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    Task<StateEntry?> GetAsync(string key, CancellationToken cancellationToken = default);

    /// <summary>Inserts the entry when the key is absent (its <see cref="StateEntry.Version"/> is then 1). Returns false,
    /// writing nothing, when the key exists: use it to claim something exactly once.</summary>
    /// <param name="key">The key.</param>
    /// <param name="value">The document.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    Task<bool> TryAddAsync(string key, string value, CancellationToken cancellationToken = default);

    /// <summary>Replaces the document when the stored version equals <paramref name="expectedVersion"/>; returns the new
    /// entry (version + 1), or null when the key is missing or someone else wrote first (re-read and decide again).</summary>
    /// <param name="key">The key.</param>
    /// <param name="value">The new document.</param>
    /// <param name="expectedVersion">The version read before.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    Task<StateEntry?> TryUpdateAsync(string key, string value, long expectedVersion, CancellationToken cancellationToken = default);

    /// <summary>Inserts or replaces the document unconditionally; returns the stored entry.</summary>
    /// <param name="key">The key.</param>
    /// <param name="value">The document.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    Task<StateEntry> SetAsync(string key, string value, CancellationToken cancellationToken = default);

    /// <summary>Removes the entry; false when there was none.</summary>
    /// <param name="key">The key.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    Task<bool> RemoveAsync(string key, CancellationToken cancellationToken = default);

    /// <summary>The entries whose key starts with <paramref name="keyPrefix"/> (all when null or empty), in ordinal key
    /// order, read page by page.</summary>
    /// <param name="keyPrefix">The key prefix, or null.</param>
    /// <param name="cancellationToken">Cancels the enumeration.</param>
    IAsyncEnumerable<StateEntry> ListAsync(string? keyPrefix = null, CancellationToken cancellationToken = default);

    /// <summary>Removes the entries last written before <paramref name="updatedBefore"/> (e.g. webhook ids older than a
    /// week); returns how many.</summary>
    /// <param name="updatedBefore">The cut-off instant.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    Task<int> RemoveOlderThanAsync(DateTimeOffset updatedBefore, CancellationToken cancellationToken = default);
}
