using System.CommandLine;
using System.Globalization;
using Cobranca.Connectors.Abstractions;
using Cobranca.Connectors.Boleto;
using Cobranca.Connectors.Boleto.Providers;
using Cobranca.Connectors.Storage.Sqlite;
using Cobranca.Connectors.Testing.Boleto;
using Spectre.Console;

namespace Cobranca.Cli.Commands;

/// <summary>
/// <c>cobranca boleto register</c>: registers an invoice's boleto (hybrid with Pix where the bank supports it) at Banco
/// Inter, Sicoob, Banco do Brasil or Efí through <see cref="BoletoRegistrar"/> — never two boletos for one invoice.
/// Without <c>--real</c> it runs against an embedded <see cref="BoletoBankSandbox"/>. With <c>--real</c>, credentials
/// come from environment variables only: COBRANCA_BOLETO_CLIENT_ID, COBRANCA_BOLETO_CLIENT_SECRET,
/// COBRANCA_BOLETO_CERT_PATH, COBRANCA_BOLETO_CERT_PASSWORD, and per bank COBRANCA_BOLETO_CLIENT_NUMBER (Sicoob),
/// COBRANCA_BOLETO_CONVENIO and COBRANCA_BOLETO_APP_KEY (BB).
/// </summary>
public static class BoletoCommands
{
    /// <summary>Adds <c>register</c> under the <c>boleto</c> command, creating it when absent.</summary>
    /// <param name="root">The root command.</param>
    public static void AddTo(RootCommand root)
    {
        ArgumentNullException.ThrowIfNull(root);
        var boleto = root.Subcommands.FirstOrDefault(c => c.Name == "boleto");
        if (boleto is null)
        {
            boleto = new Command("boleto", "Boleto tools");
            root.Subcommands.Add(boleto);
        }

        boleto.Subcommands.Add(CreateRegister());
    }

