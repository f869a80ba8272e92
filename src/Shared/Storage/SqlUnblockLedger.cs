using Cobranca.Connectors.Abstractions;
using Cobranca.Connectors.Workflows;

namespace Cobranca.Connectors.Storage;

/// <summary><see cref="IUnblockLedger"/> over one table, primary key (tenant, payment id); the entry is kept as JSON
/// beside the columns the claims and lists filter on.</summary>
internal sealed class SqlUnblockLedger(LedgerDatabase db, LedgerWriteBatcher writes, string tenant) : IUnblockLedger
{
    public async Task<bool> TryAddAsync(UnblockLedgerEntry entry, LedgerClaim? claim, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(entry);
        // Group-committed with the other payments arriving at the same time (one transaction for all of them).
        return await writes.ExecuteAsync(entry.PaymentId, """
            INSERT INTO cobranca_unblock_ledger (tenant, payment_id, status, seen_at, updated_at, claim_owner, claim_expires, entry)
            VALUES (@tenant, @payment, @status, @seen, @updated, @owner, @expires, @entry)
            ON CONFLICT (tenant, payment_id) DO NOTHING
            """, cancellationToken, ("@tenant", tenant), ("@payment", entry.PaymentId), ("@status", (int)entry.Status),
            ("@seen", LedgerDatabase.Ticks(entry.SeenAt)), ("@updated", LedgerDatabase.Ticks(entry.UpdatedAt)), ("@owner", claim?.Owner),
            ("@expires", claim is null ? null : LedgerDatabase.Ticks(claim.ExpiresAt)), ("@entry", UnblockLedgerEntryJson.Serialize(entry)))
            .ConfigureAwait(false) == 1;
    }

    public async Task<IReadOnlyList<UnblockLedgerEntry>> ClaimPendingAsync(int maxCount, LedgerClaim claim, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxCount);
        ArgumentNullException.ThrowIfNull(claim);
        var entries = await db.QueryAsync(db.ClaimPendingSql, r => UnblockLedgerEntryJson.Deserialize(r.GetString(0)), cancellationToken,
            ("@tenant", tenant), ("@owner", claim.Owner), ("@expires", LedgerDatabase.Ticks(claim.ExpiresAt)),
            ("@now", LedgerDatabase.Ticks(claim.ClaimedAt)), ("@limit", maxCount)).ConfigureAwait(false);
        entries.Sort(static (a, b) => a.UpdatedAt != b.UpdatedAt ? a.UpdatedAt.CompareTo(b.UpdatedAt) : string.CompareOrdinal(a.PaymentId, b.PaymentId));
        return entries;
    }

    public async Task<bool> SaveAttemptAsync(UnblockLedgerEntry entry, LedgerClaim claim, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(entry);
        ArgumentNullException.ThrowIfNull(claim);
        return await writes.ExecuteAsync(entry.PaymentId, """
            UPDATE cobranca_unblock_ledger SET status = @status, updated_at = @updated, entry = @entry, claim_owner = NULL, claim_expires = NULL
            WHERE tenant = @tenant AND payment_id = @payment AND claim_owner = @owner
            """, cancellationToken, ("@status", (int)entry.Status), ("@updated", LedgerDatabase.Ticks(entry.UpdatedAt)),
            ("@entry", UnblockLedgerEntryJson.Serialize(entry)), ("@tenant", tenant), ("@payment", entry.PaymentId), ("@owner", claim.Owner))
            .ConfigureAwait(false) == 1;
    }

    public async Task<UnblockLedgerEntry?> GetAsync(string paymentId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(paymentId);
        var rows = await db.QueryAsync("SELECT entry FROM cobranca_unblock_ledger WHERE tenant = @tenant AND payment_id = @payment",
            r => UnblockLedgerEntryJson.Deserialize(r.GetString(0)), cancellationToken, ("@tenant", tenant), ("@payment", paymentId)).ConfigureAwait(false);
        return rows.Count == 0 ? null : rows[0];
    }

    public async Task<IReadOnlyList<UnblockLedgerEntry>> ListPendingAsync(CancellationToken cancellationToken = default) =>
        await db.QueryAsync("SELECT entry FROM cobranca_unblock_ledger WHERE tenant = @tenant AND status = 0 ORDER BY seen_at, payment_id",
            r => UnblockLedgerEntryJson.Deserialize(r.GetString(0)), cancellationToken, ("@tenant", tenant)).ConfigureAwait(false);
}
