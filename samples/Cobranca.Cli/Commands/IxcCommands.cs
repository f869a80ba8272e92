using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Cobranca.Cli.Demo;
using Cobranca.Connectors.Abstractions;
using Cobranca.Connectors.Ixc;
using Cobranca.Connectors.Testing;
using Cobranca.Connectors.Testing.Ixc;
using Spectre.Console;

namespace Cobranca.Cli.Commands;

/// <summary>
/// <c>cobranca ixc ...</c>: IXC Provedor commands against a real instance, and the sandbox demo. Exit codes follow
/// <see cref="ExitCodes"/>, plus <see cref="NoCustomer"/> when <c>ixc debt</c> finds nobody with the document.
/// </summary>
public static class IxcCommands
{
    /// <summary>The environment variable holding the IXC webservice token (never pass secrets as arguments).</summary>
    public const string TokenVariable = "COBRANCA_IXC_TOKEN";

    /// <summary>Exit code of <c>ixc debt</c> when no customer has the document.</summary>
    public const int NoCustomer = 3;

    /// <summary>Builds the <c>ixc</c> command.</summary>
    public static Command Create()
    {
        var ixc = new Command("ixc", "IXC Provedor (IXCSoft webservice v1)");
        ixc.Subcommands.Add(CreateDebt());
        var demo = new Command("demo", "Runs an IXC-shaped flow end to end on the embedded IXC sandbox (no external system).");
        demo.SetCliAction(async (parse, cancellationToken) =>
        {
            if (!parse.GetValue(CliOptions.Json))
            {
                await RunDemoAsync(AnsiConsole.Console, cancellationToken);
                return ExitCodes.Ok;
            }
            // --json: the same walk, its lines as plain text in a JSON document (no markup on stdout).
            using var text = new StringWriter(CultureInfo.InvariantCulture);
            var plain = AnsiConsole.Create(new AnsiConsoleSettings
            {
                Ansi = AnsiSupport.No, ColorSystem = ColorSystemSupport.NoColors, Interactive = InteractionSupport.No, Out = new AnsiConsoleOutput(text),
            });
            plain.Profile.Width = 200;
            await RunDemoAsync(plain, cancellationToken);
            var lines = text.ToString().Split('\n').Select(l => l.TrimEnd()).Where(l => l.Length > 0).ToList();
            CliRunner.WriteJson(new Dictionary<string, object> { ["ok"] = true, ["lines"] = lines });
            return ExitCodes.Ok;
        });
        ixc.Subcommands.Add(demo);
        return ixc;
    }

    private static Command CreateDebt()
    {
        var cpf = new Option<string>("--cpf") { Description = "CPF or CNPJ, masked or digits only", Required = true };
        var url = new Option<string>("--url") { Description = "IXC address, e.g. https://ixc.example.com.br", Required = true };
        var user = new Option<string>("--user") { Description = "Id of the IXC user with webservice access (token from " + TokenVariable + ")", Required = true };
        var pins = new Option<string[]>("--pin") { Description = "SHA-256 thumbprint of a self-signed IXC certificate to trust (repeatable)", AllowMultipleArgumentsPerToken = false };
        var get = new Option<bool>("--get-listings") { Description = "Send listings as GET with a JSON body (for instances that refuse POST)" };
        var debt = new Command("debt", "Finds the customer by CPF/CNPJ and shows overdue and upcoming invoices and the contracts' access state.")
        {
            cpf, url, user, pins, get,
        };
        debt.SetCliAction(async (parse, cancellationToken) =>
        {
            var token = Environment.GetEnvironmentVariable(TokenVariable);
            if (string.IsNullOrWhiteSpace(token))
            {
                await Console.Error.WriteLineAsync($"error: set {TokenVariable} to the IXC webservice token (the hash after \"id:\").");
                return ExitCodes.Usage;
            }
            var document = Document.Parse(parse.GetValue(cpf)!); // FormatException: usage error, message never echoes the input
            var options = new IxcClientOptions
            {
                BaseAddress = Uri.TryCreate(parse.GetValue(url), UriKind.Absolute, out var address) ? address : null, // null: validation says why
                UserId = parse.GetValue(user)!,
                Token = token,
                ListingVerb = parse.GetValue(get) ? IxcListingVerb.GetWithBody : IxcListingVerb.Post,
            };
            foreach (var pin in parse.GetValue(pins) ?? []) options.PinnedCertificateThumbprints.Add(pin);

            IxcClient client;
            try
            {
                client = new IxcClient(options);
            }
            catch (ArgumentException ex)
            {
                await Console.Error.WriteLineAsync($"error: {ex.Message}");
                return ExitCodes.Usage;
            }
            using (client)
            {
                return await ShowDebtAsync(client.AsBillingSystem(), document, parse.GetValue(CliOptions.Json), cancellationToken);
            }
        });
        return debt;
    }