    private static Command CreateRegister()
    {
        var bank = new Option<string>("--bank") { Description = "inter, sicoob, bb or efi", DefaultValueFactory = _ => "inter" };
        bank.AcceptOnlyFromAmong("inter", "sicoob", "bb", "efi");
        var invoice = new Option<string>("--invoice") { Description = "Invoice id; the boleto's reference is derived from it (same invoice, same reference)", Required = true };
        var amount = new Option<decimal>("--amount") { Description = "Amount in BRL: 99.90 or 99,90", Required = true, CustomParser = CliParsers.Amount };
        var due = new Option<DateOnly?>("--due") { Description = "Due date (yyyy-MM-dd); default 5 days from today", CustomParser = CliParsers.Date };
        var payerName = new Option<string>("--payer-name") { Description = "Payer's name", DefaultValueFactory = _ => "Maria da Silva" };
        var payerDocument = new Option<string>("--payer-document") { Description = "Payer's CPF or CNPJ", DefaultValueFactory = _ => "529.982.247-25" };
        var noPix = new Option<bool>("--no-pix") { Description = "A plain boleto (no Pix QR) where the bank lets you choose" };
        var pay = new Option<bool>("--pay") { Description = "Sandbox only: pay it at the sandbox bank afterwards and show the paid status" };
        var real = new Option<bool>("--real") { Description = "Use the real bank API (credentials from the environment); default is the embedded sandbox" };
        var homologacao = new Option<bool>("--homologacao") { Description = "With --real: the bank's homologation hosts" };
        var storePath = new Option<string?>("--store-path") { Description = "SQLite file keeping invoice -> reference -> bank id between runs (a repeated run adopts the boleto instead of creating another)" };
        var command = new Command("register", "Register an invoice's boleto (bolepix) at a bank: embedded sandbox by default.")
        {
            bank, invoice, amount, due, payerName, payerDocument, noPix, pay, real, homologacao, storePath,
        };
        command.SetCliAction(async (parse, ct) =>
        {
            if (!Document.TryParse(parse.GetValue(payerDocument), out var document))
            {
                await Console.Error.WriteLineAsync("error: --payer-document is not a valid CPF or CNPJ.");
                return ExitCodes.Usage;
            }

            var invoiceId = parse.GetValue(invoice)!.Trim();
            if (invoiceId.Length == 0 || invoiceId.Length > 100)
            {
                await Console.Error.WriteLineAsync("error: --invoice must have 1 to 100 characters.");
                return ExitCodes.Usage;
            }

            var bankName = parse.GetValue(bank)!;
            var isReal = parse.GetValue(real);
            if (parse.GetValue(pay) && isReal)
            {
                await Console.Error.WriteLineAsync("error: --pay only works with the embedded sandbox.");
                return ExitCodes.Usage;
            }

            var today = BrazilTime.Today(TimeProvider.System);
            var dueDate = parse.GetValue(due) ?? today.AddDays(5);
            if (dueDate < today)
            {
                await Console.Error.WriteLineAsync("error: --due is in the past.");
                return ExitCodes.Usage;
            }

            var request = new BoletoRequest
            {
                Amount = parse.GetValue(amount),
                DueDate = dueDate,
                Payer = new BoletoPayer
                {
                    Name = parse.GetValue(payerName)!, Document = document, Street = "Rua Exemplo", Number = "1", District = "Centro",
                    City = "São Paulo", State = "SP", ZipCode = "01001000",
                },
                LateFees = new LateFeePolicy { FinePercent = 2m, InterestPercent = 1m },
                WithPix = !parse.GetValue(noPix),
            };

            BoletoBankSandbox? sandbox = null;
            SqliteLedgerStore? ledger = null;
            try
            {
                BoletoBankClientOptions options;
                if (isReal)
                {
                    options = RealOptions(bankName, parse.GetValue(homologacao));
                }
                else
                {
                    sandbox = await BoletoBankSandbox.StartAsync(cancellationToken: ct);
                    options = SandboxOptions(sandbox, bankName);
                }

                using var client = new BoletoBankClient(options);
                IStateStore references;
                if (parse.GetValue(storePath) is { Length: > 0 } path)
                {
                    ledger = new SqliteLedgerStore(new SqliteLedgerStoreOptions { Path = path });
                    await ledger.MigrateAsync(ct);
                    references = ledger.GetStateStore("cli", BoletoRegistrar.Collection);
                }
                else
                {
                    references = new InMemoryStateStore(BoletoRegistrar.Collection);
                }

                var registrar = new BoletoRegistrar(client, references);
                var registration = await registrar.RegisterAsync(invoiceId, request, cancellationToken: ct);
                var boleto = registration.Boleto;
                if (boleto.Status == BoletoStatus.Processing && !isReal) boleto = await client.GetAsync(boleto.ProviderId, ct); // Inter registers asynchronously
                if (parse.GetValue(pay) && sandbox is not null)
                {
                    await sandbox.PayAsync(bankName, boleto.ProviderId, viaPix: boleto.PixCopiaECola is not null, cancellationToken: ct);
                    boleto = await client.GetAsync(boleto.ProviderId, ct);
                }

                Print(registration, boleto, isReal ? bankName : bankName + " (sandbox)", parse.GetValue(CliOptions.Json));
                return ExitCodes.Ok;
            }
            catch (ArgumentException ex)
            {
                await Console.Error.WriteLineAsync($"error: {SensitiveData.Redact(ex.Message)}");
                return ExitCodes.Usage;
            }
            catch (BoletoRegistrationPendingException ex)
            {
                await Console.Error.WriteLineAsync($"pending: {ex.Message} Run the same command again later: it looks the boleto up before sending anything.");
                return ExitCodes.ProviderError;
            }
            finally
            {
                if (sandbox is not null) await sandbox.DisposeAsync();
                if (ledger is not null) Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            }
        });
        return command;
    }

    private static BoletoBankClientOptions SandboxOptions(BoletoBankSandbox sandbox, string bank) => new()
    {
        Bank = BankOf(bank),
        BaseAddress = sandbox.BaseAddressOf(bank),
        ClientId = sandbox.ClientId,
        ClientSecret = bank == "sicoob" ? null : sandbox.ClientSecret,
        ClientNumber = bank == "sicoob" ? sandbox.Options.SicoobClientNumber : null,
        Convenio = bank == "bb" ? sandbox.Options.BancoDoBrasilConvenio : null,
        ApplicationKey = bank == "bb" ? sandbox.Options.BancoDoBrasilApplicationKey : null,
    };

