namespace Cobranca.Connectors.Pix;

/// <summary>
/// Remembers which payments (by <c>endToEndId</c>) were already raised as <c>PaymentReceived</c>, so a callback
/// delivered twice, a callback plus the reconciliation poller, or two instances of your service raise it once.
/// Implement it over your database (a unique key on the e2eid) for durability across restarts and machines;
/// <see cref="InMemoryPixPaymentStore"/> is the single-process default.
/// </summary>
public interface IPixPaymentStore
{
    /// <summary>Atomically claims <paramref name="endToEndId"/>: true for the first caller, false if already claimed.</summary>
    /// <param name="endToEndId">The payment's end-to-end id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    ValueTask<bool> TryClaimAsync(string endToEndId, CancellationToken cancellationToken = default);

    /// <summary>Undoes a claim when raising the event failed, so a later delivery or poll retries it.</summary>
    /// <param name="endToEndId">The payment's end-to-end id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    ValueTask ReleaseAsync(string endToEndId, CancellationToken cancellationToken = default);
}
