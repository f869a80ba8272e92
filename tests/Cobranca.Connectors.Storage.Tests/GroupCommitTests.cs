using Cobranca.Connectors.Abstractions;
using Cobranca.Connectors.Storage.PostgreSql;
using Cobranca.Connectors.Storage.Sqlite;
using Cobranca.Connectors.Workflows;

namespace Cobranca.Connectors.Storage.Tests;

/// <summary>
/// Issue 19: a burst of payments' ledger writes is group-committed (far fewer transactions than statements) while each
/// statement keeps its own answer: one insert per payment id wins, a save with a lapsed claim stores nothing.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class GroupCommitTests(PostgresServer postgres) : IDisposable
{
    private static readonly DateTimeOffset T0 = new(2026, 3, 2, 12, 0, 0, TimeSpan.FromHours(-3));
    private readonly string _dir = Directory.CreateTempSubdirectory("cobranca-gc-").FullName;
    private readonly string _tenant = "g" + Guid.NewGuid().ToString("N")[..10];

    public static TheoryData<string> DurableKinds => new() { "sqlite", "postgresql" };

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { Directory.Delete(_dir, recursive: true); } catch (IOException) { }
    }

    private static UnblockLedgerEntry Payment(string id) => new()
    {
        Payment = new PaymentReceived { PaymentId = id, Source = "pix", Amount = 99.90m, PaidAt = T0, InvoiceId = "F" + id },
        Status = UnblockStatus.Pending, SeenAt = T0, RestoreDeadline = T0.AddDays(1), UpdatedAt = T0, Message = "Received.",
    };

    [Theory, MemberData(nameof(DurableKinds))]
    public async Task A_burst_of_inserts_and_saves_is_group_committed_and_each_keeps_its_own_answer(string kind)
    {
        var sqlite = kind == "sqlite" ? new SqliteLedgerStore(new SqliteLedgerStoreOptions { Path = Path.Combine(_dir, "c.db") }) : null;
        using var pg = kind == "postgresql" ? new PostgreSqlLedgerStore(new PostgreSqlLedgerStoreOptions { ConnectionString = postgres.ConnectionString }) : null;
        ILedgerStore store = (ILedgerStore?)sqlite ?? pg!;
        Func<long> transactions = sqlite is not null ? () => sqlite.Writes.Transactions : () => pg!.Writes.Transactions;
        await store.MigrateAsync();
        var ledger = store.GetUnblockLedger(_tenant);
        var claim = new LedgerClaim("w1", T0, T0.AddMinutes(5));
        var ids = Enumerable.Range(0, 300).Select(i => "P" + i.ToString("000", System.Globalization.CultureInfo.InvariantCulture)).ToList();
        var before = transactions();

        // Every payment delivered twice at once: 600 inserts, exactly one per id wins (queued while the first transaction runs).
        var added = await Task.WhenAll(ids.Concat(ids).Select(id => ledger.TryAddAsync(Payment(id), claim)));
        Assert.Equal(300, added.Count(a => a));
        var afterInserts = transactions();
        Assert.True(afterInserts - before < 600 / 4, $"{afterInserts - before} transactions for 600 inserts");

        // Saves: the holder's land, a stranger's (claim not held) store nothing.
        var stranger = new LedgerClaim("w2", T0, T0.AddMinutes(5));
        var saved = await Task.WhenAll(ids.Select((id, i) =>
            ledger.SaveAttemptAsync(Payment(id) with { Status = UnblockStatus.Restored, Attempts = 1 }, i % 3 == 0 ? stranger : claim)));
        Assert.Equal(ids.Count(id => int.Parse(id[1..], System.Globalization.CultureInfo.InvariantCulture) % 3 != 0), saved.Count(s => s));
        Assert.True(transactions() - afterInserts < 300 / 4, $"{transactions() - afterInserts} transactions for 300 saves");
        Assert.Equal(UnblockStatus.Restored, (await ledger.GetAsync("P001"))!.Status);
        Assert.Equal(UnblockStatus.Pending, (await ledger.GetAsync("P000"))!.Status);

        // A second delivery of everything, from many threads, writes nothing.
        Assert.DoesNotContain(await Task.WhenAll(ids.Select(id => Task.Run(() => ledger.TryAddAsync(Payment(id), claim)))), a => a);
        Assert.Equal(UnblockStatus.Restored, (await ledger.GetAsync("P001"))!.Status);
    }

    [Fact]
    public async Task A_write_cancelled_before_it_is_queued_is_not_applied()
    {
        var store = new SqliteLedgerStore(new SqliteLedgerStoreOptions { Path = Path.Combine(_dir, "c.db") });
        var ledger = store.GetUnblockLedger(_tenant);
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => ledger.TryAddAsync(Payment("X1"), null, cancelled.Token));
        Assert.Null(await ledger.GetAsync("X1"));
    }
}
