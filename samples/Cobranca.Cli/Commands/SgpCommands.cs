using System.CommandLine;
using System.Globalization;
using Cobranca.Cli.Demo;
using Cobranca.Connectors.Abstractions;
using Cobranca.Connectors.Sgp;
using Cobranca.Connectors.Testing;
using Cobranca.Connectors.Testing.Sgp;
using Spectre.Console;

namespace Cobranca.Cli.Commands;

/// <summary>
/// <c>cobranca sgp ...</c>: SGP (TSMX) commands against a real instance, and the SGP demo backend
/// (<c>cobranca demo --erp sgp</c>). Exit codes follow <see cref="ExitCodes"/>, plus <see cref="NoCustomer"/> when
/// <c>sgp debt</c> finds nobody with the document.
/// </summary>
public static class SgpCommands
{
    /// <summary>The environment variable holding the SGP integration token (never pass secrets as arguments).</summary>
    public const string TokenVariable = "COBRANCA_SGP_TOKEN";

    /// <summary>Exit code of <c>sgp debt</c> when no customer has the document.</summary>
    public const int NoCustomer = 3;

    /// <summary>Builds the <c>sgp</c> command.</summary>
    public static Command Create()
    {
        var sgp = new Command("sgp", "SGP (TSMX) URA API");
        sgp.Subcommands.Add(CreateDebt());
        return sgp;
    }

    private static Command CreateDebt()
    {
        var cpf = new Option<string>("--cpf") { Description = "CPF or CNPJ, masked or digits only", Required = true };
        var url = new Option<string>("--url") { Description = "SGP address, e.g. https://provedor.sgp.net.br", Required = true };
        var app = new Option<string>("--app") { Description = "Name of the application registered with the token in SGP (case-sensitive; token from " + TokenVariable + ")", Required = true };
        var legacy = new Option<bool>("--legacy-prefix") { Description = "Call /ws/ura/ instead of /api/ura/ (old installs)" };
        var pins = new Option<string[]>("--pin") { Description = "SHA-256 thumbprint of a self-signed SGP certificate to trust (repeatable)", AllowMultipleArgumentsPerToken = false };
        var debt = new Command("debt", "Finds the customer by CPF/CNPJ and shows overdue and upcoming titles and the contracts' status.")
        {
            cpf, url, app, legacy, pins,
        };
        debt.SetCliAction(async (parse, cancellationToken) =>
        {
            var token = Environment.GetEnvironmentVariable(TokenVariable);
            if (string.IsNullOrWhiteSpace(token))
            {
                await Console.Error.WriteLineAsync($"error: set {TokenVariable} to the SGP integration token.");
                return ExitCodes.Usage;
            }
            if (!Document.TryParse(parse.GetValue(cpf), out var document))
            {
                await Console.Error.WriteLineAsync("error: --cpf is not a valid CPF or CNPJ (check digits).");
                return ExitCodes.Usage;
            }
            if (!Uri.TryCreate(parse.GetValue(url), UriKind.Absolute, out var address))
            {
                await Console.Error.WriteLineAsync("error: --url must be an absolute address such as https://provedor.sgp.net.br.");
                return ExitCodes.Usage;
            }
            var options = new SgpClientOptions { BaseAddress = address, Token = token, App = parse.GetValue(app), UseLegacyUraPrefix = parse.GetValue(legacy) };
            foreach (var pin in parse.GetValue(pins) ?? []) options.PinnedCertificateThumbprints.Add(pin);

            SgpClient client;
            try
            {
                client = new SgpClient(options);
            }
            catch (ArgumentException ex)
            {
                await Console.Error.WriteLineAsync($"error: {ex.Message}");
                return ExitCodes.Usage;
            }
            using (client)
            {
                return await ShowDebtAsync(client, document, parse.GetValue(CliOptions.Json), cancellationToken);
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
            else AnsiConsole.MarkupLine($"No SGP customer with document {Markup.Escape(document.Mask())}.");
            return NoCustomer;
        }

        var results = new List<(Customer Customer, DebtStatus Debt)>();
        foreach (var customer in customers) results.Add((customer, await billing.GetDebtStatusAsync(customer.Id, cancellationToken)));
        if (asJson)
        {
            CliRunner.WriteJson(results.Select(r => new Dictionary<string, object?>
            {
                ["customerId"] = r.Customer.Id,
                ["name"] = r.Customer.Name,
                ["asOf"] = r.Debt.AsOf.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                ["totalOverdue"] = r.Debt.TotalOverdue,
                ["maxDaysOverdue"] = r.Debt.MaxDaysOverdue,
                ["overdue"] = r.Debt.Overdue.Select(Title).ToList(),
                ["upcoming"] = r.Debt.Upcoming.Select(Title).ToList(),
                ["contracts"] = r.Debt.Contracts.Select(c => new Dictionary<string, object?>
                {
                    ["id"] = c.Id, ["plan"] = c.PlanName, ["access"] = c.Access.Status.Value, ["contratoStatus"] = c.Access.RawCode,
                }).ToList(),
            }).ToList());
            return ExitCodes.Ok;
        }

        foreach (var (customer, debt) in results)
        {
            AnsiConsole.MarkupLine($"[bold]{Markup.Escape(customer.Name)}[/] (SGP client {Markup.Escape(customer.Id)}, {Markup.Escape(customer.Document?.Mask() ?? "no document")}) on {debt.AsOf:dd/MM/yyyy}");
            var table = new Table().AddColumns("Title", "Contract", "Due", "Situation", "Open amount");
            foreach (var i in debt.Overdue.Concat(debt.Upcoming))
            {
                var overdue = i.DueDate < debt.AsOf;
                table.AddRow(Markup.Escape(i.Id), Markup.Escape(i.ContractId ?? "-"), i.DueDate.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture),
                    overdue ? $"[red]overdue {i.DaysOverdueOn(debt.AsOf)} d[/]" : "[green]upcoming[/]", Markup.Escape(Money.Format(i.OpenAmount)));
            }
            table.AddRow("", "", "", "[bold]total overdue[/]", $"[bold]{Markup.Escape(Money.Format(debt.TotalOverdue))}[/]");
            AnsiConsole.Write(table);
            foreach (var contract in debt.Contracts)
            {
                AnsiConsole.MarkupLine($"  contract {Markup.Escape(contract.Id)} {Markup.Escape(contract.PlanName ?? "")}: [bold]{Markup.Escape(contract.Access.Status.Value)}[/] " +
                    $"(SGP status {Markup.Escape(contract.Access.Detail ?? contract.Access.RawCode ?? "?")})");
            }
        }
        return ExitCodes.Ok;
    }

    private static Dictionary<string, object?> Title(Invoice i) => new()
    {
        ["id"] = i.Id, ["dueDate"] = i.DueDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), ["openAmount"] = i.OpenAmount, ["contractId"] = i.ContractId,
    };

