namespace Cobranca.Connectors.Abstractions;

/// <summary>
/// Remembers which payments were already raised as <see cref="PaymentReceived"/> (by their provider id, e.g. a Pix
/// <c>endToEndId</c>), so a callback delivered twice, a callback plus a reconciliation poller, or two instances of a
/// service raise each payment once. Claim → raise → <see cref="CompleteAsync"/>; on failure
/// <see cref="ReleaseAsync"/>; a worker that crashes in between leaves a claim that expires, and the next delivery or
/// poll raises the payment (at least once: the consumer, e.g. <c>PaymentToUnblock</c>, dedupes again by payment id).
/// </summary>
/// <remarks>Implementations: <see cref="InMemoryProcessedPaymentLedger"/> (one process), and the SQLite and PostgreSQL
/// stores (restarts and several workers).</remarks>
public interface IProcessedPaymentLedger
{
    /// <summary>Claims <paramref name="paymentId"/> when it was never completed and no unexpired claim holds it (atomically).</summary>
    /// <param name="paymentId">The provider's payment id.</param>
    /// <param name="claim">The claim to take.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>True when this caller now holds it; false when it was completed, or another worker holds it.</returns>
    Task<bool> TryClaimAsync(string paymentId, LedgerClaim claim, CancellationToken cancellationToken = default);

    /// <summary>Marks the payment as raised for good.</summary>
    /// <param name="paymentId">The provider's payment id.</param>
    /// <param name="claim">The claim taken by <see cref="TryClaimAsync"/>.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>True when recorded; false when the claim had lapsed and another worker completed the payment meanwhile.</returns>
    Task<bool> CompleteAsync(string paymentId, LedgerClaim claim, CancellationToken cancellationToken = default);

    /// <summary>Gives the claim back (raising failed), so a later delivery or poll retries at once.</summary>
    /// <param name="paymentId">The provider's payment id.</param>
    /// <param name="claim">The claim taken by <see cref="TryClaimAsync"/>; a claim held by someone else is left alone.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    Task ReleaseAsync(string paymentId, LedgerClaim claim, CancellationToken cancellationToken = default);

    /// <summary>True when the payment was completed.</summary>
    /// <param name="paymentId">The provider's payment id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    Task<bool> IsCompletedAsync(string paymentId, CancellationToken cancellationToken = default);
}
