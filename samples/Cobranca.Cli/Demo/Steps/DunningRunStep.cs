using Cobranca.Connectors.Abstractions;
using Cobranca.Connectors.Workflows;
using Spectre.Console;

namespace Cobranca.Cli.Demo.Steps;

/// <summary>
/// Runs the RGC 765 dunning schedule over the whole base: first replays the last four weeks once a week (as if the
/// job had been running), then today's run with a progress bar and the table of today's actions. Suspensions go to
/// every access controller (ERP, then router) and only happen 15+ days after a recorded suspension notice.
/// </summary>
public sealed class DunningRunStep : IDemoStep
{
    private static readonly int[] ReplayDaysAgo = [28, 21, 14, 7];

    /// <inheritdoc />
    public string Title => "5. Dunning run (régua de cobrança, Anatel RGC 765)";

    /// <inheritdoc />
    public async Task<bool> RunAsync(DemoContext context, CancellationToken cancellationToken)
    {
        if (context.Clock is not { } clock) return DemoFormat.Fail("the dunning step needs the demo clock.");
        var session = context.Session;
        var ledger = context.Store.GetDunningLedger(DemoContext.Tenant);
        var sender = new CountingSender();
        var now = clock.GetUtcNow();

        DunningRunner Runner() => new(session.Billing, DunningSchedule.Rgc765, sender, session.Controllers,
            new DunningRunnerOptions { Ledger = ledger, TimeProvider = clock, MaxConcurrency = 4 });

        // The job runs every day in production; replaying a few past mornings builds the ledger (reminders, notices)
        // that today's decisions depend on.
        var replayed = new List<DunningReport>();
        foreach (var daysAgo in ReplayDaysAgo)
        {
            clock.Set(now.AddDays(-daysAgo));
            replayed.Add(await Runner().RunAsync(cancellationToken: cancellationToken));
        }
        clock.Set(now);

        DunningReport today;
        if (context.Json)
        {
            today = await Runner().RunAsync(cancellationToken: cancellationToken);
        }
        else
        {
            AnsiConsole.MarkupLine($"Replayed {ReplayDaysAgo.Length} past runs: {replayed.Sum(r => r.Count(DunningResultStatus.Executed))} actions executed " +
                $"({sender.Count} messages to the host's sender). Today's run:");
            today = null!;
            await AnsiConsole.Progress().AutoClear(false).StartAsync(async ctx =>
            {
                var task = ctx.AddTask("Customers", maxValue: 1);
                var progress = new Progress<DunningProgress>(p =>
                {
                    task.MaxValue = Math.Max(1, p.CustomersTotal);
                    task.Value = p.CustomersCompleted;
                });
                today = await Runner().RunAsync(progress, cancellationToken);
                task.Value = task.MaxValue;
            });
        }

        var rows = today.Results
            .Where(r => r.Status != DunningResultStatus.Planned)
            .OrderBy(r => r.Status).ThenBy(r => r.Action.Step.Day).ThenBy(r => r.Action.CustomerId, StringComparer.Ordinal)
            .ToList();
        var suspended = today.Results.Concat(replayed.SelectMany(r => r.Results))
            .Where(r => r.Status == DunningResultStatus.Executed && r.Action.Step.Action == DunningActionKind.Block)
            .Select(r => r.Action.CustomerId)
            .Distinct(StringComparer.Ordinal)
            .ToList();
        context.SuspendedCustomerId = suspended.Contains(context.Customer?.Id ?? "", StringComparer.Ordinal)
            ? context.Customer!.Id
            : suspended.FirstOrDefault();

        context.Report["dunning"] = new
        {
            replayedRuns = ReplayDaysAgo.Length,
            customers = today.Customers,
            executed = today.Count(DunningResultStatus.Executed),
            deferred = today.Count(DunningResultStatus.Deferred),
            skipped = today.Count(DunningResultStatus.Skipped),
            failed = today.Count(DunningResultStatus.Failed),
            suspendedCustomers = suspended.Count,
            followedCustomer = context.SuspendedCustomerId,
        };

        if (!context.Json)
        {
            var table = new Table().Border(TableBorder.Rounded)
                .AddColumn("Customer").AddColumn("Invoice").AddColumn("Step").AddColumn("Action").AddColumn("Result").AddColumn("Why / detail");
            foreach (var r in rows.Take(15))
            {
                var detail = r.Error ?? r.Reason ?? (r.Detail is { Count: > 0 } d ? string.Join("; ", d) : "");
                table.AddRow(Markup.Escape(r.Action.CustomerId), Markup.Escape(r.Action.Invoice.Id),
                    Markup.Escape($"{r.Action.Step.Key} (D{r.Action.Step.Day:+0;-0;+0})"), Markup.Escape(r.Action.Step.Action.ToString()),
                    Markup.Escape(r.Status.ToString()), Markup.Escape(Truncate(detail, 60)));
            }
            table.Caption($"Today: {today.Customers} customers, {today.Count(DunningResultStatus.Executed)} executed, " +
                $"{today.Count(DunningResultStatus.Deferred)} deferred, {today.Count(DunningResultStatus.Skipped)} skipped, " +
                $"{today.Count(DunningResultStatus.Failed)} failed ({rows.Count - Math.Min(rows.Count, 15)} more rows not shown)");
            AnsiConsole.Write(table);
            AnsiConsole.MarkupLine($"{suspended.Count} customers suspended by the régua over these runs (ERP first, then router).");
            AnsiConsole.WriteLine();
        }

        if (today.Count(DunningResultStatus.Failed) > 0) return DemoFormat.Fail("some dunning actions failed.");
        var again = await Runner().RunAsync(cancellationToken: cancellationToken);
        if (again.Count(DunningResultStatus.Executed) > 0) return DemoFormat.Fail("a re-run the same day repeated actions.");
        if (!context.Json) AnsiConsole.MarkupLine("Re-running today's job: [green]nothing repeated[/] (idempotency ledger).\n");
        if (suspended.Count > 0) return true;
        // A durable store kept from an earlier run (--store sqlite --store-path, --store postgres) already holds these
        // days' actions: nothing is repeated, so nobody is suspended again, and that is the expected outcome.
        var alreadyDone = today.Count(DunningResultStatus.Skipped) + replayed.Sum(r => r.Count(DunningResultStatus.Skipped));
        if (context.Store.IsDurable && alreadyDone > 0)
        {
            if (!context.Json) AnsiConsole.MarkupLine($"The {context.Store.Kind} store already held {alreadyDone} of these actions from an earlier run: none repeated.\n");
            return true;
        }
        return DemoFormat.Fail("nobody was far enough overdue to be suspended.");
    }

    private static string Truncate(string s, int max) => s.Length <= max ? s : s[..(max - 1)] + "…";

    /// <summary>Stands in for the host's WhatsApp/SMS sender: counts what it is asked to send.</summary>
    private sealed class CountingSender : INotificationSender
    {
        private int _count;

        public int Count => _count;

        public Task SendAsync(DunningNotification notification, CancellationToken cancellationToken = default)
        {
            Interlocked.Increment(ref _count);
            return Task.CompletedTask;
        }
    }
}
