using System.Text.Json;

namespace Cobranca.Cli.Tests;

public class DemoCommandTests
{
    [Fact]
    public async Task Demo_runs_the_whole_story_and_reports_json()
    {
        var result = await CliHost.RunAsync("demo", "--customers", "30", "--json");

        Assert.True(result.ExitCode == 0, result.ToString());
        using var doc = JsonDocument.Parse(result.Stdout);
        Assert.True(doc.RootElement.GetProperty("ok").GetBoolean());
        Assert.Equal("simulators", doc.RootElement.GetProperty("backend").GetString());
    }

    [Fact]
    public async Task Demo_in_memory_prints_the_steps()
    {
        var result = await CliHost.RunAsync("demo", "--customers", "30", "--backend", "memory");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("Demo finished.", result.Stdout, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--customers", "0")]
    [InlineData("--customers", "many")]
    [InlineData("--backend", "nowhere")]
    [InlineData("--seed", "x")]
    public async Task Demo_bad_options_are_usage_errors(string option, string value)
    {
        var result = await CliHost.RunAsync("demo", option, value);
        Assert.Equal(ExitCodes.Usage, result.ExitCode);
        Assert.NotEmpty(result.Stderr);
    }
}
