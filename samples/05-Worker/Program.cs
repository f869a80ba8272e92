// Sample 05: the SDK as a service. One worker host runs, for every configured tenant, the daily dunning at 09:00
// (tenant time zone, quiet hours and holidays respected), the pending-unblock retries and the Pix reconciliation
// poller, with health checks and OpenTelemetry, all configured from appsettings.json (services.AddCobranca).
//
// Here the outside world is simulated (IXC sandbox, RouterOS emulator, Pix PSP sandbox), so it runs with no setup:
//
//   dotnet run --project samples/05-Worker                     runs until Ctrl+C (SQLite file cobranca.db)
//   dotnet run --project samples/05-Worker -- --once           one pass of everything, then exits (CI)
//   dotnet run --project samples/05-Worker -- --run-for 20s    runs the hosted services for 20 s, then exits
//   Cobranca__Store=postgres Cobranca__Storage__PostgreSql__ConnectionString="Host=...;Username=...;Password=..." \
//     dotnet run --project samples/05-Worker                   the same on PostgreSQL (several workers may share it)
//
// The demo: Ana is overdue and blocked in IXC and on the router; she pays a Pix charge whose webhook never arrives;
// the reconciliation poller finds the payment and payment -> unblock restores her access.
using System.Globalization;
using Cobranca.Connectors.Abstractions;
using Cobranca.Connectors.Hosting;
using Cobranca.Connectors.Pix;
using Cobranca.Connectors.Testing.Ixc;
using Cobranca.Connectors.Testing.Pix;
using Cobranca.Connectors.Testing.RouterOs;
using Cobranca.Connectors.Workflows;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

var once = args.Contains("--once");
TimeSpan? runFor = null;
var runForAt = Array.IndexOf(args, "--run-for");
if (runForAt >= 0)
{
    if (runForAt + 1 >= args.Length || !TryParseDuration(args[runForAt + 1], out var parsed))
    {
        Console.Error.WriteLine("--run-for needs a duration such as 20s, 5m or 00:00:20.");
        return 2;
    }
    runFor = parsed;
}

// ---- 0. The simulated outside world.
await using var ixcSandbox = await IxcSandbox.StartAsync();
await using var psp = await PixPspSandbox.StartAsync();
await using var router = await RouterOsEmulator.StartAsync(new RouterOsEmulatorOptions { Password = "router-secret" });
const string Login = "ana.ribeiro";
router.PppSecrets.Add(new Dictionary<string, string> { ["name"] = Login, ["service"] = "pppoe", ["profile"] = "default" });
router.PppActive.Add(new Dictionary<string, string> { ["name"] = Login, ["service"] = "pppoe", ["address"] = "100.64.12.36" });

// ---- 1. The worker host: appsettings.json, plus the simulators' addresses and credentials.
var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
{
    Args = args.Where(a => a is not "--once").ToArray(),
    ContentRootPath = AppContext.BaseDirectory, // appsettings.json next to the program, wherever it is run from
});
builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
{
    ["Cobranca:Ixc:demo:BaseAddress"] = ixcSandbox.BaseUrl.ToString(),
    ["Cobranca:Ixc:demo:UserId"] = ixcSandbox.UserId,
    ["Cobranca:Ixc:demo:Token"] = ixcSandbox.Token,
    ["Cobranca:MikroTik:demo:Host"] = router.Host,
    ["Cobranca:MikroTik:demo:Port"] = router.Port.ToString(CultureInfo.InvariantCulture),
    ["Cobranca:MikroTik:demo:Password"] = "router-secret",
    ["Cobranca:Pix:demo:BaseAddress"] = psp.BaseUrl.ToString(),
    ["Cobranca:Pix:demo:TokenUrl"] = psp.TokenUrl.ToString(),
    ["Cobranca:Pix:demo:ClientId"] = psp.ClientId,
    ["Cobranca:Pix:demo:ClientSecret"] = psp.ClientSecret,
});
builder.Services.AddSingleton<INotificationSender, ConsoleSender>(); // yours: WhatsApp, SMS, e-mail
var charges = new ChargeTable();                                      // yours: the table of charges you created
builder.Services.AddSingleton<IPaymentTargetResolver>(charges);
builder.Services.AddCobranca(builder.Configuration);
builder.Services.AddOpenTelemetry().AddCobrancaInstrumentation(); // add your exporter (OTLP, Prometheus ...)
using var host = builder.Build();
await host.StartAsync();
var tenant = host.Services.GetRequiredKeyedService<CobrancaTenant>("demo");
var store = host.Services.GetRequiredService<ILedgerStore>();
Console.WriteLine($"Worker started: store {store.Kind}, tenant {tenant.Name} ({tenant.BillingSystem.Info.Name} + {tenant.AccessControllers.Count} access controllers, Pix).");

// ---- 2. Health: ERP reachable and authorised, PSP token obtainable, router login, store answering.
var health = await host.Services.GetRequiredService<HealthCheckService>().CheckHealthAsync();
foreach (var (name, entry) in health.Entries)
    Console.WriteLine($"  health {name,-24} {entry.Status,-9} {entry.Description}");

