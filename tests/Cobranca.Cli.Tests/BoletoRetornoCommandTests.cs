using System.Text;
using System.Text.Json;
using Cobranca.Connectors.Boleto.Cnab;

namespace Cobranca.Cli.Tests;

public sealed class BoletoRetornoCommandTests : IDisposable
{
    private static readonly string RealSicoob = Path.Combine(AppContext.BaseDirectory, "Fixtures", "CNAB240_SICOOB.RET");
    private readonly string _dir = Directory.CreateTempSubdirectory("cobranca-retorno-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string WriteFile(string name, byte[] content)
    {
        var path = Path.Combine(_dir, name);
        File.WriteAllBytes(path, content);
        return path;
    }

    [Fact]
    public async Task A_real_file_prints_its_payments()
    {
        var result = await CliHost.RunAsync("boleto", "retorno", RealSicoob);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("3 payment(s), total 6.00", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("000000008301011", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("2015-08-10", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("warning:", result.Stderr, StringComparison.Ordinal); // that fixture's shortened header
    }

    [Fact]
    public async Task Json_lists_the_payments_with_their_dedupe_ids()
    {
        var result = await CliHost.RunAsync("boleto", "retorno", RealSicoob, "--json");

        Assert.True(result.ExitCode == 0, result.ToString());
        using var doc = JsonDocument.Parse(result.Stdout);
        var root = doc.RootElement;
        Assert.True(root.GetProperty("valid").GetBoolean());
        Assert.Equal("756", root.GetProperty("bank").GetString());
        Assert.Equal(3, root.GetProperty("paymentCount").GetInt32());
        Assert.Equal(6.00m, root.GetProperty("totalPaid").GetDecimal());
        var first = root.GetProperty("items")[0];
        Assert.Equal("boleto:756:8301011:20150810", first.GetProperty("paymentId").GetString());
        Assert.Equal(2.00m, first.GetProperty("amountPaid").GetDecimal());
        Assert.Equal(1.70m, first.GetProperty("fee").GetDecimal());
    }

    [Fact]
    public async Task All_lists_movements_that_are_not_payments()
    {
        var file = new CnabRetornoFile
        {
            Layout = CnabLayout.Cnab400,
            BankCode = "341",
            GeneratedOn = new DateOnly(2026, 3, 3),
            Movements =
            [
                new CnabMovement { MovementCode = "02", Kind = CnabMovementKind.EntryConfirmed, NossoNumero = "00000077", FaceValue = 99.90m, OccurrenceDate = new DateOnly(2026, 3, 1) },
                new CnabMovement { MovementCode = "06", Kind = CnabMovementKind.Paid, NossoNumero = "00000078", OurReference = "INV-1001", FaceValue = 99.90m, AmountPaid = 99.90m, Fee = 1.50m, OccurrenceDate = new DateOnly(2026, 3, 2), CreditDate = new DateOnly(2026, 3, 3) },
            ],
        };
        var path = WriteFile("itau.ret", CnabRetornoWriter.WriteBytes(file));

        var payments = await CliHost.RunAsync("boleto", "retorno", path);
        var all = await CliHost.RunAsync("boleto", "retorno", path, "--all");

        Assert.True(payments.ExitCode == 0, payments.ToString());
        Assert.Contains("INV-1001", payments.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("00000077", payments.Stdout, StringComparison.Ordinal);
        Assert.True(all.ExitCode == 0, all.ToString());
        Assert.Contains("00000077", all.Stdout, StringComparison.Ordinal);
        Assert.Contains("EntryConfirmed", all.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_malformed_file_exits_1_naming_line_position_and_field()
    {
        var lines = File.ReadAllText(RealSicoob, Encoding.Latin1).Split("\r\n");
        lines[3] = string.Concat(lines[3].AsSpan(0, 84), "X", lines[3].AsSpan(85)); // segment U, valor pago 78–92
        var path = WriteFile("bad.ret", Encoding.Latin1.GetBytes(string.Join("\r\n", lines)));

        var result = await CliHost.RunAsync("boleto", "retorno", path);
        var json = await CliHost.RunAsync("boleto", "retorno", path, "--json");

        Assert.Equal(ExitCodes.Usage, result.ExitCode);
        Assert.Contains("InvalidField", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("Line 4, position 85 (valor pago pelo pagador)", result.Stderr, StringComparison.Ordinal);
        Assert.Empty(result.Stdout);
        Assert.Equal(ExitCodes.Usage, json.ExitCode);
        using var doc = JsonDocument.Parse(json.Stdout);
        Assert.False(doc.RootElement.GetProperty("valid").GetBoolean());
        Assert.Equal(4, doc.RootElement.GetProperty("line").GetInt32());
        Assert.Equal(85, doc.RootElement.GetProperty("position").GetInt32());
    }

    [Fact]
    public async Task A_file_of_another_bank_than_expected_exits_1()
    {
        var result = await CliHost.RunAsync("boleto", "retorno", RealSicoob, "--bank", "001");

        Assert.Equal(ExitCodes.Usage, result.ExitCode);
        Assert.Contains("BankMismatch", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_missing_file_exits_1()
    {
        var result = await CliHost.RunAsync("boleto", "retorno", Path.Combine(_dir, "nope.ret"));

        Assert.Equal(ExitCodes.Usage, result.ExitCode);
        Assert.Contains("FileNotFound", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_a_file_it_is_a_usage_error()
    {
        var result = await CliHost.RunAsync("boleto", "retorno");

        Assert.Equal(ExitCodes.Usage, result.ExitCode);
        Assert.NotEmpty(result.Stderr);
    }
}
