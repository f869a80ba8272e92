using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Cobranca.Connectors.Abstractions;
using Cobranca.Connectors.Pix;
using Cobranca.Connectors.Testing.Pix;
using Spectre.Console;

namespace Cobranca.Cli.Commands;

/// <summary>
/// <c>cobranca pix …</c>: create Pix charges on a BACEN API Pix PSP. Without <c>--url</c>/<c>--provider</c> it runs in
/// demo mode against an embedded <see cref="PixPspSandbox"/>. Credentials come from environment variables only:
/// COBRANCA_PIX_CLIENT_ID, COBRANCA_PIX_CLIENT_SECRET, COBRANCA_PIX_CERT_PATH, COBRANCA_PIX_CERT_PASSWORD, COBRANCA_PIX_KEY.
/// </summary>
public static class PixCommands
{
    private const string TxidPrefix = "CLI";

    /// <summary>The <c>pix</c> command tree.</summary>
    public static Command Create()
    {
        var pix = new Command("pix", "Pix: charges over the BACEN API Pix (embedded sandbox PSP when no --url/--provider), txids, decoding.");
        pix.Subcommands.Add(CreateCharge());
        pix.Subcommands.Add(CreateTxid());
        pix.Subcommands.Add(CreateDemo());
        pix.Subcommands.Add(PixRecurrenceCommands.Create());
        return pix;
    }

