using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Cobranca.Connectors.Abstractions;
using Cobranca.Connectors.Boleto;
using Cobranca.Connectors.Pix;
using Spectre.Console;

namespace Cobranca.Cli.Commands;

/// <summary>
/// Offline decoders: <c>cobranca pix decode &lt;copia-e-cola&gt;</c> and <c>cobranca boleto decode &lt;linha-or-barcode&gt;</c>.
/// Exit code 0 when valid, <see cref="ExitCodes.Usage"/> (1) when the input is invalid: the reason goes to stderr, and
/// with <c>--json</c> also to a JSON object on stdout.
/// </summary>
public static class CodecCommands
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;
    private static readonly JsonSerializerOptions Indented = new()
    {
        WriteIndented = true,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>Adds <c>decode</c> under the <c>pix</c> and <c>boleto</c> commands, creating them when absent.</summary>
    public static void AddTo(RootCommand root)
    {
        Parent(root, "pix", "Pix tools").Subcommands.Add(PixDecode());
        Parent(root, "boleto", "Boleto tools").Subcommands.Add(BoletoDecode());
    }

    private static Command Parent(RootCommand root, string name, string description)
    {
        var existing = root.Subcommands.FirstOrDefault(c => c.Name == name);
        if (existing is not null) return existing;
        var command = new Command(name, description);
        root.Subcommands.Add(command);
        return command;
    }

    private static Command PixDecode()
    {
        var payload = new Argument<string>("copia-e-cola") { Description = "The Pix BR Code text (quote it: it contains spaces)" };
        var command = new Command("decode", "Validate and decode a Pix copia-e-cola (BR Code)") { payload };
        command.SetAction(parse =>
        {
            var asJson = parse.GetValue(CliOptions.Json);
            if (!BrCode.TryParse(parse.GetValue(payload), out var code, out var error))
            {
                return Fail(asJson, error.Kind.ToString(), error.Message, error.Tag);
            }
            var fields = new List<(string Name, string? Value)>
            {
                ("type", code.IsDynamic ? (code.IsDueDateCharge ? "dynamic (cobv)" : "dynamic") : "static"),
                ("amount", code.Amount?.ToString("0.00", Inv)),
                ("key", code.PixKey is null ? null : SensitiveData.MaskPixKey(code.PixKey)),
                ("keyType", code.KeyType?.ToString()),
                ("url", code.Url),
                ("txid", code.TxId),
                ("merchantName", code.MerchantName),
                ("merchantCity", code.MerchantCity),
                ("postalCode", code.PostalCode),
                ("additionalInfo", code.AdditionalInfo),
                ("singleUse", code.IsSingleUse ? "true" : "false"),
                ("recurrenceUrl", code.RecurrenceUrl),
                ("crc", code.Crc),
                ("warnings", code.Warnings.Count == 0 ? null : string.Join(", ", code.Warnings)),
            };
            Print(asJson, "Pix BR Code", fields);
            return 0;
        });
        return command;
    }

    private static Command BoletoDecode()
    {
        // Banks print the linha in groups separated by spaces: unquoted, the shell passes one argument per group.
        var input = new Argument<string[]>("linha-or-barcode")
        {
            Description = "Linha digitável (47/48 digits, punctuation allowed, quoted or not) or barcode (44)",
            Arity = ArgumentArity.OneOrMore,
        };
        var today = new Option<string?>("--today") { Description = "Reference date yyyy-MM-dd for the due-date window (default: today in America/Sao_Paulo)" };
        var kind = new Option<string>("--as")
        {
            Description = "What was typed: auto (by length), linha (47/48 digits) or barcode (44 digits). Say it when you know: "
                + "a linha with digits missing can otherwise pass for a barcode.",
            DefaultValueFactory = _ => "auto",
        };
        kind.AcceptOnlyFromAmong("auto", "linha", "barcode");
        var command = new Command("decode", "Validate and decode a boleto linha digitável or barcode") { input, today, kind };
        command.SetAction(parse =>
        {
            var asJson = parse.GetValue(CliOptions.Json);
            var todayText = parse.GetValue(today);
            var text = string.Join(' ', parse.GetValue(input) ?? []);
            BoletoCode code;
            try
            {
                DateOnly reference;
                if (todayText is null)
                {
                    reference = BrazilTime.Today(TimeProvider.System);
                }
                else if (!DateOnly.TryParseExact(todayText, "yyyy-MM-dd", Inv, DateTimeStyles.None, out reference))
                {
                    return Fail(asJson, "InvalidOption", "--today must be a date as yyyy-MM-dd.", null);
                }
                code = parse.GetValue(kind) switch
                {
                    "linha" => BoletoCode.ParseLinhaDigitavel(text, reference),
                    "barcode" => BoletoCode.ParseBarcode(text, reference),
                    _ => BoletoCode.Parse(text, reference),
                };
            }
            catch (BoletoException ex)
            {
                return Fail(asJson, ex.Kind.ToString(), ex.Message, ex.Field?.ToString(Inv));
            }
            var fields = new List<(string Name, string? Value)>
            {
                ("type", code.Kind == BoletoKind.Bank ? "boleto bancário" : "arrecadação"),
                ("amount", code.Amount?.ToString("0.00", Inv)),
                ("dueDate", code.DueDate?.ToString("yyyy-MM-dd", Inv)),
                ("dueDateOutOfRange", code.IsDueDateOutOfRange ? "true (factor outside the window around today)" : null),
                ("dueDateFactor", code.DueDateFactorValue?.ToString(Inv)),
                ("weakCheckDigit", code.HasWeakCheckDigit
                    ? "true: the general check digit is 1, which also stands for remainders 0 and 10 and catches fewer typos; confirm the amount and due date with the payer or the ERP's invoice"
                    : null),
                ("bank", code.BankCode),
                ("currency", code.CurrencyCode?.ToString(Inv)),
                ("segment", code.Segment?.ToString(Inv)),
                ("valueIdentifier", code.ValueIdentifier?.ToString(Inv)),
                ("company", code.CompanyCode),
                ("freeField", code.FreeField),
                ("barcode", code.Barcode),
                ("linhaDigitavel", code.FormattedDigitableLine),
                ("warnings", code.Warnings.Count == 0 ? null : string.Join(", ", code.Warnings.Select(w => w.ToString()))),
                ("previousCycle", code.Warnings.Contains(BoletoWarning.DueDateMayBeFromPreviousCycle)
                    ? "the due date is 10+ years ahead: probably a boleto of the previous factor cycle; decode again with --today yyyy-MM-dd (a date near when it was issued)"
                    : null),
            };
            Print(asJson, "Boleto", fields);
            return 0;
        });
        return command;
    }

    private static void Print(bool asJson, string title, List<(string Name, string? Value)> fields)
    {
        if (asJson)
        {
            var obj = new JsonObject { ["valid"] = true };
            foreach (var (name, value) in fields) obj[name] = value;
            Console.Out.WriteLine(obj.ToJsonString(Indented));
            return;
        }
        var table = new Table().Title(title).AddColumn("Field").AddColumn("Value");
        foreach (var (name, value) in fields.Where(f => f.Value is not null)) table.AddRow(Markup.Escape(name), Markup.Escape(value!));
        AnsiConsole.Write(table);
    }

    private static int Fail(bool asJson, string kind, string message, string? where)
    {
        if (asJson)
        {
            var obj = new JsonObject { ["valid"] = false, ["error"] = kind, ["message"] = message, ["where"] = where };
            Console.Out.WriteLine(obj.ToJsonString(Indented));
        }
        Console.Error.WriteLine($"Invalid input ({kind}{(where is null ? string.Empty : " at " + where)}): {message}");
        return ExitCodes.Usage;
    }
}
