using Cobranca.Connectors.Storage.PostgreSql;
using Cobranca.Connectors.Storage.Sqlite;
using System.CommandLine;
using Cobranca.Cli.Demo.Steps;
using Cobranca.Connectors.Abstractions;
using Cobranca.Connectors.Testing;
using Cobranca.Connectors.Workflows;
using Spectre.Console;

namespace Cobranca.Cli.Demo;

/// <summary><c>cobranca demo</c>: the whole flow end to end on embedded simulators, no external system needed.</summary>
public static class DemoCommand
{
    /// <summary>The backends <c>--backend</c> accepts. Sandboxes and emulators are added here.</summary>
    public static IReadOnlyList<IDemoBackend> Backends { get; } = [new SimulatorsBackend(), new InMemoryBackend(), new RouterOsBackend()];

    /// <summary>The steps, in order: the whole story from lookup to payment and restore.</summary>
    public static IReadOnlyList<IDemoStep> Steps { get; } =
    [
        new FindCustomerStep(), new ShowDebtStep(), new BlockUnblockStep(), new SecondCopyStep(),
        new DunningRunStep(), new TrustUnlockStep(), new PaymentUnblockStep(), new BoletoPaymentStep(), new PixAutomaticoStep(),
    ];

    /// <summary>Creates the command.</summary>
    public static Command Create()
    {
        var seed = new Option<int>("--seed") { Description = "Seed of the generated ISP (same seed, same data)", DefaultValueFactory = _ => 2026 };
        var customers = new Option<int>("--customers") { Description = "How many customers to generate", DefaultValueFactory = _ => 200 };
        customers.Validators.Add(r =>
        {
            // Not GetValueOrDefault: it throws when the text is not a number (the parser reports that one itself).
            if (r.Tokens.Count == 1 && int.TryParse(r.Tokens[0].Value, System.Globalization.NumberStyles.Integer,
                    System.Globalization.CultureInfo.InvariantCulture, out var n) && n is < 1 or > 100_000)
            {
                r.AddError("--customers must be between 1 and 100000.");
            }
        });
        var backend = new Option<string>("--backend")
        {
            Description = "Where to run: " + string.Join("; ", Backends.Select(b => $"{b.Name} = {b.Description}")),
            DefaultValueFactory = _ => Backends[0].Name,
        };
        backend.AcceptOnlyFromAmong([.. Backends.Select(b => b.Name)]);
        var erp = new Option<string>("--erp")
        {
            Description = "The ERP behind the story: ixc (as --backend says), sgp (the SGP sandbox over HTTP, SGP as billing and access) or mkauth (the MK-Auth sandbox over HTTPS, MK-Auth as billing and access)",
            DefaultValueFactory = _ => "ixc",
        };
        erp.AcceptOnlyFromAmong("ixc", "sgp", "mkauth");

        var store = new Option<string>("--store")
        {
            Description = "Where the dunning and payment ledgers are kept: memory (default), sqlite (--store-path, default a new temporary file) " +
                "or postgres (connection string from COBRANCA_POSTGRES). A durable store kept between runs makes a re-run repeat nothing.",
            DefaultValueFactory = _ => "memory",
        };
        store.AcceptOnlyFromAmong("memory", "sqlite", "postgres");
        var storePath = new Option<string?>("--store-path") { Description = "The SQLite file for --store sqlite (kept after the run)." };

        var command = new Command("demo", "Run the whole story on embedded simulators: find a customer, debt, block/unblock, second copy, dunning run, trust unlock, Pix payment -> webhook -> unblock, hybrid boleto at the bank -> paid -> webhook -> unblock")
        {
            seed, customers, backend, erp, store, storePath,
        };
        command.SetCliAction(async (parseResult, cancellationToken) =>
        {
            var json = parseResult.GetValue(CliOptions.Json);
            // A business-day morning in São Paulo, so the run is the same whatever hour CI starts it.
            var time = new DemoClock(DemoClock.BusinessMorning(BrazilTime.Today(TimeProvider.System),
                d => d.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && !HolidayCalendar.BrazilNational.IsHoliday(d)));
            var today = BrazilTime.Today(time);
            var chosen = parseResult.GetValue(erp) switch
            {
                "sgp" => Commands.SgpCommands.CreateDemoBackend(),
                "mkauth" => Commands.MkAuthCommands.CreateDemoBackend(),
                _ => Backends.Single(b => b.Name == parseResult.GetValue(backend)),
            };
            var data = IspDataGenerator.Generate(new IspDataGeneratorOptions
            {
                Seed = parseResult.GetValue(seed),
                CustomerCount = parseResult.GetValue(customers),
                Today = today,
            });

            string? temporaryFile = null;
            ILedgerStore ledgers;
            switch (parseResult.GetValue(store))
            {
                case "sqlite":
                    var path = parseResult.GetValue(storePath);
                    if (string.IsNullOrWhiteSpace(path)) path = temporaryFile = Path.Combine(Path.GetTempPath(), $"cobranca-demo-{Guid.NewGuid():N}.db");
                    ledgers = new SqliteLedgerStore(new SqliteLedgerStoreOptions { Path = path });
                    break;
                case "postgres":
                    var connectionString = Environment.GetEnvironmentVariable("COBRANCA_POSTGRES");
                    if (string.IsNullOrWhiteSpace(connectionString))
                    {
                        Console.Error.WriteLine("--store postgres needs the connection string in COBRANCA_POSTGRES (never on the command line: it holds a password).");
                        return ExitCodes.Usage;
                    }
                    ledgers = new PostgreSqlLedgerStore(new PostgreSqlLedgerStoreOptions { ConnectionString = connectionString });
                    break;
                default:
                    ledgers = new InMemoryLedgerStore();
                    break;
            }
            try
            {
                await ledgers.MigrateAsync(cancellationToken);
                return await RunStoryAsync(parseResult, chosen, data, time, today, json, ledgers, cancellationToken);
            }
            finally
            {
                (ledgers as IDisposable)?.Dispose();
                if (temporaryFile is not null) DeleteSqliteFiles(temporaryFile);
            }
        });
        return command;
    }

