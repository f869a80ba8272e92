using Cobranca.Connectors.Abstractions;

namespace Cobranca.Connectors.Workflows;

/// <summary>
/// Durable record of the payments <see cref="PaymentToUnblock"/> has seen: dedupes redelivered payments by
/// <see cref="UnblockLedgerEntry.PaymentId"/> and keeps pending unblocks until <see cref="PaymentToUnblock.RetryPendingAsync"/>
/// completes them. A payment is worked under a <see cref="LedgerClaim"/>: added already claimed by the worker that
/// received it, or claimed from the pending ones by a retry pass; a crashed worker's claim expires and the next retry
/// pass (on any worker) takes it over, resuming where it stopped (<see cref="UnblockLedgerEntry.CompletedSteps"/>).
/// </summary>
/// <remarks>Implementations: <see cref="InMemoryUnblockLedger"/> (tests and demos), and the SQLite and PostgreSQL stores
/// (<c>Cobranca.Connectors.Storage.*</c>).</remarks>
public interface IUnblockLedger
{
    /// <summary>Adds <paramref name="entry"/> unless an entry with the same payment id exists (atomically), held by
    /// <paramref name="claim"/> when one is given.</summary>
    /// <param name="entry">The new entry.</param>
    /// <param name="claim">The claim the adding worker holds while it works the payment, or null.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>True when added; false when the payment was already known.</returns>
    Task<bool> TryAddAsync(UnblockLedgerEntry entry, LedgerClaim? claim, CancellationToken cancellationToken = default);

    /// <summary>Claims up to <paramref name="maxCount"/> <see cref="UnblockStatus.Pending"/> entries that no unexpired
    /// claim holds, least recently attempted (<see cref="UnblockLedgerEntry.UpdatedAt"/>) first, so payments that stay
    /// pending do not starve newer ones. Two callers never get the same entry.</summary>
    /// <param name="maxCount">The most entries to claim (1 or more).</param>
    /// <param name="claim">The claim to take on each of them.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    Task<IReadOnlyList<UnblockLedgerEntry>> ClaimPendingAsync(int maxCount, LedgerClaim claim, CancellationToken cancellationToken = default);

    /// <summary>Stores the result of an attempt (<paramref name="entry"/> replaces the entry with the same payment id)
    /// and releases the claim.</summary>
    /// <param name="entry">The updated entry.</param>
    /// <param name="claim">The claim the attempt held.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>True when stored; false when the claim had lapsed and another worker holds the payment now (nothing stored).</returns>
    Task<bool> SaveAttemptAsync(UnblockLedgerEntry entry, LedgerClaim claim, CancellationToken cancellationToken = default);

    /// <summary>The entry of a payment, or null.</summary>
    /// <param name="paymentId">The payment id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    Task<UnblockLedgerEntry?> GetAsync(string paymentId, CancellationToken cancellationToken = default);

    /// <summary>Every entry still <see cref="UnblockStatus.Pending"/> (claimed or not), oldest <see cref="UnblockLedgerEntry.SeenAt"/> first.</summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    Task<IReadOnlyList<UnblockLedgerEntry>> ListPendingAsync(CancellationToken cancellationToken = default);
}
