namespace Cobranca.Cli.Tests;

public class CliHostTests
{
    [Fact]
    public async Task Help_lists_the_commands_and_exits_0()
    {
        var result = await CliHost.RunAsync("--help");

        Assert.True(result.ExitCode == 0, result.ToString());
        foreach (var command in new[] { "demo", "pix", "boleto", "mikrotik", "ixc" }) Assert.Contains(command, result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unknown_command_is_a_usage_error_on_stderr()
    {
        var result = await CliHost.RunAsync("no-such-command");

        Assert.True(result.ExitCode == ExitCodes.Usage, result.ToString());
        Assert.Contains("no-such-command", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Environment_is_set_for_the_run_and_restored()
    {
        const string name = "COBRANCA_CLI_TESTS_PROBE";
        Environment.SetEnvironmentVariable(name, "before");
        try
        {
            await CliHost.RunAsync(["--help"], new Dictionary<string, string?> { [name] = "during" });
            Assert.Equal("before", Environment.GetEnvironmentVariable(name));
        }
        finally
        {
            Environment.SetEnvironmentVariable(name, null);
        }
    }
}
