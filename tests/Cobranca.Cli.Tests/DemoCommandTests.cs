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
    public async Task Demo_pix_automatico_charges_the_enrolled_payer_once_and_hands_the_one_without_funds_to_the_regua()
    {
        var result = await CliHost.RunAsync("demo", "--customers", "30", "--json");

        Assert.True(result.ExitCode == 0, result.ToString());
        using var doc = JsonDocument.Parse(result.Stdout);
        var pix = doc.RootElement.GetProperty("pixAutomatico");
        var enrolled = pix.GetProperty("enrolled").EnumerateArray().Select(e => e.GetString()).ToList();
        Assert.Equal(2, enrolled.Count);
        Assert.Equal(2, pix.GetProperty("recurringChargesCreated").GetInt32());
        Assert.Equal(0, pix.GetProperty("doublePayments").GetInt32());
        var handed = Assert.Single(pix.GetProperty("handedToDunning").EnumerateArray());
        Assert.StartsWith(enrolled[1] + "M", handed.GetString(), StringComparison.Ordinal);
        var last = pix.GetProperty("timeline").EnumerateArray().Last();
        Assert.Equal("Paid", last.GetProperty("payer").GetString());
        Assert.Equal("HandedToDunning", last.GetProperty("noFunds").GetString());
        Assert.Equal("DueChargeIssued", last.GetProperty("notEnrolled").GetString());
        var batched = pix.GetProperty("notEnrolled");
        Assert.Equal("DueChargeIssued", batched.GetProperty("outcome").GetString());
        Assert.Equal("1", batched.GetProperty("batchId").GetString());
        Assert.True(batched.GetProperty("dueChargeCreated").GetBoolean());
        Assert.Equal(1, pix.GetProperty("lotecobvSent").GetInt32());
    }

    [Fact]
    public async Task Demo_in_memory_prints_the_steps()
    {
        var result = await CliHost.RunAsync("demo", "--customers", "30", "--backend", "memory");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("Demo finished.", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Demo_keeps_its_ledgers_in_sqlite_so_a_second_run_on_the_same_file_repeats_nothing()
    {
        var path = Path.Combine(Path.GetTempPath(), $"cobranca-cli-test-{Guid.NewGuid():N}.db");
        try
        {
            var first = await CliHost.RunAsync("demo", "--customers", "30", "--json", "--store", "sqlite", "--store-path", path);
            Assert.True(first.ExitCode == 0, first.ToString());
            Assert.True(File.Exists(path));
            var (store, executed, skipped) = Dunning(first);
            Assert.Equal("sqlite", store);
            Assert.True(executed > 0, first.ToString());
            Assert.Equal(0, skipped);

            var second = await CliHost.RunAsync("demo", "--customers", "30", "--json", "--store", "sqlite", "--store-path", path);
            Assert.True(second.ExitCode == 0, second.ToString());
            var (_, executedAgain, skippedAgain) = Dunning(second);
            Assert.Equal(0, executedAgain);
            Assert.Equal(executed, skippedAgain); // every action of the first run found in the file, none repeated
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            foreach (var file in new[] { path, path + "-wal", path + "-shm" }) File.Delete(file);
        }
    }

    [Fact]
    public async Task Demo_keeps_its_ledgers_in_postgresql_from_the_environment()
    {
        using var server = Cobranca.Connectors.Testing.TemporaryPostgreSqlServer.Start();
        var environment = new Dictionary<string, string?> { ["COBRANCA_POSTGRES"] = server.ConnectionString };

        var first = await CliHost.RunAsync(["demo", "--customers", "30", "--json", "--store", "postgres"], environment);
        Assert.True(first.ExitCode == 0, first.ToString());
        var (store, executed, _) = Dunning(first);
        Assert.Equal("postgresql", store);
        Assert.True(executed > 0, first.ToString());

        var second = await CliHost.RunAsync(["demo", "--customers", "30", "--json", "--store", "postgres"], environment);
        Assert.True(second.ExitCode == 0, second.ToString());
        Assert.Equal(0, Dunning(second).Executed);
    }

    [Fact]
    public async Task Demo_with_postgres_and_no_connection_string_is_a_usage_error()
    {
        var result = await CliHost.RunAsync(["demo", "--store", "postgres"], new Dictionary<string, string?> { ["COBRANCA_POSTGRES"] = null });

        Assert.Equal(ExitCodes.Usage, result.ExitCode);
        Assert.Contains("COBRANCA_POSTGRES", result.Stderr, StringComparison.Ordinal);
    }

    private static (string? Store, int Executed, int Skipped) Dunning(CliResult result)
    {
        using var doc = JsonDocument.Parse(result.Stdout);
        var dunning = doc.RootElement.GetProperty("dunning");
        return (doc.RootElement.GetProperty("store").GetString(), dunning.GetProperty("executed").GetInt32(), dunning.GetProperty("skipped").GetInt32());
    }

    [Theory]
    [InlineData("--customers", "0")]
    [InlineData("--customers", "many")]
    [InlineData("--backend", "nowhere")]
    [InlineData("--seed", "x")]
    [InlineData("--store", "redis")]
    public async Task Demo_bad_options_are_usage_errors(string option, string value)
    {
        var result = await CliHost.RunAsync("demo", option, value);
        Assert.Equal(ExitCodes.Usage, result.ExitCode);
        Assert.NotEmpty(result.Stderr);
    }
}
