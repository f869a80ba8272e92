using System.Globalization;
using Cobranca.Connectors.Abstractions;
using Cobranca.Connectors.Pix;
using Cobranca.Connectors.Storage.CrashHost;
using Cobranca.Connectors.Testing;
using Cobranca.Connectors.Tests.Shared;
using Cobranca.Connectors.Workflows;

// A worker process for the storage crash and multi-worker tests.
//   --store sqlite|postgresql --connection X --tenant T --mode dunning|payments|retry --customers N
//   [--paid N] [--clock-offset-minutes M] [--hang-after K] [--log FILE] [--latency-ms L]
// Every customer-visible effect is appended to --log as one line ("send <idempotency key>", "unblock <payment> <contract>
// <controller>") before the call returns, like a channel/router that received it. With --hang-after K, the K-th effect
// is logged and then the process hangs (prints "hang"), so the test kills it exactly between "sent" and "recorded".
// Mode lotecobv: Pix Automático's monthly run against a PSP sandbox the test hosts (--pix-url --token-url --client-id
// --client-secret --key --day yyyy-MM-dd [--batch-size B] [--hang-when-sent 1]); with --hang-when-sent it hangs right
// after the PSP accepted a batch, before the journal records it.
var options = new Dictionary<string, string>(StringComparer.Ordinal);
for (var i = 0; i + 1 < args.Length; i += 2) options[args[i].TrimStart('-')] = args[i + 1];
string Get(string name, string? fallback = null) => options.TryGetValue(name, out var v) ? v : fallback ?? throw new ArgumentException("--" + name + " is required");
int GetInt(string name, int fallback) => options.TryGetValue(name, out var v) ? int.Parse(v, CultureInfo.InvariantCulture) : fallback;

var store = CrashScenario.Store(Get("store"), Get("connection"));
var tenant = Get("tenant");
var customers = GetInt("customers", 50);
var paid = GetInt("paid", 0);
var time = CrashScenario.Clock(GetInt("clock-offset-minutes", 0));
var effects = new EffectLog(Get("log", Path.GetTempFileName()), GetInt("hang-after", 0), GetInt("latency-ms", 0));
await store.MigrateAsync();
var erp = CrashScenario.Erp(time, customers, paid);
if (options.TryGetValue("start-after", out var startFile))
{
    // Several workers start together: each says it is ready, then waits for the test's go.
    Console.WriteLine("ready");
    while (!File.Exists(startFile)) await Task.Delay(10);
}

