using Cobranca.Connectors.Pix;
using Cobranca.Connectors.Storage.CrashHost;
using Cobranca.Connectors.Testing.Pix;
using Microsoft.Extensions.Time.Testing;

namespace Cobranca.Connectors.Storage.Tests;

/// <summary>
/// Pix Automático's monthly run in a real process, killed with SIGKILL right after the PSP accepted a lotecobv batch and
/// before the journal recorded it; a restarted process on the same store re-sends the identical batch and every invoice
/// ends with exactly one cobv.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class RecurringBillingCrashTests : IDisposable
{
    private readonly PostgresServer _postgres;
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "cobranca-lotecobv-" + Guid.NewGuid().ToString("N")[..8]);
    private readonly string _tenant = "t" + Guid.NewGuid().ToString("N")[..10];

    public RecurringBillingCrashTests(PostgresServer postgres)
    {
        _postgres = postgres;
        Directory.CreateDirectory(_dir);
    }

    public static TheoryData<string> DurableKinds => new() { "sqlite", "postgresql" };

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { Directory.Delete(_dir, recursive: true); } catch (IOException) { }
    }

    [Theory, MemberData(nameof(DurableKinds))]
    public async Task A_worker_killed_after_the_PSP_took_a_batch_is_resumed_by_the_next_one_with_the_identical_batch(string kind)
    {
        const int customers = 30;
        var day = new DateOnly(2027, 1, 10);
        var time = new FakeTimeProvider(new DateTimeOffset(day.ToDateTime(new TimeOnly(12, 0)), TimeSpan.Zero));
        await using var psp = await PixPspSandbox.StartAsync(new PixPspSandboxOptions { TimeProvider = time });
        var connection = kind == "sqlite" ? Path.Combine(_dir, "cobranca.db") : _postgres.ConnectionString;
        string[] Args(params string[] more) =>
        [
            "--store", kind, "--connection", connection, "--tenant", _tenant, "--mode", "lotecobv", "--customers", customers.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "--pix-url", psp.BaseUrl.ToString(), "--token-url", psp.TokenUrl.ToString(), "--client-id", psp.ClientId, "--client-secret", psp.ClientSecret,
            "--key", psp.Key, "--day", day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), "--batch-size", "20", .. more,
        ];

        using (var crashed = new WorkerProcess(Args("--hang-when-sent", "1")))
            await crashed.KillWhenHungAsync();
        var putsBefore = BatchPuts(psp);
        var first = Assert.Single(putsBefore);
        Assert.EndsWith("/lotecobv/1", first.Path, StringComparison.Ordinal);

        using var restarted = new WorkerProcess(Args());
        var summary = await restarted.CompleteAsync();
        Assert.Equal("done issued=30 failed=0 batches=1,2", summary);

        // Batch 1 was sent twice with the identical body; batch 2 once; each invoice has exactly one cobv.
        var puts = BatchPuts(psp);
        Assert.Equal(["/v2/lotecobv/1", "/v2/lotecobv/1", "/v2/lotecobv/2"], puts.Select(p => p.Path));
        Assert.Equal(puts[0].Body, puts[1].Body);
        using var client = new PixClient(new PixClientOptions { BaseAddress = psp.BaseUrl, TokenUrl = psp.TokenUrl, ClientId = psp.ClientId, ClientSecret = psp.ClientSecret });
        var txids = new List<string>();
        foreach (var id in new[] { "1", "2" })
        {
            var batch = await client.GetDueChargeBatchAsync(id);
            Assert.All(batch.Entries, e => Assert.Equal(PixBatchItemStatus.Created, e.Status));
            txids.AddRange(batch.Entries.Select(e => e.Txid));
        }

        Assert.Equal(customers, txids.Distinct().Count());
        Assert.Equal(customers, txids.Count);
        for (var i = 0; i < customers; i++)
            Assert.Contains(PixTxid.ForInvoice("PL", CrashScenario.InvoiceId(i)), txids);
    }

    private static List<PixSandboxRequest> BatchPuts(PixPspSandbox psp) =>
        psp.Requests.Where(r => r.Method == "PUT" && r.Path.Contains("/lotecobv/", StringComparison.Ordinal) && r.StatusCode == 202).ToList();
}