// ---- 3. Ana: overdue, blocked everywhere, pays a Pix charge whose webhook never arrives.
var customer = (await tenant.BillingSystem.FindCustomersAsync(CustomerLookup.ByDocument(IxcSandboxData.AnaCpf))).Single();
var debt = await tenant.BillingSystem.GetDebtStatusAsync(customer.Id);
var invoice = debt.Overdue.Single();
var subscriber = debt.Contracts.Single().ToSubscriber();
foreach (var controller in tenant.AccessControllers) await controller.BlockAsync(subscriber, BlockRequest.Overdue);
var pix = host.Services.GetRequiredKeyedService<IPixClient>("demo");
var txid = PixTxid.ForInvoice("ISP1", invoice.Id);
await pix.CreateDueChargeAsync(txid, new PixDueChargeRequest
{
    Key = psp.Key, Amount = invoice.OpenAmount, DueDate = invoice.DueDate,
    Debtor = new PixDebtor { Document = customer.Document!.Value, Name = customer.Name },
});
charges.Add(txid, new PaymentTarget(invoice.Id, customer.Id));
var paid = await psp.PayAsync(txid, notify: false); // no webhook: only the poller can find it
ixcSandbox.PayInvoice(invoice.Id);                   // IXC's own Pix gateway registers the payment ("baixa")
Console.WriteLine($"Customer {customer.Id} blocked, paid invoice {invoice.Id} by Pix ({Money.Format(paid.Amount)}); no webhook sent.");

// ---- 4. Run: once (one pass of each job) or for a while (the hosted services on their own timers).
if (once)
{
    var report = await tenant.Dunning!.RunAsync();
    Console.WriteLine($"Dunning pass: {report}");
    var pass = await tenant.PixReconciliation!.ReconcileAsync(paid.PaidAt.AddHours(-1), DateTimeOffset.UtcNow);
    Console.WriteLine($"Reconciliation pass: {pass.Received} listed, {pass.Payments.Count} raised, {pass.Duplicates} already raised.");
    var retried = await tenant.Unblock.RetryPendingAsync();
    Console.WriteLine($"Pending-unblock pass: {retried.Count} retried.");
}
else
{
    using var stop = runFor is { } duration ? new CancellationTokenSource(duration) : new CancellationTokenSource();
    Console.CancelKeyPress += (_, e) => { e.Cancel = true; stop.Cancel(); };
    Console.WriteLine(runFor is { } d ? $"Running for {d.TotalSeconds:0} s ..." : "Running; Ctrl+C to stop.");
    try
    {
        await Task.Delay(Timeout.Infinite, stop.Token);
    }
    catch (OperationCanceledException)
    {
    }
}

// ---- 5. The end state where it matters: Ana's access, in the ERP and on the router.
var restored = true;
foreach (var controller in tenant.AccessControllers)
{
    var state = await controller.GetAccessStateAsync(subscriber);
    Console.WriteLine($"  access on {controller.Info.Name,-8} {state.Status}");
    restored &= state.Status == AccessStatus.Active;
}
await host.StopAsync();
var healthy = health.Status == HealthStatus.Healthy || (health.Status == HealthStatus.Degraded && !store.IsDurable);
Console.WriteLine(restored && healthy ? "Worker: all good." : "Worker: something is wrong (see above).");
return restored && healthy ? 0 : 1;

static bool TryParseDuration(string text, out TimeSpan duration)
{
    duration = default;
    if (text.Length > 1 && double.TryParse(text[..^1], NumberStyles.Float, CultureInfo.InvariantCulture, out var n) && n > 0)
    {
        duration = char.ToLowerInvariant(text[^1]) switch { 's' => TimeSpan.FromSeconds(n), 'm' => TimeSpan.FromMinutes(n), 'h' => TimeSpan.FromHours(n), _ => default };
        if (duration > TimeSpan.Zero) return true;
    }
    return TimeSpan.TryParse(text, CultureInfo.InvariantCulture, out duration) && duration > TimeSpan.Zero;
}

/// <summary>txid -> invoice and customer, recorded when a charge is created (a database table in production).</summary>
sealed class ChargeTable : IPaymentTargetResolver
{
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, PaymentTarget> _targets = new(StringComparer.Ordinal);

    public void Add(string txid, PaymentTarget target) => _targets[txid] = target;

    public Task<PaymentTarget?> ResolveAsync(PaymentReceived payment, CancellationToken cancellationToken = default) =>
        Task.FromResult(payment.Reference is { } txid && _targets.TryGetValue(txid, out var target) ? target : null);
}

/// <summary>Stands in for WhatsApp: writes the customer id and template (never the name or the phone).</summary>
sealed class ConsoleSender(ILogger<ConsoleSender> logger) : INotificationSender
{
    public Task SendAsync(DunningNotification notification, CancellationToken cancellationToken = default)
    {
        logger.LogInformation("Would send '{Template}' to customer {Customer} (invoice {Invoice}, key {Key}).",
            notification.TemplateKey, notification.CustomerId, notification.Invoice.Id, notification.IdempotencyKey);
        return Task.CompletedTask;
    }
}
