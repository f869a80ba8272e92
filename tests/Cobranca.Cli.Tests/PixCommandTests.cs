using System.Globalization;
using System.Text.Json;
using Cobranca.Connectors.Testing.Pix;

namespace Cobranca.Cli.Tests;

public class PixCommandTests
{
    private static async Task<CliResult> InCulture(string culture, params string[] args)
    {
        var saved = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(culture);
        try
        {
            return await CliHost.RunAsync(args);
        }
        finally
        {
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = saved;
        }
    }

    [Theory]
    [InlineData("pt-BR", "99.90")]
    [InlineData("pt-BR", "99,90")]
    [InlineData("", "99.90")]
    [InlineData("", "99,90")]
    [InlineData("en-US", "R$ 99,90")]
    [InlineData("pt-BR", "1.234,56")]
    public async Task Charge_amount_means_the_same_in_every_culture(string culture, string amount)
    {
        var result = await InCulture(culture, "pix", "charge", "--amount", amount, "--invoice", "123", "--json");

        Assert.True(result.ExitCode == 0, result.ToString());
        using var doc = JsonDocument.Parse(result.Stdout);
        Assert.Equal(amount == "1.234,56" ? "1234.56" : "99.90", doc.RootElement.GetProperty("amount").GetString());
        Assert.Equal("demo", doc.RootElement.GetProperty("mode").GetString());
    }