    /// <summary>
    /// The <c>cobranca demo --erp sgp</c> backend: the SGP sandbox serving the generated ISP the way SGP does, driven
    /// through <see cref="SgpClient"/> over HTTP, as the billing system and the access controller (contract status
    /// edit + RADIUS disconnect); a payment is registered in SGP with <c>baixar</c>.
    /// </summary>
    public static IDemoBackend CreateDemoBackend() => new SandboxBackend();

    private sealed class SandboxBackend : IDemoBackend
    {
        public string Name => "sgp";

        public string Description => "SGP sandbox over HTTP (SgpClient against SgpSandbox: URA API, status edit, promises, baixa)";

        public async Task<DemoSession> StartAsync(IspDataSet data, TimeProvider timeProvider, CancellationToken cancellationToken)
        {
            var sandbox = await SgpSandbox.StartAsync(new SgpSandboxOptions { Data = data, TimeProvider = timeProvider }, cancellationToken);
            var client = new SgpClient(new SgpClientOptions { BaseAddress = sandbox.BaseUrl, Token = sandbox.Token, App = sandbox.App },
                timeProvider: timeProvider);
            var access = client.AsAccessController();
            return new DemoSession(client, access, async () =>
            {
                client.Dispose();
                await sandbox.DisposeAsync();
            })
            {
                RecordPaymentInErp = (invoice, ct) =>
                    client.SettleInvoiceAsync(invoice.Id, invoice.OpenAmount, BrazilTime.Today(timeProvider), SgpPaymentMethod.Pix, cancellationToken: ct),
            };
        }
    }
}
