using Cobranca.Connectors.Abstractions;

namespace Cobranca.Connectors.Storage;

/// <summary><see cref="IProcessedPaymentLedger"/> over one table, primary key (tenant, payment id).</summary>
internal sealed class SqlProcessedPaymentLedger(LedgerDatabase db, string tenant) : IProcessedPaymentLedger
{
    public async Task<bool> TryClaimAsync(string paymentId, LedgerClaim claim, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(paymentId);
        ArgumentNullException.ThrowIfNull(claim);
        if (await db.ExecuteAsync("""
                INSERT INTO cobranca_processed_payments (tenant, payment_id, done, claim_owner, claim_expires)
                VALUES (@tenant, @payment, 0, @owner, @expires) ON CONFLICT (tenant, payment_id) DO NOTHING
                """, cancellationToken, ("@tenant", tenant), ("@payment", paymentId), ("@owner", claim.Owner),
                ("@expires", LedgerDatabase.Ticks(claim.ExpiresAt))).ConfigureAwait(false) == 1)
            return true;
        return await db.ExecuteAsync("""
            UPDATE cobranca_processed_payments SET claim_owner = @owner, claim_expires = @expires
            WHERE tenant = @tenant AND payment_id = @payment AND done = 0 AND claim_expires < @now
            """, cancellationToken, ("@owner", claim.Owner), ("@expires", LedgerDatabase.Ticks(claim.ExpiresAt)), ("@tenant", tenant),
            ("@payment", paymentId), ("@now", LedgerDatabase.Ticks(claim.ClaimedAt))).ConfigureAwait(false) == 1;
    }

    public async Task<bool> CompleteAsync(string paymentId, LedgerClaim claim, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(paymentId);
        ArgumentNullException.ThrowIfNull(claim);
        if (await db.ExecuteAsync("""
                UPDATE cobranca_processed_payments SET done = 1, claim_owner = NULL, claim_expires = NULL, completed_at = @now
                WHERE tenant = @tenant AND payment_id = @payment AND done = 0 AND claim_owner = @owner
                """, cancellationToken, ("@now", LedgerDatabase.Ticks(DateTimeOffset.UtcNow)), ("@tenant", tenant), ("@payment", paymentId),
                ("@owner", claim.Owner)).ConfigureAwait(false) == 1)
            return true;
        // No row at all (released meanwhile): record it; a row held by someone else or completed: false.
        return await db.ExecuteAsync("""
            INSERT INTO cobranca_processed_payments (tenant, payment_id, done, completed_at) VALUES (@tenant, @payment, 1, @now)
            ON CONFLICT (tenant, payment_id) DO NOTHING
            """, cancellationToken, ("@tenant", tenant), ("@payment", paymentId), ("@now", LedgerDatabase.Ticks(DateTimeOffset.UtcNow)))
            .ConfigureAwait(false) == 1;
    }

    public Task ReleaseAsync(string paymentId, LedgerClaim claim, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(paymentId);
        ArgumentNullException.ThrowIfNull(claim);
        return db.ExecuteAsync("DELETE FROM cobranca_processed_payments WHERE tenant = @tenant AND payment_id = @payment AND done = 0 AND claim_owner = @owner",
            cancellationToken, ("@tenant", tenant), ("@payment", paymentId), ("@owner", claim.Owner));
    }

    public async Task<bool> IsCompletedAsync(string paymentId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(paymentId);
        var rows = await db.QueryAsync("SELECT done FROM cobranca_processed_payments WHERE tenant = @tenant AND payment_id = @payment",
            r => r.GetInt32(0), cancellationToken, ("@tenant", tenant), ("@payment", paymentId)).ConfigureAwait(false);
        return rows.Count == 1 && rows[0] == 1;
    }
}
