using Cobranca.Connectors.Abstractions;

namespace Cobranca.Connectors.Workflows;

/// <summary>
/// Durable record of dunning actions: what makes a re-run (the same day, later, or on another worker) repeat nothing,
/// and where the date of the suspension notice is kept for the RGC 15-day guard. The runner claims an action
/// (<see cref="TryClaimAsync"/>) before executing it, then completes or releases the claim; two workers never execute
/// the same action, and a crashed worker's claim expires and is reported as unconfirmed to whoever takes it over.
/// </summary>
/// <remarks>Implementations: <see cref="InMemoryDunningLedger"/> (tests and demos), and the SQLite and PostgreSQL stores
/// (<c>Cobranca.Connectors.Storage.*</c>). Keep entries only as long as needed (LGPD).</remarks>
public interface IDunningLedger
{
    /// <summary>Claims the action <paramref name="entry"/> describes (by <see cref="DunningLedgerEntry.Key"/>), atomically.</summary>
    /// <param name="entry">The action about to be executed (its <see cref="DunningLedgerEntry.ExecutedAt"/> is the claim time).</param>
    /// <param name="claim">The claim to take.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>Whether this caller may execute it, and whether an earlier attempt's outcome is unknown.</returns>
    Task<DunningClaimStatus> TryClaimAsync(DunningLedgerEntry entry, LedgerClaim claim, CancellationToken cancellationToken = default);

    /// <summary>Records the claimed action as executed (it then shows in <see cref="GetHistoryAsync"/>).</summary>
    /// <param name="entry">The executed action.</param>
    /// <param name="claim">The claim taken by <see cref="TryClaimAsync"/>.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>True when recorded; false when the claim had lapsed and another worker took the action over.</returns>
    Task<bool> CompleteAsync(DunningLedgerEntry entry, LedgerClaim claim, CancellationToken cancellationToken = default);

    /// <summary>Gives a claim back without recording (the action failed and was not done): the next run retries it.</summary>
    /// <param name="key">The action's <see cref="DunningLedgerEntry.Key"/>.</param>
    /// <param name="claim">The claim taken by <see cref="TryClaimAsync"/>; a claim held by someone else is left alone.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    Task ReleaseAsync(string key, LedgerClaim claim, CancellationToken cancellationToken = default);

    /// <summary>Records an executed action without a claim, unless its key is already recorded (atomically).</summary>
    /// <param name="entry">The action.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>True when recorded; false when the key existed (recorded or claimed).</returns>
    Task<bool> TryRecordAsync(DunningLedgerEntry entry, CancellationToken cancellationToken = default);

    /// <summary>Every executed action of a customer, by execution time then key (claims in flight are not included).
    /// Indexed by customer in every store.</summary>
    /// <param name="customerId">The customer.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    Task<IReadOnlyList<DunningLedgerEntry>> GetHistoryAsync(string customerId, CancellationToken cancellationToken = default);
}