    private static async Task<int> ShowDebtAsync(IBillingSystem billing, Document document, bool asJson, CancellationToken cancellationToken)
    {
        var customers = await billing.FindCustomersAsync(CustomerLookup.ByDocument(document), cancellationToken);
        if (customers.Count == 0)
        {
            if (asJson) CliRunner.WriteJson(Array.Empty<object>());
            else AnsiConsole.MarkupLine($"No IXC customer with document {Markup.Escape(document.Mask())}.");
            return NoCustomer;
        }

        var results = new List<(Customer Customer, DebtStatus Debt)>();
        foreach (var customer in customers) results.Add((customer, await billing.GetDebtStatusAsync(customer.Id, cancellationToken)));

        if (asJson)
        {
            var payload = results.Select(r => new Dictionary<string, object?>
            {
                ["customerId"] = r.Customer.Id,
                ["name"] = r.Customer.Name,
                ["asOf"] = r.Debt.AsOf.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                ["totalOverdue"] = r.Debt.TotalOverdue,
                ["maxDaysOverdue"] = r.Debt.MaxDaysOverdue,
                ["overdue"] = r.Debt.Overdue.Select(InvoiceJson).ToList(),
                ["upcoming"] = r.Debt.Upcoming.Select(InvoiceJson).ToList(),
                ["contracts"] = r.Debt.Contracts.Select(c => new Dictionary<string, object?>
                {
                    ["id"] = c.Id, ["plan"] = c.PlanName, ["access"] = c.Access.Status.Value, ["statusInternet"] = c.Access.RawCode,
                }).ToList(),
            }).ToList();
            CliRunner.WriteJson(payload);
        }
        else
        {
            foreach (var (customer, debt) in results) RenderDebt(AnsiConsole.Console, customer, debt);
        }
        return ExitCodes.Ok;
    }