switch (Get("mode"))
{
    case "dunning":
    {
        var runner = new DunningRunner(erp, CrashScenario.Schedule, new LoggingSender(effects), [erp.AccessController],
            new DunningRunnerOptions { TimeProvider = time, Ledger = store.GetDunningLedger(tenant) });
        var report = await runner.RunAsync();
        foreach (var r in report.Results.Where(r => r.Detail?.Any(d => d.Contains("re-sent", StringComparison.Ordinal)) == true))
            Console.WriteLine("resent " + r.Action.Key);
        Console.WriteLine(FormattableString.Invariant(
            $"done executed={report.Count(DunningResultStatus.Executed)} skipped={report.Count(DunningResultStatus.Skipped)} deferred={report.Count(DunningResultStatus.Deferred)} failed={report.Count(DunningResultStatus.Failed)}"));
        break;
    }
    case "payments":
    case "retry":
    {
        var router = new LoggingController(new FakeAccessController(time), "router", effects);
        var erpSide = new LoggingController(erp.AccessController, "erp", effects);
        var workflow = new PaymentToUnblock(erp, [erpSide, router], new PaymentToUnblockOptions { TimeProvider = time, Ledger = store.GetUnblockLedger(tenant) });
        if (Get("mode") == "payments")
        {
            // The whole stream delivered at once (the webhook burst).
            var outcomes = await Task.WhenAll(Enumerable.Range(0, paid).Select(i => workflow.ProcessAsync(CrashScenario.Payment(i))));
            Console.WriteLine(FormattableString.Invariant($"processed restored={outcomes.Count(o => !o.IsDuplicate && o.Status == UnblockStatus.Restored)} duplicates={outcomes.Count(o => o.IsDuplicate)}"));
        }
        var retried = await workflow.RetryPendingAsync();
        var pending = await workflow.Ledger.ListPendingAsync();
        Console.WriteLine(FormattableString.Invariant($"done retried={retried.Count} restored={retried.Count(o => o.Status == UnblockStatus.Restored)} pending={pending.Count}"));
        break;
    }
    case "lotecobv":
    {
        var day = DateOnly.ParseExact(Get("day"), "yyyy-MM-dd", CultureInfo.InvariantCulture);
        var clock = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(new DateTimeOffset(day.ToDateTime(new TimeOnly(12, 0)), TimeSpan.Zero));
        using var pix = new PixClient(new PixClientOptions
        {
            BaseAddress = new Uri(Get("pix-url")), TokenUrl = new Uri(Get("token-url")), ClientId = Get("client-id"), ClientSecret = Get("client-secret"),
        }, timeProvider: clock);
        IStateStore charges = store.GetStateStore(tenant, RecurringBilling.RecurringChargeCollection);
        if (options.ContainsKey("hang-when-sent"))
        {
            charges = new InterceptingStateStore(charges, async (_, _, value, cancellationToken) =>
            {
                if (!value.Contains("\"stage\":\"sent\"", StringComparison.Ordinal)) return;
                Console.WriteLine("hang");
                await Task.Delay(Timeout.Infinite, cancellationToken);
            });
        }
        var billing = new RecurringBilling(pix, pix, pix, store.GetStateStore(tenant, RecurringBilling.RecurrenceCollection), charges, new RecurringBillingOptions
        {
            PixKey = Get("key"), ReceiverAccount = "012682", TimeProvider = clock, DueChargeBatchSize = GetInt("batch-size", 1000),
        });
        var report = await billing.RunAsync(CrashScenario.RecurringInvoices(customers, day.AddDays(5)));
        Console.WriteLine(FormattableString.Invariant(
            $"done issued={report.Count(RecurringInvoiceOutcome.DueChargeIssued)} failed={report.Count(RecurringInvoiceOutcome.Failed)} batches={string.Join(",", report.Invoices.Select(i => i.BatchId).Distinct())}"));
        break;
    }
    default:
        throw new ArgumentException("Unknown mode");
}
(store as IDisposable)?.Dispose();
return 0;

/// <summary>The customer-visible side: an append-only file, one line per effect, flushed before the call returns.</summary>
internal sealed class EffectLog(string path, int hangAfter, int latencyMs)
{
    private readonly Lock _gate = new();
    private int _count;

    public async Task RecordAsync(string line, CancellationToken cancellationToken)
    {
        if (latencyMs > 0) await Task.Delay(latencyMs, cancellationToken);
        bool hang;
        lock (_gate)
        {
            File.AppendAllText(path, line + "\n");
            hang = ++_count == hangAfter;
        }
        if (hang)
        {
            Console.WriteLine("hang");
            await Task.Delay(Timeout.Infinite, cancellationToken);
        }
    }
}

internal sealed class LoggingSender(EffectLog log) : INotificationSender
{
    public Task SendAsync(DunningNotification notification, CancellationToken cancellationToken = default) =>
        log.RecordAsync("send " + notification.IdempotencyKey, cancellationToken);
}

internal sealed class LoggingController(IAccessController inner, string name, EffectLog log) : IAccessController
{
    public AccessControllerInfo Info { get; } = new(name, inner.Info.Capabilities);

    public Task<AccessState> GetAccessStateAsync(Subscriber subscriber, CancellationToken cancellationToken = default) => inner.GetAccessStateAsync(subscriber, cancellationToken);

    public Task<AccessChange> BlockAsync(Subscriber subscriber, BlockRequest request, CancellationToken cancellationToken = default) => inner.BlockAsync(subscriber, request, cancellationToken);

    public async Task<AccessChange> UnblockAsync(Subscriber subscriber, CancellationToken cancellationToken = default)
    {
        var change = await inner.UnblockAsync(subscriber, cancellationToken);
        await log.RecordAsync($"unblock {subscriber.ContractId} {name}", cancellationToken);
        return change;
    }

    public Task<AccessChange> ThrottleAsync(Subscriber subscriber, Bandwidth limit, CancellationToken cancellationToken = default) => inner.ThrottleAsync(subscriber, limit, cancellationToken);

    public Task<BatchResult> ApplyAsync(IReadOnlyList<AccessCommand> commands, IProgress<BatchProgress>? progress = null, CancellationToken cancellationToken = default) =>
        inner.ApplyAsync(commands, progress, cancellationToken);
}

