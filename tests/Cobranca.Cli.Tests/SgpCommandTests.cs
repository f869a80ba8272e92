using System.Text.Json;
using Cobranca.Connectors.Testing.Conformance;
using Cobranca.Connectors.Testing.Sgp;

namespace Cobranca.Cli.Tests;

public class SgpCommandTests
{
    // The conformance scenario gives known customers; "now" is the real clock, so only the lookup and shape are asserted.
    private static readonly ConformanceScenario S = ConformanceScenario.Create(DateOnly.FromDateTime(DateTime.UtcNow), backgroundCustomers: 5);

    private static Task<SgpSandbox> StartAsync() => SgpSandbox.StartAsync(new SgpSandboxOptions { Data = S.Data });

    private static string[] Debt(SgpSandbox sandbox, string cpf, params string[] extra) =>
        ["sgp", "debt", "--cpf", cpf, "--url", sandbox.BaseUrl.ToString(), "--app", sandbox.App, .. extra];

    private static Dictionary<string, string?> Token(SgpSandbox sandbox) => new() { ["COBRANCA_SGP_TOKEN"] = sandbox.Token };

    [Fact]
    public async Task Debt_shows_the_customer_and_honours_json()
    {
        await using var sandbox = await StartAsync();
        var table = await CliHost.RunAsync(Debt(sandbox, S.DebtorDocument.Formatted), Token(sandbox));
        var json = await CliHost.RunAsync(Debt(sandbox, S.DebtorDocument.Value, "--json"), Token(sandbox));

        Assert.True(table.ExitCode == 0, table.ToString());
        Assert.Contains("total overdue", table.Stdout, StringComparison.Ordinal);
        Assert.Contains("Suspenso", table.Stdout, StringComparison.Ordinal);
        Assert.True(json.ExitCode == 0, json.ToString());
        using var doc = JsonDocument.Parse(json.Stdout);
        var customer = doc.RootElement.EnumerateArray().Single();
        Assert.Equal(S.DebtorCustomerId, customer.GetProperty("customerId").GetString());
        Assert.Contains(customer.GetProperty("overdue").EnumerateArray(), i => i.GetProperty("id").GetString() == "9201");
        Assert.DoesNotContain(sandbox.Token, table.Stdout + table.Stderr + json.Stdout + json.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Debt_for_an_unknown_document_exits_3()
    {
        await using var sandbox = await StartAsync();
        var result = await CliHost.RunAsync(Debt(sandbox, S.UnknownDocument.Formatted), Token(sandbox));
        Assert.True(result.ExitCode == Cobranca.Cli.Commands.SgpCommands.NoCustomer, result.ToString());
        Assert.Contains("No SGP customer", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Debt_with_an_invalid_cpf_is_a_usage_error_that_does_not_echo_it()
    {
        await using var sandbox = await StartAsync();
        var result = await CliHost.RunAsync(Debt(sandbox, "123.456.789-00"), Token(sandbox));
        Assert.Equal(ExitCodes.Usage, result.ExitCode);
        Assert.StartsWith("error:", result.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("123.456.789-00", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Debt_without_the_token_is_a_usage_error()
    {
        await using var sandbox = await StartAsync();
        var result = await CliHost.RunAsync(Debt(sandbox, S.DebtorDocument.Formatted), new Dictionary<string, string?> { ["COBRANCA_SGP_TOKEN"] = null });
        Assert.Equal(ExitCodes.Usage, result.ExitCode);
        Assert.Contains("COBRANCA_SGP_TOKEN", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Debt_with_an_app_name_in_another_case_explains_the_403()
    {
        await using var sandbox = await StartAsync();
        var args = Debt(sandbox, S.DebtorDocument.Formatted);
        args[^1] = sandbox.App.ToLowerInvariant();
        var result = await CliHost.RunAsync(args, Token(sandbox));
        Assert.True(result.ExitCode == ExitCodes.ProviderError, result.ToString());
        Assert.Contains("incorretas", result.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain(sandbox.Token, result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Debt_against_a_login_page_is_a_provider_error()
    {
        await using var sandbox = await StartAsync();
        var args = Debt(sandbox, S.DebtorDocument.Formatted);
        args[5] = new Uri(sandbox.BaseUrl, "accounts/login/").ToString();
        var result = await CliHost.RunAsync(args, Token(sandbox));
        Assert.True(result.ExitCode == ExitCodes.ProviderError, result.ToString());
        Assert.Contains("HTML", result.Stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--url")]
    [InlineData("--app")]
    public async Task Debt_without_required_options_is_a_usage_error(string missing)
    {
        string[] args = ["sgp", "debt", "--cpf", S.DebtorDocument.Formatted, "--url", "https://x.sgp.net.br", "--app", "App"];
        var index = Array.IndexOf(args, missing);
        var result = await CliHost.RunAsync([.. args[..index], .. args[(index + 2)..]]);
        Assert.Equal(ExitCodes.Usage, result.ExitCode);
        Assert.Contains(missing, result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Demo_tells_the_whole_story_on_sgp()
    {
        var plain = await CliHost.RunAsync("demo", "--erp", "sgp", "--customers", "40");
        var json = await CliHost.RunAsync("demo", "--erp", "sgp", "--customers", "40", "--json");

        Assert.True(plain.ExitCode == 0, plain.ToString());
        Assert.Contains("SGP sandbox", plain.Stdout, StringComparison.Ordinal);
        Assert.Contains("Demo finished.", plain.Stdout, StringComparison.Ordinal);
        Assert.True(json.ExitCode == 0, json.ToString());
        using var doc = JsonDocument.Parse(json.Stdout);
        Assert.True(doc.RootElement.GetProperty("ok").GetBoolean());
        Assert.Equal("sgp", doc.RootElement.GetProperty("backend").GetString());
    }

    [Fact]
    public async Task Demo_with_an_unknown_erp_is_a_usage_error()
    {
        var result = await CliHost.RunAsync("demo", "--erp", "mkauth-someday");
        Assert.Equal(ExitCodes.Usage, result.ExitCode);
        Assert.NotEmpty(result.Stderr);
    }
}
