using System.Text.Json;
using Cobranca.Connectors.Testing.MkAuth;

namespace Cobranca.Cli.Tests;

public class MkAuthCommandTests
{
    private static string[] Debt(MkAuthSandbox sandbox, string cpf, params string[] extra) =>
        ["mkauth", "debt", "--cpf", cpf, "--url", sandbox.BaseAddress.ToString(), "--client-id", sandbox.ClientId, "--pin", sandbox.CertificateSha256, .. extra];

    private static Dictionary<string, string?> Secret(string? value) => new() { [Cobranca.Cli.Commands.MkAuthCommands.SecretVariable] = value };

    [Fact]
    public async Task Debt_shows_every_login_of_the_cpf_and_honours_json()
    {
        await using var sandbox = await MkAuthSandbox.StartAsync(new MkAuthSandboxOptions { GeneratedCustomers = 0 });

        var table = await CliHost.RunAsync(Debt(sandbox, MkAuthSandboxData.MariaCpf), Secret(sandbox.ClientSecret));
        var json = await CliHost.RunAsync(Debt(sandbox, MkAuthSandboxData.MariaCpfDigits, "--json"), Secret(sandbox.ClientSecret));

        Assert.True(table.ExitCode == 0, table.ToString());
        Assert.Contains("total overdue", table.Stdout, StringComparison.Ordinal);
        Assert.Contains(MkAuthSandboxData.MariaSecondLogin, table.Stdout, StringComparison.Ordinal);
        Assert.True(json.ExitCode == 0, json.ToString());
        using var doc = JsonDocument.Parse(json.Stdout);
        var customer = doc.RootElement.EnumerateArray().Single();
        Assert.Equal(MkAuthSandboxData.MariaUuid, customer.GetProperty("customerId").GetString());
        Assert.Equal(2, customer.GetProperty("logins").GetArrayLength());
        Assert.Contains(customer.GetProperty("overdue").EnumerateArray(), i => i.GetProperty("id").GetString() == MkAuthSandboxData.MariaOverdueTitleUuid);
        Assert.DoesNotContain(sandbox.ClientSecret, table.Stdout + table.Stderr + json.Stdout + json.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Debt_for_an_unknown_document_exits_3()
    {
        await using var sandbox = await MkAuthSandbox.StartAsync(new MkAuthSandboxOptions { GeneratedCustomers = 0 });
        var result = await CliHost.RunAsync(Debt(sandbox, "123.456.789-09"), Secret(sandbox.ClientSecret));
        Assert.True(result.ExitCode == Cobranca.Cli.Commands.MkAuthCommands.NoCustomer, result.ToString());
        Assert.Contains("No MK-Auth customer", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Debt_with_an_invalid_cpf_is_a_usage_error_that_does_not_echo_it()
    {
        await using var sandbox = await MkAuthSandbox.StartAsync(new MkAuthSandboxOptions { GeneratedCustomers = 0 });
        var result = await CliHost.RunAsync(Debt(sandbox, "529.982.247-20"), Secret(sandbox.ClientSecret));
        Assert.Equal(ExitCodes.Usage, result.ExitCode);
        Assert.StartsWith("error:", result.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("529.982.247-20", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Debt_without_the_secret_is_a_usage_error()
    {
        await using var sandbox = await MkAuthSandbox.StartAsync(new MkAuthSandboxOptions { GeneratedCustomers = 0 });
        var result = await CliHost.RunAsync(Debt(sandbox, MkAuthSandboxData.MariaCpf), Secret(null));
        Assert.Equal(ExitCodes.Usage, result.ExitCode);
        Assert.Contains(Cobranca.Cli.Commands.MkAuthCommands.SecretVariable, result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Debt_with_a_wrong_secret_is_a_provider_error_that_does_not_echo_it()
    {
        await using var sandbox = await MkAuthSandbox.StartAsync(new MkAuthSandboxOptions { GeneratedCustomers = 0 });
        var result = await CliHost.RunAsync(Debt(sandbox, MkAuthSandboxData.MariaCpf), Secret("not-the-secret-xyz"));
        Assert.True(result.ExitCode == ExitCodes.ProviderError, result.ToString());
        Assert.StartsWith("error: mkauth token", result.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("not-the-secret-xyz", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Debt_without_the_pin_fails_the_tls_handshake_with_advice()
    {
        await using var sandbox = await MkAuthSandbox.StartAsync(new MkAuthSandboxOptions { GeneratedCustomers = 0 });
        string[] args = ["mkauth", "debt", "--cpf", MkAuthSandboxData.MariaCpf, "--url", sandbox.BaseAddress.ToString(), "--client-id", sandbox.ClientId];
        var result = await CliHost.RunAsync(args, Secret(sandbox.ClientSecret));
        Assert.True(result.ExitCode == ExitCodes.ProviderError, result.ToString());
        Assert.Contains("PinnedCertificateThumbprints", result.Stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("http://192.168.88.10")]
    [InlineData("not a url")]
    public async Task Debt_with_a_non_https_url_is_a_usage_error(string url)
    {
        var result = await CliHost.RunAsync(["mkauth", "debt", "--cpf", MkAuthSandboxData.MariaCpf, "--url", url, "--client-id", "x"], Secret("s"));
        Assert.Equal(ExitCodes.Usage, result.ExitCode);
        Assert.Contains("https", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Debt_without_required_options_is_a_usage_error()
    {
        var result = await CliHost.RunAsync("mkauth", "debt", "--cpf", MkAuthSandboxData.MariaCpf);
        Assert.Equal(ExitCodes.Usage, result.ExitCode);
        Assert.Contains("--url", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Demo_on_mkauth_runs_the_whole_story()
    {
        var result = await CliHost.RunAsync("demo", "--erp", "mkauth", "--customers", "40", "--json");

        Assert.True(result.ExitCode == 0, result.ToString());
        using var doc = JsonDocument.Parse(result.Stdout);
        Assert.True(doc.RootElement.GetProperty("ok").GetBoolean());
        Assert.Equal("mkauth", doc.RootElement.GetProperty("backend").GetString());
    }

    [Fact]
    public async Task Demo_with_an_unknown_erp_is_a_usage_error()
    {
        var result = await CliHost.RunAsync("demo", "--erp", "nowhere");
        Assert.Equal(ExitCodes.Usage, result.ExitCode);
        Assert.NotEmpty(result.Stderr);
    }
}
