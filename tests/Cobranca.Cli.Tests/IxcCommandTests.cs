using System.Text.Json;
using Cobranca.Connectors.Testing.Ixc;

namespace Cobranca.Cli.Tests;

public class IxcCommandTests
{
    private static string[] Debt(IxcSandbox sandbox, string cpf, params string[] extra) =>
        ["ixc", "debt", "--cpf", cpf, "--url", sandbox.BaseUrl.ToString(), "--user", sandbox.UserId, .. extra];

    private static Dictionary<string, string?> Token(IxcSandbox sandbox) => new() { ["COBRANCA_IXC_TOKEN"] = sandbox.Token };

    [Fact]
    public async Task Debt_shows_the_customer_and_honours_json()
    {
        await using var sandbox = await IxcSandbox.StartAsync();

        var table = await CliHost.RunAsync(Debt(sandbox, IxcSandboxData.MariaCpf), Token(sandbox));
        var json = await CliHost.RunAsync(Debt(sandbox, "12345678909", "--json"), Token(sandbox));

        Assert.True(table.ExitCode == 0, table.ToString());
        Assert.Contains("total overdue", table.Stdout, StringComparison.Ordinal);
        Assert.True(json.ExitCode == 0, json.ToString());
        using var doc = JsonDocument.Parse(json.Stdout);
        var customer = doc.RootElement.EnumerateArray().Single();
        Assert.Equal(IxcSandboxData.MariaCustomerId, customer.GetProperty("customerId").GetString());
        Assert.Contains(customer.GetProperty("overdue").EnumerateArray(), i => i.GetProperty("id").GetString() == IxcSandboxData.MariaOverdueInvoiceId);
        Assert.DoesNotContain(sandbox.Token, table.Stdout + table.Stderr + json.Stdout + json.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Debt_for_an_unknown_document_exits_3()
    {
        await using var sandbox = await IxcSandbox.StartAsync();
        var result = await CliHost.RunAsync(Debt(sandbox, "987.654.321-00"), Token(sandbox));
        Assert.True(result.ExitCode == Cobranca.Cli.Commands.IxcCommands.NoCustomer, result.ToString());
        Assert.Contains("No IXC customer", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Debt_with_an_invalid_cpf_is_a_usage_error_that_does_not_echo_it()
    {
        await using var sandbox = await IxcSandbox.StartAsync();
        var result = await CliHost.RunAsync(Debt(sandbox, "123.456.789-00"), Token(sandbox));
        Assert.Equal(ExitCodes.Usage, result.ExitCode);
        Assert.StartsWith("error:", result.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("123.456.789-00", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Debt_without_the_token_is_a_usage_error()
    {
        await using var sandbox = await IxcSandbox.StartAsync();
        var result = await CliHost.RunAsync(Debt(sandbox, IxcSandboxData.MariaCpf), new Dictionary<string, string?> { ["COBRANCA_IXC_TOKEN"] = null });
        Assert.Equal(ExitCodes.Usage, result.ExitCode);
        Assert.Contains("COBRANCA_IXC_TOKEN", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Debt_with_a_wrong_token_is_a_provider_error()
    {
        await using var sandbox = await IxcSandbox.StartAsync();
        var result = await CliHost.RunAsync(Debt(sandbox, IxcSandboxData.MariaCpf), new Dictionary<string, string?> { ["COBRANCA_IXC_TOKEN"] = "not-the-token" });
        Assert.True(result.ExitCode == ExitCodes.ProviderError, result.ToString());
        Assert.StartsWith("error:", result.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("not-the-token", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Debt_without_required_options_is_a_usage_error()
    {
        var result = await CliHost.RunAsync("ixc", "debt", "--cpf", IxcSandboxData.MariaCpf);
        Assert.Equal(ExitCodes.Usage, result.ExitCode);
        Assert.Contains("--url", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Demo_walks_the_flow_and_honours_json()
    {
        var plain = await CliHost.RunAsync("ixc", "demo");
        var json = await CliHost.RunAsync("ixc", "demo", "--json");

        Assert.True(plain.ExitCode == 0, plain.ToString());
        Assert.Contains("Trust unlock", plain.Stdout, StringComparison.Ordinal);
        Assert.True(json.ExitCode == 0, json.ToString());
        using var doc = JsonDocument.Parse(json.Stdout);
        Assert.True(doc.RootElement.GetProperty("ok").GetBoolean());
        Assert.Contains(doc.RootElement.GetProperty("lines").EnumerateArray(), l => l.GetString()!.Contains("Trust unlock", StringComparison.Ordinal));
    }
}
