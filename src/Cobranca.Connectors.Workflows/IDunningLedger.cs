namespace Cobranca.Connectors.Workflows;

/// <summary>
/// Durable record of executed dunning actions: what makes a re-run (the same day or later) repeat nothing, and where
/// the date of the suspension notice is kept for the RGC 15-day guard. <see cref="InMemoryDunningLedger"/> is the
/// default; back it with a database table in production (and keep it only as long as needed: LGPD).
/// </summary>
public interface IDunningLedger
{
    /// <summary>Records an executed action unless its <see cref="DunningLedgerEntry.Key"/> is already there (atomically).</summary>
    /// <param name="entry">The action.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>True when recorded; false when the key existed.</returns>
    Task<bool> TryRecordAsync(DunningLedgerEntry entry, CancellationToken cancellationToken = default);

    /// <summary>Every recorded action of a customer.</summary>
    /// <param name="customerId">The customer.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    Task<IReadOnlyList<DunningLedgerEntry>> GetHistoryAsync(string customerId, CancellationToken cancellationToken = default);
}
