using System.CommandLine;
using System.Globalization;
using Cobranca.Cli.Demo;
using Cobranca.Connectors.Abstractions;
using Cobranca.Connectors.MkAuth;
using Cobranca.Connectors.Testing;
using Cobranca.Connectors.Testing.MkAuth;
using Spectre.Console;

namespace Cobranca.Cli.Commands;

/// <summary>
/// <c>cobranca mkauth ...</c>: MK-Auth commands against a real server. Exit codes follow <see cref="ExitCodes"/>, plus
/// <see cref="NoCustomer"/> when <c>mkauth debt</c> finds nobody with the document.
/// </summary>
public static class MkAuthCommands
{
    /// <summary>The environment variable holding the API user's Client_Secret (never pass secrets as arguments).</summary>
    public const string SecretVariable = "COBRANCA_MKAUTH_CLIENT_SECRET";

    /// <summary>Exit code of <c>mkauth debt</c> when no customer has the document.</summary>
    public const int NoCustomer = 3;

    /// <summary>Builds the <c>mkauth</c> command.</summary>
    public static Command Create()
    {
        var mkauth = new Command("mkauth", "MK-Auth (mk-auth.com.br) API, JWT over HTTPS");
        mkauth.Subcommands.Add(CreateDebt());
        return mkauth;
    }