    [Theory]
    [InlineData("1.234")]
    [InlineData("1,234")]
    [InlineData("R$ 1.234")]
    public async Task Ambiguous_amounts_are_refused(string amount)
    {
        var result = await CliHost.RunAsync("pix", "charge", "--amount", amount, "--invoice", "123");

        Assert.Equal(ExitCodes.Usage, result.ExitCode);
        Assert.Contains("Ambiguous amount", result.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("copia e cola", result.Stdout, StringComparison.Ordinal); // parse errors: help on stdout, no charge
        Assert.DoesNotContain("Ambiguous", result.Stdout, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("0")]
    [InlineData("-5")]
    [InlineData("1.2.3")]
    [InlineData("9.999")]
    [InlineData("0.001")]
    public async Task Bad_amounts_are_refused(string amount)
    {
        var result = await CliHost.RunAsync("pix", "charge", "--amount", amount, "--invoice", "123");
        Assert.True(result.ExitCode == ExitCodes.Usage, result.ToString());
        Assert.NotEmpty(result.Stderr);
    }

    [Fact]
    public async Task Charge_with_due_date_is_a_cobv_and_prints_the_copia_e_cola()
    {
        var result = await CliHost.RunAsync("pix", "charge", "--amount", "150,00", "--invoice", "777", "--due", "2030-01-10");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("cobv", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("0002010102", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("R$ 150,00", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Charge_with_a_bad_due_date_is_a_usage_error()
    {
        var result = await CliHost.RunAsync("pix", "charge", "--amount", "10", "--invoice", "1", "--due", "10/01/2030");
        Assert.Equal(ExitCodes.Usage, result.ExitCode);
        Assert.Contains("yyyy-MM-dd", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Charge_with_url_talks_to_that_psp()
    {
        await using var psp = await PixPspSandbox.StartAsync();
        var environment = new Dictionary<string, string?>
        {
            ["COBRANCA_PIX_CLIENT_ID"] = psp.ClientId,
            ["COBRANCA_PIX_CLIENT_SECRET"] = psp.ClientSecret,
            ["COBRANCA_PIX_KEY"] = psp.Key,
        };

        var result = await CliHost.RunAsync(
            ["pix", "charge", "--amount", "99.90", "--invoice", "555", "--url", psp.BaseUrl.ToString(), "--token-url", psp.TokenUrl.ToString(), "--json"],
            environment);

        Assert.True(result.ExitCode == 0, result.ToString());
        using var doc = JsonDocument.Parse(result.Stdout);
        Assert.Equal("psp", doc.RootElement.GetProperty("mode").GetString());
        var txid = doc.RootElement.GetProperty("txid").GetString()!;
        Assert.NotNull(psp.GetChargeStatus(txid));
        Assert.Equal("99.90", doc.RootElement.GetProperty("amount").GetString());
    }

    [Fact]
    public async Task Charge_refused_by_the_psp_exits_2_with_the_error_on_stderr()
    {
        await using var psp = await PixPspSandbox.StartAsync();
        var environment = new Dictionary<string, string?>
        {
            ["COBRANCA_PIX_CLIENT_ID"] = psp.ClientId,
            ["COBRANCA_PIX_CLIENT_SECRET"] = "wrong-secret",
            ["COBRANCA_PIX_KEY"] = psp.Key,
        };

        var result = await CliHost.RunAsync(
            ["pix", "charge", "--amount", "99.90", "--invoice", "555", "--url", psp.BaseUrl.ToString(), "--token-url", psp.TokenUrl.ToString()],
            environment);

        Assert.True(result.ExitCode == ExitCodes.ProviderError, result.ToString());
        Assert.StartsWith("error:", result.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("wrong-secret", result.Stderr, StringComparison.Ordinal);
        Assert.Empty(result.Stdout);
    }

    [Fact]
    public async Task Charge_with_url_but_no_key_is_a_usage_error_on_stderr()
    {
        await using var psp = await PixPspSandbox.StartAsync();
        var environment = new Dictionary<string, string?>
        {
            ["COBRANCA_PIX_CLIENT_ID"] = psp.ClientId, ["COBRANCA_PIX_CLIENT_SECRET"] = psp.ClientSecret, ["COBRANCA_PIX_KEY"] = null,
        };

        var result = await CliHost.RunAsync(["pix", "charge", "--amount", "10", "--invoice", "1", "--url", psp.BaseUrl.ToString()], environment);

        Assert.Equal(ExitCodes.Usage, result.ExitCode);
        Assert.Contains("COBRANCA_PIX_KEY", result.Stderr, StringComparison.Ordinal);
        Assert.Empty(result.Stdout);
    }

    [Theory]
    [InlineData("not a url")]
    [InlineData("ftp://psp.example.com/v2/")]
    [InlineData("/v2/")]
    public async Task Charge_with_a_bad_url_is_a_usage_error(string url)
    {
        var result = await CliHost.RunAsync("pix", "charge", "--amount", "10", "--invoice", "1", "--url", url);
        Assert.Equal(ExitCodes.Usage, result.ExitCode);
        Assert.Contains("URL", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Charge_with_an_unknown_provider_is_a_usage_error()
    {
        var result = await CliHost.RunAsync("pix", "charge", "--amount", "10", "--invoice", "1", "--provider", "nobank");
        Assert.Equal(ExitCodes.Usage, result.ExitCode);
        Assert.Contains("Unknown provider", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Charge_without_required_options_is_a_usage_error()
    {
        var result = await CliHost.RunAsync("pix", "charge", "--invoice", "1");
        Assert.Equal(ExitCodes.Usage, result.ExitCode);
        Assert.Contains("--amount", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Txid_prints_the_deterministic_txid_and_honours_json()
    {
        var plain = await CliHost.RunAsync("pix", "txid", "--invoice", "123");
        var json = await CliHost.RunAsync("pix", "txid", "--invoice", "123", "--json");

        Assert.Equal(0, plain.ExitCode);
        using var doc = JsonDocument.Parse(json.Stdout);
        Assert.Equal(plain.Stdout.Trim(), doc.RootElement.GetProperty("txid").GetString());
        Assert.StartsWith("CLI", plain.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Txid_with_a_bad_prefix_exits_1_on_stderr()
    {
        var result = await CliHost.RunAsync("pix", "txid", "--invoice", "123", "--prefix", "no-hyphens!");
        Assert.Equal(ExitCodes.Usage, result.ExitCode);
        Assert.StartsWith("error:", result.Stderr, StringComparison.Ordinal);
        Assert.Empty(result.Stdout);
    }

    [Fact]
    public async Task Demo_pays_and_confirms_and_honours_json()
    {
        var result = await CliHost.RunAsync("pix", "demo", "--amount", "45,50", "--invoice", "42", "--json");

        Assert.True(result.ExitCode == 0, result.ToString());
        using var doc = JsonDocument.Parse(result.Stdout);
        Assert.Equal("45.50", doc.RootElement.GetProperty("paidAmount").GetString());
        Assert.Equal("42", doc.RootElement.GetProperty("paidInvoice").GetString());
    }

    [Fact]
    public async Task Demo_with_an_ambiguous_amount_is_refused()
    {
        var result = await CliHost.RunAsync("pix", "demo", "--amount", "1.234");
        Assert.Equal(ExitCodes.Usage, result.ExitCode);
    }
}
