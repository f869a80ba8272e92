// Sample 04: a dunning run ("régua de cobrança") over the whole customer base.
// The schedule is data (Anatel RGC 765 preset: reminders, a formal suspension notice, suspension 15 days after it);
// the runner streams the open invoices from the ERP, plans per customer and hands messages to YOUR sender.
// A dry run first, then the real run, then the same run again (the ledger makes sure nothing repeats), then the run
// 15 days later, when the RGC allows the suspension.
using System.Globalization;
using Cobranca.Connectors.Abstractions;
using Cobranca.Connectors.Ixc;
using Cobranca.Connectors.Testing.Ixc;
using Cobranca.Connectors.Workflows;

// A fixed business-day morning in São Paulo (Tuesday 10 March 2026, 10:00), so the output is the same whenever you run
// it: at night, on weekends or holidays the schedule defers messages. In production leave the system clock.
var clock = new ManualClock(new DateTimeOffset(2026, 3, 10, 10, 0, 0, TimeSpan.FromHours(-3)));

// The ERP: the IXC sandbox (its invoices are dated relative to the same clock) and the IXC client.
await using var sandbox = await IxcSandbox.StartAsync(new IxcSandboxOptions { TimeProvider = clock });
using var ixc = new IxcClient(new IxcClientOptions { BaseAddress = sandbox.BaseUrl, UserId = sandbox.UserId, Token = sandbox.Token },
    timeProvider: clock);

// The schedule: the RGC 765 preset (D-3, D0, D+1, D+5 messages, suspension notice D+10, suspension D+25).
var schedule = DunningSchedule.Rgc765;
Console.WriteLine("Schedule: " + string.Join(", ", schedule.Steps.Select(s => $"D{s.Day:+0;-0;+0} {s.Key}")));

// One ledger for every run: it is what makes a re-run repeat nothing (a database table in production).
var ledger = new InMemoryDunningLedger();
var sender = new ConsoleNotificationSender();

DunningRunner Runner(bool dryRun) => new(
    billingSystem: ixc.AsBillingSystem(),
    schedule: schedule,
    notificationSender: sender,
    accessControllers: [ixc.AsAccessController()], // suspension = IXC contract block (add your router after it)
    options: new DunningRunnerOptions { Ledger = ledger, TimeProvider = clock, DryRun = dryRun });

// 1. Dry run: what would happen now. No message, no block, no ledger write.
var dry = await Runner(dryRun: true).RunAsync();
Print("Dry run", dry);

// 2. The real run: messages go to the sender, executed actions are recorded.
Console.WriteLine();
var real = await Runner(dryRun: false).RunAsync();
Print("Real run", real);
var sentByRealRun = sender.Sent;
PrintTable(real);

// 3. The scheduler fires again the same day: everything due was already done, so nothing is sent twice.
Console.WriteLine();
var again = await Runner(dryRun: false).RunAsync();
Print("Same-day re-run", again);

// 4. Fifteen days after the notices (Wednesday 25 March): the RGC allows the suspension now, and the runner blocks.
Console.WriteLine();
clock.Now = new DateTimeOffset(2026, 3, 25, 10, 0, 0, TimeSpan.FromHours(-3));
sender.Echo = false; // new invoices fell due meanwhile: their messages are counted, not printed
var later = await Runner(dryRun: false).RunAsync();
Print("25/03 run", later);
var blocks = later.Results.Where(r => r.Status == DunningResultStatus.Executed && r.Action.Step.Action == DunningActionKind.Block).ToList();
var detail = string.Join("; ", blocks.FirstOrDefault()?.Detail ?? []);
Console.WriteLine($"  {sender.Sent - sentByRealRun} messages, {blocks.Count} suspensions, e.g. customer {blocks.FirstOrDefault()?.Action.CustomerId}: {detail}" +
    (detail.Contains("AlreadyInState", StringComparison.Ordinal) ? " (IXC had already blocked it automatically for late payment)" : ""));

var ok = blocks.Count > 0
    && dry.Count(DunningResultStatus.Planned) > 0
    && real.Count(DunningResultStatus.Executed) == dry.Count(DunningResultStatus.Planned)
    && real.Count(DunningResultStatus.Failed) == 0
    && again.Count(DunningResultStatus.Executed) == 0
    && sentByRealRun == real.Results.Count(r => r.Status == DunningResultStatus.Executed && r.Action.Step.Action == DunningActionKind.Notify);
Console.WriteLine(ok ? "OK: the re-run repeated nothing." : "Unexpected result.");
return ok ? 0 : 1;

static void Print(string title, DunningReport report) =>
    Console.WriteLine($"{title}: {report.Customers} customers with open invoices in {report.Elapsed.TotalMilliseconds:0} ms; " +
        string.Join(", ", Enum.GetValues<DunningResultStatus>().Select(s => $"{report.Count(s)} {s.ToString().ToLowerInvariant()}")) +
        (report.CustomerFailures.Count > 0 ? $", {report.CustomerFailures.Count} customers failed" : ""));

static void PrintTable(DunningReport report)
{
    Console.WriteLine($"{"Customer",-9}{"Invoice",-9}{"Due",-12}{"Step",-19}{"Action",-9}{"Status",-10}Reason");
    foreach (var r in report.Results.OrderBy(r => r.Action.CustomerId, StringComparer.Ordinal).ThenBy(r => r.Action.Invoice.DueDate))
    {
        var a = r.Action;
        var ids = a.Invoices.Count == 1 ? a.Invoice.Id : $"{a.Invoice.Id}+{a.Invoices.Count - 1}";
        Console.WriteLine($"{a.CustomerId,-9}{ids,-9}{a.Invoice.DueDate.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture),-12}" +
            $"{a.Step.Key,-19}{a.Step.Action,-9}{r.Status,-10}{Short(r.Reason ?? r.Error)}");
    }
}

static string Short(string? text) => text is null || text.Length <= 60 ? text ?? "" : text[..57] + "...";

/// <summary>
/// The message channel is yours (WhatsApp template, SMS, e-mail): the SDK decides what is due and calls this.
/// Throw to report a failure (the next run retries); return once the channel accepted the message.
/// </summary>
sealed class ConsoleNotificationSender : INotificationSender
{
    private int _sent;

    public int Sent => Volatile.Read(ref _sent);

    public bool Echo { get; set; } = true;

    public Task SendAsync(DunningNotification notification, CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref _sent);
        // Pass IdempotencyKey to your channel so it can drop a duplicate too. Never log names or phones: ids only.
        if (!Echo) return Task.CompletedTask;
        // One message per customer and step: a customer with several overdue invoices gets one notice listing all of them.
        var invoices = string.Join(", ", notification.Invoices.Select(i => $"{i.Id} {Money.Format(i.OpenAmount)} due {i.DueDate:dd/MM}"));
        Console.WriteLine($"  -> template '{notification.TemplateKey}' to customer {notification.CustomerId}: " +
            $"{(notification.Invoices.Count == 1 ? "invoice" : "invoices")} {invoices}" +
            (notification.SuspensionNotBefore is { } d ? $", suspension not before {d:dd/MM}" : ""));
        return Task.CompletedTask;
    }
}

/// <summary>A clock that stands still until moved (tests use Microsoft.Extensions.TimeProvider.Testing's FakeTimeProvider).</summary>
sealed class ManualClock(DateTimeOffset now) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = now;

    public override DateTimeOffset GetUtcNow() => Now.ToUniversalTime();
}
