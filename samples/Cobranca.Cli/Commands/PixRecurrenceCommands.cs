using System.CommandLine;
using System.Globalization;
using Cobranca.Connectors.Abstractions;
using Cobranca.Connectors.Pix;
using Cobranca.Connectors.Testing.Pix;
using Spectre.Console;

namespace Cobranca.Cli.Commands;

/// <summary>
/// <c>cobranca pix recurrence enrol|status|cancel</c>: Pix Automático recurrences. Without <c>--url</c>/<c>--provider</c>
/// each invocation runs against a fresh embedded <see cref="PixPspSandbox"/> (so <c>status</c>/<c>cancel</c> of an id
/// from another run report "not found"). Credentials as for <c>pix charge</c> (environment variables only).
/// </summary>
public static class PixRecurrenceCommands
{
    /// <summary>The <c>recurrence</c> command tree.</summary>
    public static Command Create()
    {
        var command = new Command("recurrence", "Pix Automático: enrol a subscriber (journey-2 QR code), read or cancel a recurrence.");
        command.Subcommands.Add(CreateEnrol());
        command.Subcommands.Add(CreateLookup("status", "Show a recurrence's status (and its QR code while awaiting authorisation).", cancel: false));
        command.Subcommands.Add(CreateLookup("cancel", "Cancel a recurrence (PATCH status CANCELADA).", cancel: true));
        return command;
    }

    private sealed record PspOptions(Option<Uri?> Url, Option<Uri?> TokenUrl, Option<string?> Provider, Option<bool> Homologation)
    {
        public static PspOptions Create() => new(
            new Option<Uri?>("--url") { Description = "PSP API base URL (with /v2/); omit for the demo sandbox", CustomParser = CliParsers.AbsoluteUrl },
            new Option<Uri?>("--token-url") { Description = "PSP token URL (defaults to the provider profile's)", CustomParser = CliParsers.AbsoluteUrl },
            new Option<string?>("--provider") { Description = "Provider profile: efi, inter, sicredi, bb" },
            new Option<bool>("--homologacao") { Description = "Use the provider's homologation URLs" });

        public void AddTo(Command command)
        {
            command.Options.Add(Url);
            command.Options.Add(TokenUrl);
            command.Options.Add(Provider);
            command.Options.Add(Homologation);
        }

        /// <summary>Runs <paramref name="body"/> with a client on the PSP, or on a fresh sandbox (demo).</summary>
        public async Task<int> RunAsync(ParseResult parse, Func<PixClient, PixPspSandbox?, Task<int>> body)
        {
            var real = parse.GetValue(Url) is not null || parse.GetValue(Provider) is not null;
            try
            {
                if (real)
                {
                    var options = PixCommands.RealOptions(parse.GetValue(Url), parse.GetValue(TokenUrl), parse.GetValue(Provider), parse.GetValue(Homologation));
                    options.RequestRecurrenceScopes = true;
                    using var client = new PixClient(options);
                    return await body(client, null);
                }

                await using var psp = await PixPspSandbox.StartAsync();
                using var demo = new PixClient(PixCommands.SandboxOptions(psp));
                return await body(demo, psp);
            }
            catch (ArgumentException ex)
            {
                await Console.Error.WriteLineAsync($"error: {SensitiveData.Redact(ex.Message)}");
                return ExitCodes.Usage;
            }
        }
    }

    private static Command CreateEnrol()
    {
        var customer = new Option<string>("--customer") { Description = "Customer / contract id (up to 35 characters)", Required = true };
        var document = new Option<string>("--document") { Description = "The payer's CPF or CNPJ", Required = true };
        var name = new Option<string>("--name") { Description = "The payer's name", Required = true };
        var due = new Option<DateOnly?>("--due") { Description = "First due date (yyyy-MM-dd), today or later", Required = true, CustomParser = CliParsers.Date };
        var minimum = new Option<decimal?>("--min-amount") { Description = "Floor of the payer's maximum per charge (the cheapest plan)", CustomParser = r => CliParsers.Amount(r) };
        var description = new Option<string>("--description") { Description = "What is charged (up to 35 characters)", DefaultValueFactory = _ => "Internet banda larga" };
        var psp = PspOptions.Create();
        var command = new Command("enrol", "Create a recurrence with a QR location and print the journey-2 QR code (copia-e-cola) to send to the subscriber.")
        {
            customer, document, name, due, minimum, description,
        };
        psp.AddTo(command);
        command.SetCliAction((parse, ct) => psp.RunAsync(parse, async (client, sandbox) =>
        {
            if (!Document.TryParse(parse.GetValue(document), out var payer))
                throw new ArgumentException("--document is not a valid CPF or CNPJ.");
            var location = await client.CreateRecurrenceLocationAsync(ct);
            var rec = await client.CreateRecurrenceAsync(new PixRecurrenceRequest
            {
                Contract = parse.GetValue(customer)!,
                Description = parse.GetValue(description),
                Debtor = payer,
                DebtorName = parse.GetValue(name)!,
                StartDate = parse.GetValue(due)!.Value,
                MinimumAmount = parse.GetValue(minimum),
                LocationId = location.Id,
            }, ct);
            Print(await client.GetRecurrenceAsync(rec.Id, null, ct), sandbox is null, parse.GetValue(CliOptions.Json));
            return ExitCodes.Ok;
        }));
        return command;
    }

    private static Command CreateLookup(string verb, string description, bool cancel)
    {
        var id = new Option<string>("--id") { Description = "The recurrence id (idRec)", Required = true };
        var psp = PspOptions.Create();
        var command = new Command(verb, description) { id };
        psp.AddTo(command);
        command.SetCliAction((parse, ct) => psp.RunAsync(parse, async (client, sandbox) =>
        {
            var value = parse.GetValue(id)!;
            if (value.Length != 29 || !value.All(char.IsAsciiLetterOrDigit))
                throw new ArgumentException("--id must be an idRec: 29 letters or digits.");
            var rec = cancel ? await client.CancelRecurrenceAsync(value, ct) : await client.GetRecurrenceAsync(value, null, ct);
            Print(rec, sandbox is null, parse.GetValue(CliOptions.Json));
            return ExitCodes.Ok;
        }));
        return command;
    }

    private static void Print(PixRecurrence rec, bool real, bool json)
    {
        if (json)
        {
            CliRunner.WriteJson(new Dictionary<string, object?>
            {
                ["mode"] = real ? "psp" : "demo",
                ["recurrenceId"] = rec.Id,
                ["status"] = rec.StatusCode,
                ["contract"] = rec.Contract,
                ["startDate"] = rec.StartDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                ["journey"] = rec.Journey.ToString(),
                ["cancelledBy"] = rec.CancelledBy,
                ["pixCopiaECola"] = rec.QrCode,
            });
            return;
        }

        var table = new Table().Border(TableBorder.Rounded).AddColumn("Field").AddColumn("Value");
        table.AddRow("Mode", real ? "PSP" : "demo (embedded sandbox PSP)");
        table.AddRow("idRec", Markup.Escape(rec.Id));
        table.AddRow("Status", Markup.Escape(rec.StatusCode ?? "-"));
        table.AddRow("Contract", Markup.Escape(rec.Contract ?? "-"));
        table.AddRow("Payer", Markup.Escape(rec.Debtor?.Mask() ?? "-"));
        if (rec.CancelledBy is not null) table.AddRow("Cancelled by", Markup.Escape(rec.CancelledBy));
        AnsiConsole.Write(table);
        if (rec.QrCode is not null) AnsiConsole.MarkupLineInterpolated($"QR code (copia e cola): {rec.QrCode}");
    }
}