    private static void DeleteSqliteFiles(string path)
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        foreach (var file in new[] { path, path + "-wal", path + "-shm" })
        {
            try { File.Delete(file); }
            catch (IOException) { } // a temporary file left behind is harmless
        }
    }

    private static async Task<int> RunStoryAsync(ParseResult parseResult, IDemoBackend chosen, IspDataSet data, DemoClock time, DateOnly today,
        bool json, ILedgerStore ledgers, CancellationToken cancellationToken)
    {
        {
            await using var session = await chosen.StartAsync(data, time, cancellationToken);
            var context = new DemoContext(data, session, today, json) { Clock = time, Store = ledgers };
            context.Report["store"] = ledgers.Kind;
            context.Report["backend"] = chosen.Name;
            context.Report["seed"] = data.Seed;
            context.Report["today"] = today;

            if (!json)
            {
                AnsiConsole.MarkupLine($"[bold]cobranca demo[/] on [blue]{Markup.Escape(chosen.Description)}[/]");
                AnsiConsole.MarkupLine($"Generated ISP: seed {data.Seed}, {data.Customers.Count} customers, {data.Contracts.Count} contracts, " +
                    $"{data.Invoices.Count} invoices, today {DemoFormat.Date(today)}");
                AnsiConsole.WriteLine();
            }

            var ok = true;
            foreach (var step in Steps)
            {
                if (!json) DemoFormat.Heading(step.Title);
                if (!await step.RunAsync(context, cancellationToken))
                {
                    ok = false;
                    break;
                }
            }

            context.Report["ok"] = ok;
            if (json) CliRunner.WriteJson(context.Report);
            else AnsiConsole.MarkupLine(ok ? "[green]Demo finished.[/]" : "[red]Demo stopped: a step did not get what it expected.[/]");
            return ok ? ExitCodes.Ok : ExitCodes.ProviderError;
        }
    }
}