    private static BoletoBankClientOptions RealOptions(string bank, bool homologacao)
    {
        static string? Env(string name) => Environment.GetEnvironmentVariable(name) is { Length: > 0 } v ? v : null;
        static long? Number(string name) =>
            Env(name) is { } v ? long.TryParse(v, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : throw new ArgumentException($"{name} must be a number.") : null;
        return new BoletoBankClientOptions
        {
            Bank = BankOf(bank),
            UseSandbox = homologacao,
            ClientId = Env("COBRANCA_BOLETO_CLIENT_ID") ?? string.Empty,
            ClientSecret = Env("COBRANCA_BOLETO_CLIENT_SECRET"),
            CertificatePath = Env("COBRANCA_BOLETO_CERT_PATH"),
            CertificatePassword = Env("COBRANCA_BOLETO_CERT_PASSWORD"),
            ClientNumber = Number("COBRANCA_BOLETO_CLIENT_NUMBER"),
            Convenio = Number("COBRANCA_BOLETO_CONVENIO"),
            ApplicationKey = Env("COBRANCA_BOLETO_APP_KEY"),
        };
    }

    private static BoletoBank BankOf(string bank) => bank switch
    {
        "sicoob" => BoletoBank.Sicoob,
        "bb" => BoletoBank.BancoDoBrasil,
        "efi" => BoletoBank.Efi,
        _ => BoletoBank.Inter,
    };

    private static void Print(BoletoRegistration registration, BoletoRecord boleto, string bank, bool json)
    {
        var formatted = boleto.LinhaDigitavel is { } l && BoletoCode.TryParse(l, out var code) ? code.FormattedDigitableLine : boleto.LinhaDigitavel;
        if (json)
        {
            CliRunner.WriteJson(new Dictionary<string, object?>
            {
                ["bank"] = bank,
                ["invoice"] = registration.InvoiceId,
                ["reference"] = registration.Reference,
                ["outcome"] = registration.Outcome.ToString(),
                ["providerId"] = boleto.ProviderId,
                ["status"] = boleto.Status.ToString(),
                ["amount"] = Money.ToInvariantString(boleto.Amount),
                ["dueDate"] = boleto.DueDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                ["nossoNumero"] = boleto.NossoNumero,
                ["linhaDigitavel"] = boleto.LinhaDigitavel,
                ["barcode"] = boleto.Barcode,
                ["pixCopiaECola"] = boleto.PixCopiaECola,
                ["amountPaid"] = boleto.AmountPaid is { } paid ? Money.ToInvariantString(paid) : null,
            });
            return;
        }

        var table = new Table().Border(TableBorder.Rounded).AddColumn("Field").AddColumn("Value");
        void Row(string name, string? value) => table.AddRow(Markup.Escape(name), Markup.Escape(value ?? "-"));
        Row("Bank", bank);
        Row("Invoice / reference", $"{registration.InvoiceId} / {registration.Reference}");
        Row("Outcome", registration.Outcome.ToString());
        Row("Bank id", boleto.ProviderId);
        Row("Status", boleto.ProviderStatus is null ? boleto.Status.ToString() : $"{boleto.Status} ({boleto.ProviderStatus})");
        Row("Amount", Money.Format(boleto.Amount));
        Row("Due", boleto.DueDate?.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture));
        Row("Nosso número", boleto.NossoNumero);
        Row("Linha digitável", formatted);
        Row("Pix copia e cola", boleto.PixCopiaECola);
        if (boleto.AmountPaid is { } amountPaid) Row("Paid", boleto.PaidVia == BoletoPaymentChannel.Unknown ? Money.Format(amountPaid) : $"{Money.Format(amountPaid)} via {boleto.PaidVia}");
        AnsiConsole.Write(table);
    }
}
