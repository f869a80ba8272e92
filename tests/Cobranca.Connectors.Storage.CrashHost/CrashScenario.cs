using Cobranca.Connectors.Abstractions;
using Cobranca.Connectors.Storage.PostgreSql;
using Cobranca.Connectors.Storage.Sqlite;
using Cobranca.Connectors.Testing;
using Cobranca.Connectors.Workflows;
using Microsoft.Extensions.Time.Testing;

namespace Cobranca.Connectors.Storage.CrashHost;

/// <summary>
/// The ISP every worker process rebuilds identically (the ERP and routers stand for external systems, so their state is
/// re-created from the same seed on each start): customers C0000… each with one contract and one invoice overdue since
/// 5 days; customers below <c>paid</c> have paid it (the ERP registered it) and their contract is still blocked.
/// </summary>
public static class CrashScenario
{
    /// <summary>Monday 16 March 2026, 10:00 in São Paulo: the moment of every run (plus the host's clock offset).</summary>
    public static readonly DateTimeOffset BaseTime = BrazilTime.FromLocal(new DateTime(2026, 3, 16, 10, 0, 0));

    public static DunningSchedule Schedule { get; } = new()
    {
        Steps = [DunningStep.Notify("d3", 3, "invoice-overdue"), DunningStep.Notify("d5", 5, "invoice-overdue")],
        QuietHours = null,
        NotifyOnNonBusinessDays = true,
    };

    public static string CustomerId(int i) => "C" + i.ToString("0000", System.Globalization.CultureInfo.InvariantCulture);

    public static string InvoiceId(int i) => "F" + i.ToString("0000", System.Globalization.CultureInfo.InvariantCulture);

    public static FakeBillingSystem Erp(TimeProvider time, int customers, int paid)
    {
        var erp = new FakeBillingSystem(time);
        var due = DateOnly.FromDateTime(BrazilTime.FromLocal(new DateTime(2026, 3, 11, 12, 0, 0)).DateTime);
        for (var i = 0; i < customers; i++)
        {
            erp.AddCustomer(new Customer { Id = CustomerId(i), Name = "Cliente " + i });
            erp.AddContract(new Contract { Id = "K" + CustomerId(i), CustomerId = CustomerId(i), Login = "l" + i, Access = i < paid ? AccessState.Blocked : AccessState.Active });
            erp.AddInvoice(new Invoice { Id = InvoiceId(i), CustomerId = CustomerId(i), ContractId = "K" + CustomerId(i), DueDate = due, Amount = 99.90m, OpenAmount = 99.90m });
        }
        for (var i = 0; i < paid; i++) erp.RecordPayment(InvoiceId(i), 99.90m, BaseTime.AddMinutes(-1));
        return erp;
    }

    public static PaymentReceived Payment(int i) => new()
    {
        PaymentId = "E2E" + InvoiceId(i),
        Source = "pix",
        InvoiceId = InvoiceId(i),
        CustomerId = CustomerId(i),
        Amount = 99.90m,
        PaidAt = BaseTime.AddMinutes(-1),
    };

    /// <summary>A valid CPF from a 9-digit base (check digits computed).</summary>
    public static string Cpf(int i) => Document.CpfFromBase((100000000 + i).ToString(System.Globalization.CultureInfo.InvariantCulture)).Value;

    /// <summary>The month's invoices of customers not enrolled in Pix Automático (all go by lotecobv).</summary>
    public static List<Pix.RecurringInvoice> RecurringInvoices(int customers, DateOnly due) => Enumerable.Range(0, customers).Select(i => new Pix.RecurringInvoice
    {
        InvoiceId = InvoiceId(i), CustomerId = CustomerId(i), DueDate = due, Amount = 99.90m, Document = Document.Parse(Cpf(i)), Name = "Cliente " + i,
    }).ToList();

    public static FakeTimeProvider Clock(int offsetMinutes) => new(BaseTime.AddMinutes(offsetMinutes));

    /// <summary>The keys a crash-free run over <paramref name="customers"/> executes (computed with a dry run).</summary>
    public static async Task<IReadOnlyList<string>> ExpectedDunningKeysAsync(int customers)
    {
        var time = Clock(0);
        var runner = new DunningRunner(Erp(time, customers, 0), Schedule, new NullSender(), [new FakeAccessController(time)],
            new DunningRunnerOptions { TimeProvider = time, DryRun = true });
        var report = await runner.RunAsync().ConfigureAwait(false);
        return report.Results.Where(r => r.Status == DunningResultStatus.Planned).Select(r => r.Action.Key).Order(StringComparer.Ordinal).ToList();
    }

    public static ILedgerStore Store(string kind, string connection) => kind switch
    {
        "sqlite" => new SqliteLedgerStore(new SqliteLedgerStoreOptions { Path = connection }),
        "postgresql" => new PostgreSqlLedgerStore(new PostgreSqlLedgerStoreOptions { ConnectionString = connection }),
        _ => throw new ArgumentException("Unknown store " + kind, nameof(kind)),
    };

    private sealed class NullSender : INotificationSender
    {
        public Task SendAsync(DunningNotification notification, CancellationToken cancellationToken = default) => Task.CompletedTask;
    }
}
