namespace Cobranca.Connectors.Workflows;

/// <summary>
/// Durable record of the payments <see cref="PaymentToUnblock"/> has seen: dedupes redelivered payments by
/// <see cref="UnblockLedgerEntry.PaymentId"/> and keeps pending unblocks until <see cref="PaymentToUnblock.RetryPendingAsync"/>
/// completes them. <see cref="InMemoryUnblockLedger"/> is the default; back it with a database table in production so
/// a restart loses nothing.
/// </summary>
public interface IUnblockLedger
{
    /// <summary>Adds <paramref name="entry"/> unless an entry with the same payment id exists (atomically).</summary>
    /// <param name="entry">The new entry.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>True when added; false when the payment was already known.</returns>
    Task<bool> TryAddAsync(UnblockLedgerEntry entry, CancellationToken cancellationToken = default);

    /// <summary>Replaces the entry with the same payment id.</summary>
    /// <param name="entry">The updated entry.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    Task UpdateAsync(UnblockLedgerEntry entry, CancellationToken cancellationToken = default);

    /// <summary>The entry of a payment, or null.</summary>
    /// <param name="paymentId">The payment id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    Task<UnblockLedgerEntry?> GetAsync(string paymentId, CancellationToken cancellationToken = default);

    /// <summary>Every entry still <see cref="UnblockStatus.Pending"/>, oldest <see cref="UnblockLedgerEntry.SeenAt"/> first.</summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    Task<IReadOnlyList<UnblockLedgerEntry>> ListPendingAsync(CancellationToken cancellationToken = default);
}
