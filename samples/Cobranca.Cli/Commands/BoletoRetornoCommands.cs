using System.CommandLine;
using System.Globalization;
using Cobranca.Connectors.Boleto.Cnab;
using Spectre.Console;

namespace Cobranca.Cli.Commands;

/// <summary>
/// <c>cobranca boleto retorno &lt;file&gt;</c>: reads a CNAB 240/400 retorno file and prints its payments (a table, or
/// <c>--json</c>). Exit 0 when the file is valid, <see cref="ExitCodes.Usage"/> (1) when it is missing or malformed
/// (the typed error with line, position and field on stderr; with <c>--json</c> also as a JSON object on stdout).
/// </summary>
public static class BoletoRetornoCommands
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    /// <summary>Adds <c>retorno</c> under the <c>boleto</c> command, creating it when absent.</summary>
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
        boleto.Subcommands.Add(Retorno());
    }

    private static Command Retorno()
    {
        var path = new Argument<string>("file") { Description = "A CNAB 240 or CNAB 400 retorno file (BB, Bradesco, Itaú, Sicoob for CNAB 400)" };
        var all = new Option<bool>("--all") { Description = "List every movement (entries, write-offs...), not only the payments" };
        var bank = new Option<string?>("--bank") { Description = "Refuse a file of another bank (3-digit code, e.g. 756)" };
        var command = new Command("retorno", "Read a CNAB retorno file and list the boleto payments in it") { path, all, bank };
        command.SetCliAction(async (parse, cancellationToken) =>
        {
            var asJson = parse.GetValue(CliOptions.Json);
            var file = parse.GetValue(path)!;
            byte[] bytes;
            try
            {
                bytes = await File.ReadAllBytesAsync(file, cancellationToken);
            }
            catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException or UnauthorizedAccessException or IOException)
            {
                return Fail(asJson, ex is UnauthorizedAccessException ? "FileNotReadable" : "FileNotFound", $"cannot read {file}: {ex.Message}", null);
            }
            CnabRetornoFile retorno;
            try
            {
                retorno = CnabRetornoParser.Parse(bytes, new CnabRetornoOptions { ExpectedBankCode = parse.GetValue(bank) });
            }
            catch (CnabRetornoException ex)
            {
                return Fail(asJson, ex.Kind.ToString(), ex.Message, ex);
            }
            var shown = parse.GetValue(all) ? retorno.Movements : retorno.Payments.ToList();
            var payments = retorno.Payments.ToList();
            if (asJson)
            {
                CliRunner.WriteJson(new
                {
                    valid = true,
                    bank = retorno.BankCode,
                    bankName = retorno.BankName,
                    layout = retorno.Layout.ToString(),
                    generatedOn = retorno.GeneratedOn?.ToString("yyyy-MM-dd", Inv),
                    fileSequence = retorno.FileSequence,
                    movements = retorno.Movements.Count,
                    paymentCount = payments.Count,
                    totalPaid = payments.Sum(p => p.AmountPaid),
                    warnings = retorno.Warnings,
                    items = shown.Select(m => new
                    {
                        line = m.LineNumber,
                        paymentId = m.IsPayment ? m.PaymentId(retorno.BankCode) : null,
                        movement = m.MovementCode,
                        kind = m.Kind.ToString(),
                        nossoNumero = m.NossoNumero,
                        reference = m.OurReference,
                        documentNumber = m.DocumentNumber,
                        dueDate = m.DueDate?.ToString("yyyy-MM-dd", Inv),
                        faceValue = m.FaceValue,
                        amountPaid = m.AmountPaid,
                        netCredited = m.NetCredited,
                        fee = m.Fee,
                        interestAndFine = m.InterestAndFine,
                        discount = m.Discount,
                        rebate = m.Rebate,
                        paidOn = m.OccurrenceDate?.ToString("yyyy-MM-dd", Inv),
                        creditOn = m.CreditDate?.ToString("yyyy-MM-dd", Inv),
                    }),
                });
                return ExitCodes.Ok;
            }
            var title = string.Create(Inv,
                $"{retorno.Layout} bank {retorno.BankCode}{(retorno.GeneratedOn is { } d ? $" of {d:yyyy-MM-dd}" : "")}: {payments.Count} payment(s), total {payments.Sum(p => p.AmountPaid):0.00}, {retorno.Movements.Count} movement(s)");
            var table = new Table().Title(Markup.Escape(title))
                .AddColumn("Line").AddColumn("Movement").AddColumn("Nosso número").AddColumn("Reference")
                .AddColumn(new TableColumn("Paid").RightAligned()).AddColumn(new TableColumn("Fee").RightAligned())
                .AddColumn(new TableColumn("Interest").RightAligned()).AddColumn(new TableColumn("Discount").RightAligned())
                .AddColumn("Paid on").AddColumn("Credit on");
            foreach (var m in shown)
            {
                table.AddRow(
                    m.LineNumber.ToString(Inv),
                    Markup.Escape($"{m.MovementCode} {m.Kind}"),
                    Markup.Escape(m.NossoNumero),
                    Markup.Escape(m.OurReference ?? m.DocumentNumber ?? ""),
                    m.AmountPaid.ToString("0.00", Inv),
                    m.Fee.ToString("0.00", Inv),
                    m.InterestAndFine.ToString("0.00", Inv),
                    m.Discount.ToString("0.00", Inv),
                    m.OccurrenceDate?.ToString("yyyy-MM-dd", Inv) ?? "",
                    m.CreditDate?.ToString("yyyy-MM-dd", Inv) ?? "");
            }
            AnsiConsole.Write(table);
            foreach (var w in retorno.Warnings) await Console.Error.WriteLineAsync($"warning: {w}");
            return ExitCodes.Ok;
        });
        return command;
    }

    private static int Fail(bool asJson, string kind, string message, CnabRetornoException? error)
    {
        if (asJson)
        {
            CliRunner.WriteJson(new
            {
                valid = false,
                error = kind,
                message,
                line = error?.LineNumber,
                position = error?.Position,
                field = error?.Field,
            });
        }
        Console.Error.WriteLine($"Invalid retorno file ({kind}): {message}");
        return ExitCodes.Usage;
    }
}
