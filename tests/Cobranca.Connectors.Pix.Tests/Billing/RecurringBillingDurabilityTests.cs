using Cobranca.Connectors.Abstractions;
using Cobranca.Connectors.Storage.Sqlite;
using Cobranca.Connectors.Testing.Pix;

namespace Cobranca.Connectors.Pix.Tests.Billing;

/// <summary>The workflow's state lives in the store contract: a new process (a new store on the same SQLite file) knows
/// the enrolments and the charges already created, so it neither forgets a subscriber nor creates a second cobr.</summary>
public sealed class RecurringBillingDurabilityTests : IDisposable
{
    private readonly string _path = Path.Combine(Path.GetTempPath(), $"cobranca-recurring-{Guid.NewGuid():N}.db");

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        foreach (var file in new[] { _path, _path + "-wal", _path + "-shm" }) File.Delete(file);
    }

    private RecurringBilling Billing(PixClient client, PixPspSandbox sandbox, TimeProvider time)
    {
        var store = new SqliteLedgerStore(new SqliteLedgerStoreOptions { Path = _path }, time);
        return new RecurringBilling(client, client,
            store.GetStateStore("isp", RecurringBilling.RecurrenceCollection), store.GetStateStore("isp", RecurringBilling.RecurringChargeCollection),
            new RecurringBillingOptions { PixKey = sandbox.Key, ReceiverAccount = "012682", TimeProvider = time });
    }

    [Fact]
    public async Task A_new_store_on_the_same_file_keeps_the_enrolment_and_the_created_charge()
    {
        // The kit's PSP sandbox and client on its fake clock; the workflow instances below use SQLite, not the kit's memory.
        await using var kit = await RecurringBillingKit.StartAsync();
        var (sandbox, client, time) = (kit.Sandbox, kit.Client, kit.Time);

        var enrolled = await Billing(client, sandbox, time).EnrolAsync(RecurringBillingKit.Enrolment(7));
        await sandbox.ApproveRecurrenceAsync(enrolled.RecurrenceId!);
        Assert.True((await Billing(client, sandbox, time).RefreshEnrolmentAsync("C7"))!.IsActive);

        await kit.DayAsync(RecurringBillingKit.Due.AddDays(-10));
        var created = await Billing(client, sandbox, time).RunAsync([RecurringBillingKit.Invoice(7)]);
        Assert.Equal(RecurringInvoiceOutcome.Created, created.Invoices[0].Outcome);

        // Same day, another "process": the enrolment is known and the charge is not created again.
        var again = await Billing(client, sandbox, time).RunAsync([RecurringBillingKit.Invoice(7)]);
        Assert.NotEqual(RecurringInvoiceOutcome.NotEnrolled, again.Invoices[0].Outcome);
        Assert.Equal(created.Invoices[0].Txid, again.Invoices[0].Txid);
        Assert.Single(sandbox.Requests, r => r.Method == "PUT" && r.Path.Contains("/cobr/", StringComparison.Ordinal) && r.StatusCode < 300);
        Assert.Equal(1, sandbox.Requests.Count(r => r.Method == "POST" && r.Path.EndsWith("/rec", StringComparison.Ordinal)));
    }
}
