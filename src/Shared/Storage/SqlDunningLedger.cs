using System.Globalization;
using Cobranca.Connectors.Abstractions;
using Cobranca.Connectors.Workflows;

namespace Cobranca.Connectors.Storage;

/// <summary><see cref="IDunningLedger"/> over one table, primary key (tenant, key), indexed by (tenant, customer).</summary>
internal sealed class SqlDunningLedger(LedgerDatabase db, string tenant) : IDunningLedger
{
    private const string Columns = "tenant, action_key, customer_id, step_key, invoice_id, scheduled_date, action, is_suspension_notice, executed_at, done, claim_owner, claim_expires";
    private const string Values = "@tenant, @key, @customer, @step, @invoice, @date, @action, @notice, @executed, @done, @owner, @expires";

    public async Task<DunningClaimStatus> TryClaimAsync(DunningLedgerEntry entry, LedgerClaim claim, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(entry);
        ArgumentNullException.ThrowIfNull(claim);
        while (true)
        {
            if (await db.ExecuteAsync($"INSERT INTO cobranca_dunning_ledger ({Columns}) VALUES ({Values}) ON CONFLICT (tenant, action_key) DO NOTHING",
                    cancellationToken, Parameters(entry, 0, claim)).ConfigureAwait(false) == 1)
                return DunningClaimStatus.Claimed;
            // Take over a claim that expired before this one was made (its worker stopped without recording the outcome).
            if (await db.ExecuteAsync("""
                    UPDATE cobranca_dunning_ledger SET claim_owner = @owner, claim_expires = @expires, executed_at = @executed
                    WHERE tenant = @tenant AND action_key = @key AND done = 0 AND claim_expires < @now
                    """, cancellationToken, ("@owner", claim.Owner), ("@expires", LedgerDatabase.Ticks(claim.ExpiresAt)),
                    ("@executed", Iso(entry.ExecutedAt)), ("@tenant", tenant), ("@key", entry.Key), ("@now", LedgerDatabase.Ticks(claim.ClaimedAt)))
                    .ConfigureAwait(false) == 1)
                return DunningClaimStatus.ClaimedUnconfirmed;
            var done = await db.QueryAsync("SELECT done FROM cobranca_dunning_ledger WHERE tenant = @tenant AND action_key = @key",
                r => r.GetInt32(0), cancellationToken, ("@tenant", tenant), ("@key", entry.Key)).ConfigureAwait(false);
            if (done.Count == 1) return done[0] == 1 ? DunningClaimStatus.AlreadyDone : DunningClaimStatus.Busy;
            // Released between the statements: try again.
        }
    }

    public async Task<bool> CompleteAsync(DunningLedgerEntry entry, LedgerClaim claim, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(entry);
        ArgumentNullException.ThrowIfNull(claim);
        return await db.ExecuteAsync("""
            UPDATE cobranca_dunning_ledger SET done = 1, claim_owner = NULL, claim_expires = NULL, executed_at = @executed,
                customer_id = @customer, action = @action, is_suspension_notice = @notice
            WHERE tenant = @tenant AND action_key = @key AND done = 0 AND claim_owner = @owner
            """, cancellationToken, ("@executed", Iso(entry.ExecutedAt)), ("@customer", entry.CustomerId), ("@action", entry.Action.ToString()),
            ("@notice", entry.IsSuspensionNotice ? 1 : 0), ("@tenant", tenant), ("@key", entry.Key), ("@owner", claim.Owner)).ConfigureAwait(false) == 1;
    }

    public Task ReleaseAsync(string key, LedgerClaim claim, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(claim);
        return db.ExecuteAsync("DELETE FROM cobranca_dunning_ledger WHERE tenant = @tenant AND action_key = @key AND done = 0 AND claim_owner = @owner",
            cancellationToken, ("@tenant", tenant), ("@key", key), ("@owner", claim.Owner));
    }

    public async Task<bool> TryRecordAsync(DunningLedgerEntry entry, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return await db.ExecuteAsync($"INSERT INTO cobranca_dunning_ledger ({Columns}) VALUES ({Values}) ON CONFLICT (tenant, action_key) DO NOTHING",
            cancellationToken, Parameters(entry, 1, null)).ConfigureAwait(false) == 1;
    }

    public async Task<IReadOnlyList<DunningLedgerEntry>> GetHistoryAsync(string customerId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(customerId);
        var rows = await db.QueryAsync("""
            SELECT customer_id, step_key, invoice_id, scheduled_date, action, is_suspension_notice, executed_at
            FROM cobranca_dunning_ledger WHERE tenant = @tenant AND customer_id = @customer AND done = 1
            """, r => new DunningLedgerEntry
        {
            CustomerId = r.GetString(0),
            StepKey = r.GetString(1),
            InvoiceId = r.GetString(2),
            ScheduledDate = DateOnly.ParseExact(r.GetString(3), "yyyy-MM-dd", CultureInfo.InvariantCulture),
            Action = Enum.Parse<DunningActionKind>(r.GetString(4)),
            IsSuspensionNotice = r.GetInt32(5) == 1,
            ExecutedAt = DateTimeOffset.ParseExact(r.GetString(6), "O", CultureInfo.InvariantCulture),
        }, cancellationToken, ("@tenant", tenant), ("@customer", customerId)).ConfigureAwait(false);
        rows.Sort(static (a, b) => a.ExecutedAt != b.ExecutedAt ? a.ExecutedAt.CompareTo(b.ExecutedAt) : string.CompareOrdinal(a.Key, b.Key));
        return rows;
    }

    private (string, object?)[] Parameters(DunningLedgerEntry entry, int done, LedgerClaim? claim) =>
    [
        ("@tenant", tenant), ("@key", entry.Key), ("@customer", entry.CustomerId), ("@step", entry.StepKey), ("@invoice", entry.InvoiceId),
        ("@date", entry.ScheduledDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)), ("@action", entry.Action.ToString()),
        ("@notice", entry.IsSuspensionNotice ? 1 : 0), ("@executed", Iso(entry.ExecutedAt)), ("@done", done),
        ("@owner", claim?.Owner), ("@expires", claim is null ? null : LedgerDatabase.Ticks(claim.ExpiresAt)),
    ];

    private static string Iso(DateTimeOffset value) => value.ToString("O", CultureInfo.InvariantCulture);
}