    private static Command CreateDemo()
    {
        var amount = new Option<decimal>("--amount")
        {
            Description = "Amount in BRL, 99.90 or 99,90", DefaultValueFactory = _ => 99.90m, CustomParser = CliParsers.Amount,
        };
        var invoice = new Option<string>("--invoice") { Description = "Invoice id", DefaultValueFactory = _ => "123" };
        var command = new Command("demo", "Charge, pay and confirm a Pix end to end on the embedded sandbox (webhook + re-query).") { amount, invoice };
        command.SetCliAction(async (parse, ct) =>
        {
            var result = await RunDemoPaymentAsync(parse.GetValue(amount), parse.GetValue(invoice)!, ct);
            var p = result.Payment;
            if (parse.GetValue(CliOptions.Json))
            {
                CliRunner.WriteJson(new Dictionary<string, object?>
                {
                    ["txid"] = result.Charge.Txid,
                    ["amount"] = Money.ToInvariantString(result.Charge.Amount),
                    ["dueDate"] = result.Charge.DueDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                    ["paidInvoice"] = p.InvoiceId,
                    ["paidAmount"] = Money.ToInvariantString(p.Amount),
                    ["e2eid"] = p.PaymentId,
                    ["payer"] = p.PayerMasked,
                    ["paidAt"] = p.PaidAt.ToString("O", CultureInfo.InvariantCulture),
                });
                return ExitCodes.Ok;
            }
            AnsiConsole.MarkupLineInterpolated($"Charge [bold]{result.Charge.Txid}[/] created ({Money.Format(result.Charge.Amount)}, due {result.Charge.DueDate:dd/MM/yyyy}).");
            AnsiConsole.MarkupLineInterpolated($"PaymentReceived: invoice [bold]{p.InvoiceId}[/], {Money.Format(p.Amount)}, e2eid {p.PaymentId}, payer {p.PayerMasked}, at {p.PaidAt:O}.");
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command CreateCharge()
    {
        var amount = new Option<decimal>("--amount")
        {
            Description = "Amount in BRL: 99.90 or 99,90 (1.234,56 with thousands; 1.234 alone is ambiguous and refused)",
            Required = true,
            CustomParser = CliParsers.Amount,
        };
        var invoice = new Option<string>("--invoice") { Description = "Invoice id (alphanumeric); the txid is derived from it", Required = true };
        var due = new Option<DateOnly?>("--due")
        {
            Description = "Due date (yyyy-MM-dd): creates a cobv with 2 % fine and 1 % a month interest", CustomParser = CliParsers.Date,
        };
        var url = new Option<Uri?>("--url") { Description = "PSP API base URL (with /v2/); omit for the demo sandbox", CustomParser = CliParsers.AbsoluteUrl };
        var tokenUrl = new Option<Uri?>("--token-url") { Description = "PSP token URL (defaults to the provider profile's)", CustomParser = CliParsers.AbsoluteUrl };
        var provider = new Option<string?>("--provider") { Description = "Provider profile: efi, inter, sicoob, sicredi, bb, itau" };
        var sandbox = new Option<bool>("--homologacao") { Description = "Use the provider's homologation URLs" };
        var command = new Command("charge", "Create a Pix charge for an invoice and print the copia-e-cola.")
        {
            amount, invoice, due, url, tokenUrl, provider, sandbox,
        };
        command.SetCliAction(async (parse, ct) =>
        {
            var request = new ChargeArgs(parse.GetValue(amount), parse.GetValue(invoice)!, parse.GetValue(due));
            var real = parse.GetValue(url) is not null || parse.GetValue(provider) is not null;
            try
            {
                PixCharge charge;
                if (real)
                {
                    var options = RealOptions(parse.GetValue(url), parse.GetValue(tokenUrl), parse.GetValue(provider), parse.GetValue(sandbox));
                    var key = Environment.GetEnvironmentVariable("COBRANCA_PIX_KEY")
                        ?? throw new ArgumentException("Set COBRANCA_PIX_KEY to your Pix key.");
                    using var client = new PixClient(options);
                    charge = await CreateChargeAsync(client, key, request, ct);
                }
                else
                {
                    await using var psp = await PixPspSandbox.StartAsync(cancellationToken: ct);
                    using var client = new PixClient(SandboxOptions(psp));
                    charge = await CreateChargeAsync(client, psp.Key, request, ct);
                }

                Print(charge, real, parse.GetValue(CliOptions.Json));
                return ExitCodes.Ok;
            }
            catch (ArgumentException ex)
            {
                // Options (environment, provider name, key) the user must fix; connector failures go through CliRunner.
                await Console.Error.WriteLineAsync($"error: {SensitiveData.Redact(ex.Message)}");
                return ExitCodes.Usage;
            }
        });
        return command;
    }

    private static Command CreateTxid()
    {
        var invoice = new Option<string>("--invoice") { Description = "Invoice id (alphanumeric)", Required = true };
        var prefix = new Option<string>("--prefix") { Description = "Txid prefix (0-10 alphanumerics)", DefaultValueFactory = _ => TxidPrefix };
        var command = new Command("txid", "Print the deterministic txid of an invoice.") { invoice, prefix };
        command.SetAction(parse =>
        {
            try
            {
                var txid = PixTxid.ForInvoice(parse.GetValue(prefix)!, parse.GetValue(invoice)!);
                if (parse.GetValue(CliOptions.Json)) CliRunner.WriteJson(new Dictionary<string, string> { ["txid"] = txid });
                else Console.WriteLine(txid);
                return ExitCodes.Ok;
            }
            catch (ArgumentException ex)
            {
                Console.Error.WriteLine($"error: {ex.Message}");
                return ExitCodes.Usage;
            }
        });
        return command;
    }

    /// <summary>The result of <see cref="RunDemoPaymentAsync"/>.</summary>
    /// <param name="Charge">The charge created at the sandbox PSP.</param>
    /// <param name="Payment">The normalised event raised by the webhook handler after re-querying the PSP.</param>
    public sealed record PixDemoResult(PixCharge Charge, PaymentReceived Payment);

    /// <summary>
    /// End-to-end Pix demo for <c>cobranca demo</c>: starts the sandbox PSP and a webhook endpoint (minimal API hosting
    /// <see cref="PixWebhookHandler"/>), registers the webhook, creates a cobv for the invoice, pays it at the PSP and
    /// returns the <see cref="PaymentReceived"/> the handler raised (after re-querying the PSP).
    /// </summary>
    /// <param name="amount">Invoice amount.</param>
    /// <param name="invoiceId">Invoice id (alphanumeric).</param>
    /// <param name="cancellationToken">Cancels the demo.</param>
    public static async Task<PixDemoResult> RunDemoPaymentAsync(decimal amount, string invoiceId, CancellationToken cancellationToken = default)
    {
        await using var psp = await PixPspSandbox.StartAsync(cancellationToken: cancellationToken);
        using var client = new PixClient(SandboxOptions(psp));
        var received = new TaskCompletionSource<PaymentReceived>(TaskCreationOptions.RunContinuationsAsynchronously);
        var paymentOptions = new PixPaymentOptions { TxidPrefix = TxidPrefix };
        paymentOptions.AllowedKeys.Add(psp.Key);
        var handler = new PixWebhookHandler(client, (e, _) => { received.TrySetResult(e); return Task.CompletedTask; }, paymentOptions);

        // Stands in for the application's webhook route (see docs/pix.md for the minimal API version).
        await using var endpoint = await PixWebhookReceiver.StartAsync(
            async (body, ct) => (await handler.HandleCallbackAsync(body, ct)).SuggestedStatusCode, cancellationToken);
        await client.ConfigureWebhookAsync(psp.Key, endpoint.Url, cancellationToken);
        var today = BrazilTime.Today(TimeProvider.System);
        var charge = await CreateChargeAsync(client, psp.Key, new ChargeArgs(amount, invoiceId, today.AddDays(10)), cancellationToken);
        await psp.PayAsync(charge.Txid, cancellationToken: cancellationToken);
        var payment = await received.Task.WaitAsync(TimeSpan.FromSeconds(30), cancellationToken);
        return new PixDemoResult(charge, payment);
    }

    private sealed record ChargeArgs(decimal Amount, string InvoiceId, DateOnly? DueDate);

    private static Task<PixCharge> CreateChargeAsync(IPixClient client, string key, ChargeArgs args, CancellationToken ct)
    {
        var txid = PixTxid.ForInvoice(TxidPrefix, args.InvoiceId);
        if (args.DueDate is not { } due)
        {
            return client.CreateChargeAsync(txid, new PixImmediateChargeRequest
            {
                Key = key,
                Amount = args.Amount,
                Expiration = TimeSpan.FromHours(24),
                PayerMessage = $"Fatura {args.InvoiceId}",
            }, ct);
        }

        return client.CreateDueChargeAsync(txid, new PixDueChargeRequest
        {
            Key = key,
            Amount = args.Amount,
            DueDate = due,
            Debtor = new PixDebtor { Document = Document.Parse("123.456.789-09"), Name = "Cliente Demonstracao" },
            Fine = PixFine.Percentage(2m),
            Interest = PixInterest.PercentPerMonth(1m),
            PayerMessage = $"Fatura {args.InvoiceId}",
        }, ct);
    }

    internal static PixClientOptions SandboxOptions(PixPspSandbox psp) => new()
    {
        BaseAddress = psp.BaseUrl,
        TokenUrl = psp.TokenUrl,
        ClientId = psp.ClientId,
        ClientSecret = psp.ClientSecret,
    };

    internal static PixClientOptions RealOptions(Uri? url, Uri? tokenUrl, string? provider, bool homologation)
    {
        PixProviderProfile? profile = null;
        if (provider is not null)
        {
            profile = PixProviderProfile.BuiltIn.FirstOrDefault(p => string.Equals(p.Name, provider, StringComparison.OrdinalIgnoreCase))
                ?? throw new ArgumentException($"Unknown provider '{provider}'. Known: {string.Join(", ", PixProviderProfile.BuiltIn.Select(p => p.Name))}.");
        }

        return new PixClientOptions
        {
            Provider = profile,
            UseSandbox = homologation,
            BaseAddress = url,
            TokenUrl = tokenUrl,
            ClientId = Environment.GetEnvironmentVariable("COBRANCA_PIX_CLIENT_ID") ?? string.Empty,
            ClientSecret = Environment.GetEnvironmentVariable("COBRANCA_PIX_CLIENT_SECRET"),
            CertificatePath = Environment.GetEnvironmentVariable("COBRANCA_PIX_CERT_PATH"),
            CertificatePassword = Environment.GetEnvironmentVariable("COBRANCA_PIX_CERT_PASSWORD"),
        };
    }

    private static void Print(PixCharge charge, bool real, bool json)
    {
        if (json)
        {
            using var stream = new MemoryStream();
            using var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true });
            writer.WriteStartObject();
            writer.WriteString("mode", real ? "psp" : "demo");
            writer.WriteString("txid", charge.Txid);
            writer.WriteString("type", charge.IsDueCharge ? "cobv" : "cob");
            writer.WriteString("status", charge.Status.Value);
            writer.WriteString("amount", Money.ToInvariantString(charge.Amount));
            if (charge.DueDate is { } d) writer.WriteString("dueDate", d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            writer.WriteString("location", charge.Location);
            writer.WriteString("pixCopiaECola", charge.CopyPaste);
            writer.WriteEndObject();
            writer.Flush();
            Console.Out.WriteLine(System.Text.Encoding.UTF8.GetString(stream.ToArray()));
            return;
        }

        var table = new Table().Border(TableBorder.Rounded).AddColumn("Field").AddColumn("Value");
        table.AddRow("Mode", real ? "PSP" : "demo (embedded sandbox PSP)");
        table.AddRow("Type", charge.IsDueCharge ? "cobv (with due date)" : "cob (immediate)");
        table.AddRow("txid", Markup.Escape(charge.Txid));
        table.AddRow("Status", Markup.Escape(charge.Status.Value));
        table.AddRow("Amount", Markup.Escape(Money.Format(charge.Amount)));
        if (charge.DueDate is { } due) table.AddRow("Due date", due.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture));
        AnsiConsole.Write(table);
        AnsiConsole.MarkupLine("[bold]Pix copia e cola:[/]");
        Console.WriteLine(charge.CopyPaste);
    }
}
