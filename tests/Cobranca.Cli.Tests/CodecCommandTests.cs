using System.Text.Json;

namespace Cobranca.Cli.Tests;

public class CodecCommandTests
{
    private const string P1 = "00020126580014br.gov.bcb.pix0136123e4567-e12b-12d1-a456-4266554400005204000053039865802BR5913Fulano de Tal6008BRASILIA62070503***63041D3D";
    private const string B1Line = "10491.23456 60000.100044 00000.000216 8 69180000010000";
    private const string B14Line = "70790.00118 21193.443609 08458.010868 4 10420000064539";

    [Fact]
    public async Task Pix_decode_prints_the_fields_and_masks_the_key()
    {
        var result = await CliHost.RunAsync("pix", "decode", P1);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("Fulano de Tal", result.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("123e4567-e12b-12d1-a456-426655440000", result.Stdout, StringComparison.Ordinal);
        Assert.Empty(result.Stderr);
    }

    [Fact]
    public async Task Pix_decode_json_is_one_document()
    {
        var result = await CliHost.RunAsync("pix", "decode", P1, "--json");

        Assert.True(result.ExitCode == 0, result.ToString());
        using var doc = JsonDocument.Parse(result.Stdout);
        Assert.True(doc.RootElement.GetProperty("valid").GetBoolean());
        Assert.Equal("1D3D", doc.RootElement.GetProperty("crc").GetString());
    }

    [Fact]
    public async Task Pix_decode_bad_crc_exits_1_with_the_reason_on_stderr()
    {
        var result = await CliHost.RunAsync("pix", "decode", P1[..^1] + "E");

        Assert.Equal(ExitCodes.Usage, result.ExitCode);
        Assert.Contains("CrcMismatch", result.Stderr, StringComparison.Ordinal);
        Assert.Empty(result.Stdout);
    }

    [Fact]
    public async Task Pix_decode_bad_input_with_json_exits_1_and_reports_in_json_too()
    {
        var result = await CliHost.RunAsync("pix", "decode", "--json", "000201");

        Assert.Equal(ExitCodes.Usage, result.ExitCode);
        using var doc = JsonDocument.Parse(result.Stdout);
        Assert.False(doc.RootElement.GetProperty("valid").GetBoolean());
        Assert.NotEmpty(result.Stderr);
    }

    [Fact]
    public async Task Pix_decode_accepts_a_lower_case_crc_and_shows_the_warning()
    {
        var result = await CliHost.RunAsync("pix", "decode", P1[..^4] + "1d3d");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("LowerCaseCrc", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Pix_decode_without_argument_is_a_usage_error()
    {
        var result = await CliHost.RunAsync("pix", "decode");
        Assert.Equal(ExitCodes.Usage, result.ExitCode);
        Assert.NotEmpty(result.Stderr);
    }

    [Fact]
    public async Task Boleto_decode_joins_an_unquoted_linha()
    {
        // As a shell passes `cobranca boleto decode 10491.23456 60000.100044 ...` without quotes.
        var result = await CliHost.RunAsync(["boleto", "decode", .. B1Line.Split(' '), "--today", "2016-09-01", "--json"], null);

        Assert.True(result.ExitCode == 0, result.ToString());
        using var doc = JsonDocument.Parse(result.Stdout);
        Assert.Equal("100.00", doc.RootElement.GetProperty("amount").GetString());
        Assert.Equal("2016-09-15", doc.RootElement.GetProperty("dueDate").GetString());
    }

    [Fact]
    public async Task Boleto_decode_quoted_prints_a_table()
    {
        var result = await CliHost.RunAsync("boleto", "decode", B14Line, "--today", "2026-01-15");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("2025-04-05", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("645.39", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Boleto_decode_bad_check_digit_exits_1_on_stderr()
    {
        var result = await CliHost.RunAsync("boleto", "decode", B14Line.Replace("70790.00118", "70790.00119", StringComparison.Ordinal));

        Assert.Equal(ExitCodes.Usage, result.ExitCode);
        Assert.Contains("InvalidFieldCheckDigit at 1", result.Stderr, StringComparison.Ordinal);
        Assert.Empty(result.Stdout);
    }

    [Fact]
    public async Task Boleto_decode_bad_today_exits_1()
    {
        var result = await CliHost.RunAsync("boleto", "decode", B14Line, "--today", "15/01/2026");
        Assert.Equal(ExitCodes.Usage, result.ExitCode);
        Assert.Contains("--today", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Boleto_decode_as_linha_refuses_44_digits()
    {
        var barcode = "10498691800000100001234560000100040000000021";
        Assert.Equal(0, (await CliHost.RunAsync("boleto", "decode", barcode, "--today", "2016-09-01")).ExitCode);

        var result = await CliHost.RunAsync("boleto", "decode", "--as", "linha", barcode);
        Assert.Equal(ExitCodes.Usage, result.ExitCode);
        Assert.Contains("InvalidLength", result.Stderr, StringComparison.Ordinal);

        var asBarcode = await CliHost.RunAsync("boleto", "decode", "--as", "barcode", B1Line);
        Assert.Equal(ExitCodes.Usage, asBarcode.ExitCode);
        Assert.Equal(ExitCodes.Usage, (await CliHost.RunAsync("boleto", "decode", "--as", "qr", B1Line)).ExitCode);
    }

    [Fact]
    public async Task Boleto_decode_shows_the_weak_check_digit()
    {
        var weak = await CliHost.RunAsync("boleto", "decode", "26090.00001 07000.000005 00000.000034 1 15240000009990", "--today", "2026-01-15", "--json");
        using var doc = JsonDocument.Parse(weak.Stdout);
        Assert.StartsWith("true", doc.RootElement.GetProperty("weakCheckDigit").GetString(), StringComparison.Ordinal);

        var strong = await CliHost.RunAsync("boleto", "decode", B14Line, "--today", "2026-01-15", "--json");
        using var strongDoc = JsonDocument.Parse(strong.Stdout);
        Assert.Equal(JsonValueKind.Null, strongDoc.RootElement.GetProperty("weakCheckDigit").ValueKind);
    }

    [Fact]
    public async Task Boleto_decode_of_an_old_cycle_boleto_says_how_to_pass_the_reference_date()
    {
        // 341, due 2013-03-10 (factor 5633): read in 2026 the factor lands in 2037.
        var line = Cobranca.Connectors.Boleto.BoletoCode.CreateBank("341", new DateOnly(2013, 3, 10), 59.90m, "1090000123456789123412340").FormattedDigitableLine;

        var result = await CliHost.RunAsync("boleto", "decode", line, "--today", "2026-01-15");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("DueDateMayBeFromPreviousCycle", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("--today yyyy-MM-dd", result.Stdout, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("pix", "decode")]
    [InlineData("boleto", "decode")]
    [InlineData("pix", "charge")]
    [InlineData("mikrotik", "state")]
    [InlineData("ixc", "debt")]
    public async Task Json_is_listed_once_in_help(string area, string command)
    {
        var result = await CliHost.RunAsync(area, command, "--help");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(1, result.Stdout.Split("--json").Length - 1);
    }
}