    private static Dictionary<string, object?> InvoiceJson(Invoice i) => new()
    {
        ["id"] = i.Id, ["dueDate"] = i.DueDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), ["openAmount"] = i.OpenAmount,
        ["contractId"] = i.ContractId,
    };

    private static void RenderDebt(IAnsiConsole console, Customer customer, DebtStatus debt)
    {
        console.MarkupLine($"[bold]{Markup.Escape(customer.Name)}[/] (IXC id {Markup.Escape(customer.Id)}, {Markup.Escape(customer.Document?.Mask() ?? "no document")}) on {debt.AsOf:dd/MM/yyyy}");
        var table = new Table().AddColumns("Invoice", "Due", "Situation", "Open amount");
        foreach (var invoice in debt.Overdue)
            table.AddRow(invoice.Id, invoice.DueDate.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture),
                $"[red]overdue {invoice.DaysOverdueOn(debt.AsOf)} d[/]", Money.Format(invoice.OpenAmount));
        foreach (var invoice in debt.Upcoming)
            table.AddRow(invoice.Id, invoice.DueDate.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture), "[green]upcoming[/]", Money.Format(invoice.OpenAmount));
        table.AddRow("", "", "[bold]total overdue[/]", $"[bold]{Markup.Escape(Money.Format(debt.TotalOverdue))}[/]");
        console.Write(table);
        foreach (var contract in debt.Contracts)
            console.MarkupLine($"  contract {Markup.Escape(contract.Id)} {Markup.Escape(contract.PlanName ?? "")}: [bold]{Markup.Escape(contract.Access.Status.Value)}[/] (status_internet {Markup.Escape(contract.Access.RawCode ?? "?")})");
    }

    /// <summary>
    /// A <c>cobranca demo</c> backend: the IXC sandbox serving the generated ISP the way IXC stores it, driven through
    /// <see cref="IxcClient"/> over HTTP (register it in <see cref="DemoCommand.Backends"/>).
    /// </summary>
    public static IDemoBackend CreateDemoBackend() => new SandboxBackend();

    private sealed class SandboxBackend : IDemoBackend
    {
        public string Name => "ixc";

        public string Description => "IXC sandbox over HTTP (IxcClient against IxcSandbox)";

        public async Task<DemoSession> StartAsync(IspDataSet data, TimeProvider timeProvider, CancellationToken cancellationToken)
        {
            var sandbox = await IxcSandbox.StartAsync(new IxcSandboxOptions { Data = data, TimeProvider = timeProvider }, cancellationToken);
            var client = new IxcClient(new IxcClientOptions { BaseAddress = sandbox.BaseUrl, UserId = sandbox.UserId, Token = sandbox.Token },
                timeProvider: timeProvider);
            return new DemoSession(client.AsBillingSystem(), client.AsAccessController(), async () =>
            {
                client.Dispose();
                await sandbox.DisposeAsync();
            });
        }
    }

    /// <summary>
    /// Starts the IXC sandbox and walks an IXC-shaped flow end to end: find a customer by masked and by unmasked CPF,
    /// show the debt (overdue vs upcoming), get a second copy (linha digitável, PDF, Pix), ask for a trust unlock,
    /// then block and unblock the contract through the common <see cref="IAccessController"/>.
    /// </summary>
    /// <param name="console">Where to write; the default console when null.</param>
    /// <param name="cancellationToken">Cancels the demo.</param>
    public static async Task RunDemoAsync(IAnsiConsole? console = null, CancellationToken cancellationToken = default)
    {
        console ??= AnsiConsole.Console;
        await using var sandbox = await IxcSandbox.StartAsync(new IxcSandboxOptions { GeneratedCustomers = 20 }, cancellationToken);
        using var client = new IxcClient(new IxcClientOptions { BaseAddress = sandbox.BaseUrl, UserId = sandbox.UserId, Token = sandbox.Token });
        var billing = client.AsBillingSystem();
        var access = client.AsAccessController();
        console.Write(new Rule("[bold]IXC sandbox[/]").LeftJustified());
        console.MarkupLine($"IXC-shaped webservice at [blue]{Markup.Escape(sandbox.BaseUrl.ToString())}webservice/v1[/] (documents stored masked, errors under HTTP 200).");

        console.MarkupLine("\n[bold]1. Find the customer[/] by CPF, masked and unmasked (IXC only matches the masked form):");
        foreach (var typed in new[] { IxcSandboxData.MariaCpf, "12345678909" })
        {
            var before = sandbox.Requests.Count;
            var found = await billing.FindCustomersAsync(CustomerLookup.ByDocument(typed), cancellationToken);
            var sent = sandbox.Requests.Skip(before).Select(r => JsonDocument.Parse(r.Body).RootElement.GetProperty("query").GetString()).ToList();
            console.MarkupLine($"   typed as {(typed.Contains('.', StringComparison.Ordinal) ? "masked text" : "digits only")}: {found.Count} customer(s) " +
                $"after {sent.Count} IXC call(s); sent in IXC's mask form: {sent.All(q => q is not null && q.Contains('.', StringComparison.Ordinal))}");
        }
        var customer = (await billing.FindCustomersAsync(CustomerLookup.ByDocument(IxcSandboxData.MariaCpf), cancellationToken))[0];

        console.MarkupLine("\n[bold]2. Debt[/] (open is not overdue; amounts are valor_aberto; \"today\" in America/Sao_Paulo):");
        var debt = await billing.GetDebtStatusAsync(customer.Id, cancellationToken);
        RenderDebt(console, customer, debt);

        var oldest = debt.Overdue[0];
        console.MarkupLine($"\n[bold]3. Second copy[/] of invoice {Markup.Escape(oldest.Id)}:");
        var slip = await billing.GetPaymentSlipAsync(oldest.Id, cancellationToken);
        console.MarkupLine($"   linha digitável {Markup.Escape(slip.DigitableLine ?? "(none)")}");
        console.MarkupLine($"   PDF {slip.Pdf?.Length ?? 0} bytes (validated %PDF), link {Markup.Escape(slip.PdfUrl?.ToString() ?? "(none)")}");
        console.MarkupLine($"   Pix copia-e-cola {Markup.Escape(slip.PixCopyPaste is { } pix ? pix[..Math.Min(40, pix.Length)] + "..." : "(none)")}");
        foreach (var warning in slip.Warnings) console.MarkupLine($"   [yellow]{Markup.Escape(warning)}[/]");

        var contract = debt.Contracts[0];
        console.MarkupLine($"\n[bold]4. Trust unlock[/] of contract {Markup.Escape(contract.Id)} ({Markup.Escape(contract.Access.Status.Value)}, status_internet {Markup.Escape(contract.Access.RawCode ?? "?")}):");
        var unlock = await billing.RequestTrustUnlockAsync(contract.Id, cancellationToken);
        console.MarkupLine($"   {unlock.Outcome}{(unlock.Until is { } until ? $" until {until:dd/MM/yyyy}" : "")}");
        var again = await billing.RequestTrustUnlockAsync(contract.Id, cancellationToken);
        console.MarkupLine($"   asking again: {again.Outcome} (IXC code {Markup.Escape(again.ProviderCode ?? "-")})");

        var subscriber = contract.ToSubscriber();
        console.MarkupLine($"\n[bold]5. Block[/] through IAccessController ({Markup.Escape(subscriber.ToString())}):");
        var blocked = await access.BlockAsync(subscriber, BlockRequest.Overdue, cancellationToken);
        console.MarkupLine($"   {blocked.Outcome}: {Markup.Escape(blocked.State.Status.Value)} ({Markup.Escape(blocked.Detail ?? "")})");
        var blockedAgain = await access.BlockAsync(subscriber, BlockRequest.Overdue, cancellationToken);
        console.MarkupLine($"   again: {blockedAgain.Outcome} (idempotent, no write sent)");

        console.MarkupLine("\n[bold]6. Unblock[/]:");
        var unblocked = await access.UnblockAsync(subscriber, cancellationToken);
        console.MarkupLine($"   {unblocked.Outcome}: {Markup.Escape(unblocked.State.Status.Value)} ({Markup.Escape(unblocked.Detail ?? "")})");
        console.MarkupLine($"\n{sandbox.Requests.Count} calls to the IXC sandbox in total.");
    }
}