    private static Command CreateDebt()
    {
        var cpf = new Option<string>("--cpf") { Description = "CPF or CNPJ, masked or digits only", Required = true };
        var url = new Option<string>("--url") { Description = "MK-Auth server, e.g. https://192.168.88.10 (HTTPS only)", Required = true };
        var clientId = new Option<string>("--client-id") { Description = "The API user's Client_Id (Client_Secret from " + SecretVariable + ")", Required = true };
        var pins = new Option<string[]>("--pin") { Description = "SHA-256 thumbprint of the server's self-signed certificate to trust (repeatable)", AllowMultipleArgumentsPerToken = false };
        var debt = new Command("debt", "Finds the customer by CPF/CNPJ (every login of that document) and shows overdue and upcoming titles and each login's access state.")
        {
            cpf, url, clientId, pins,
        };
        debt.SetCliAction(async (parse, cancellationToken) =>
        {
            var secret = Environment.GetEnvironmentVariable(SecretVariable);
            if (string.IsNullOrWhiteSpace(secret))
            {
                await Console.Error.WriteLineAsync($"error: set {SecretVariable} to the API user's Client_Secret.");
                return ExitCodes.Usage;
            }
            var document = Document.Parse(parse.GetValue(cpf)!); // FormatException: usage error, message never echoes the input
            if (!Uri.TryCreate(parse.GetValue(url), UriKind.Absolute, out var address))
            {
                await Console.Error.WriteLineAsync("error: --url must be an absolute https URL such as https://192.168.88.10.");
                return ExitCodes.Usage;
            }
            var options = new MkAuthClientOptions { BaseAddress = address, ClientId = parse.GetValue(clientId)!, ClientSecret = secret };
            foreach (var pin in parse.GetValue(pins) ?? []) options.PinnedCertificateThumbprints.Add(pin);

            MkAuthClient client;
            try
            {
                client = new MkAuthClient(options);
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

    private static async Task<int> ShowDebtAsync(MkAuthClient client, Document document, bool asJson, CancellationToken cancellationToken)
    {
        var billing = client.AsBillingSystem();
        var customers = await billing.FindCustomersAsync(CustomerLookup.ByDocument(document), cancellationToken);
        if (customers.Count == 0)
        {
            if (asJson) CliRunner.WriteJson(Array.Empty<object>());
            else AnsiConsole.MarkupLine($"No MK-Auth customer with document {Markup.Escape(document.Mask())}.");
            return NoCustomer;
        }

        var customer = customers[0];
        var debt = await billing.GetDebtStatusAsync(customer.Id, cancellationToken);
        if (asJson)
        {
            CliRunner.WriteJson(new[]
            {
                new Dictionary<string, object?>
                {
                    ["customerId"] = customer.Id,
                    ["name"] = customer.Name,
                    ["asOf"] = debt.AsOf.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                    ["totalOverdue"] = debt.TotalOverdue,
                    ["maxDaysOverdue"] = debt.MaxDaysOverdue,
                    ["overdue"] = debt.Overdue.Select(InvoiceJson).ToList(),
                    ["upcoming"] = debt.Upcoming.Select(InvoiceJson).ToList(),
                    ["logins"] = debt.Contracts.Select(c => new Dictionary<string, object?>
                    {
                        ["id"] = c.Id, ["login"] = c.Login, ["plan"] = c.PlanName, ["access"] = c.Access.Status.Value, ["raw"] = c.Access.RawCode,
                    }).ToList(),
                    ["server"] = client.Server?.ToString(),
                },
            });
        }
        else
        {
            RenderDebt(AnsiConsole.Console, customer, debt);
            AnsiConsole.MarkupLine($"[grey]MK-Auth install: {Markup.Escape(client.Server?.ToString() ?? "not detected")}[/]");
        }
        return ExitCodes.Ok;
    }

    private static Dictionary<string, object?> InvoiceJson(Invoice i) => new()
    {
        ["id"] = i.Id, ["title"] = i.Description, ["status"] = i.RawStatus, ["dueDate"] = i.DueDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        ["openAmount"] = i.OpenAmount, ["login"] = i.Raw.GetValueOrDefault("login"),
    };

    private static void RenderDebt(IAnsiConsole console, Customer customer, DebtStatus debt)
    {
        console.MarkupLine($"[bold]{Markup.Escape(customer.Name)}[/] ({Markup.Escape(customer.Document?.Mask() ?? "no document")}) on {debt.AsOf:dd/MM/yyyy}");
        var table = new Table().AddColumns("Title", "Login", "Due", "MK-Auth status", "Situation", "Open amount");
        foreach (var invoice in debt.Overdue)
            table.AddRow(Markup.Escape(invoice.Description ?? invoice.Id), Markup.Escape(invoice.Raw.GetValueOrDefault("login") ?? "-"),
                invoice.DueDate.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture), Markup.Escape(invoice.RawStatus ?? "-"),
                $"[red]overdue {invoice.DaysOverdueOn(debt.AsOf)} d[/]", Money.Format(invoice.OpenAmount));
        foreach (var invoice in debt.Upcoming)
            table.AddRow(Markup.Escape(invoice.Description ?? invoice.Id), Markup.Escape(invoice.Raw.GetValueOrDefault("login") ?? "-"),
                invoice.DueDate.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture), Markup.Escape(invoice.RawStatus ?? "-"), "[green]upcoming[/]", Money.Format(invoice.OpenAmount));
        table.AddRow("", "", "", "", "[bold]total overdue[/]", $"[bold]{Markup.Escape(Money.Format(debt.TotalOverdue))}[/]");
        console.Write(table);
        foreach (var contract in debt.Contracts)
            console.MarkupLine($"  login {Markup.Escape(contract.Login ?? contract.Id)} {Markup.Escape(contract.PlanName ?? "")}: [bold]{Markup.Escape(contract.Access.Status.Value)}[/] ({Markup.Escape(contract.Access.RawCode ?? "?")})");
    }

    /// <summary>
    /// A <c>cobranca demo --erp mkauth</c> backend: the MK-Auth sandbox (current profile, HTTPS with its self-signed
    /// certificate pinned) serving the generated ISP, driven through <see cref="MkAuthClient"/>; MK-Auth is both the billing
    /// system and the access controller (<c>cliente/editar</c>). The demo steps speak the data set's customer ids, so they
    /// see the client through <see cref="MkAuthDataSetIds"/>.
    /// </summary>
    public static IDemoBackend CreateDemoBackend() => new SandboxBackend();

    private sealed class SandboxBackend : IDemoBackend
    {
        public string Name => "mkauth";

        public string Description => "MK-Auth sandbox over HTTPS (MkAuthClient against MkAuthSandbox, JWT, pinned self-signed certificate)";

        public async Task<DemoSession> StartAsync(IspDataSet data, TimeProvider timeProvider, CancellationToken cancellationToken)
        {
            var sandbox = await MkAuthSandbox.StartAsync(new MkAuthSandboxOptions { Data = data, TimeProvider = timeProvider }, cancellationToken);
            var options = new MkAuthClientOptions { BaseAddress = sandbox.BaseAddress, ClientId = sandbox.ClientId, ClientSecret = sandbox.ClientSecret };
            options.PinnedCertificateThumbprints.Add(sandbox.CertificateSha256);
            var client = new MkAuthClient(options, timeProvider: timeProvider);
            try
            {
                await client.DetectAsync(cancellationToken);
            }
            catch
            {
                client.Dispose();
                await sandbox.DisposeAsync();
                throw;
            }
            var view = new MkAuthDataSetIds(sandbox, client.AsBillingSystem(), client.AsAccessController());
            return new DemoSession(view, view, async () =>
            {
                client.Dispose();
                await sandbox.DisposeAsync();
            })
            {
                RecordPaymentInErp = (invoice, _) =>
                {
                    sandbox.PayTitle(invoice.Id); // the bank return MK-Auth processes
                    return Task.CompletedTask;
                },
            };
        }
    }
}
