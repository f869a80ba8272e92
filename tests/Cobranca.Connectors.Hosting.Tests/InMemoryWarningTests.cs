using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Cobranca.Connectors.Hosting.Tests;

public sealed class InMemoryWarningTests
{
    private static async Task<LogSink> StartAsync(string store, string environment)
    {
        await using var sims = await Simulators.StartAsync();
        var config = sims.Configuration(store);
        config["Cobranca:Tenants:isp:MikroTik"] = "false";
        config["Cobranca:Tenants:isp:Pix"] = "false";
        config["Cobranca:Tenants:isp:Dunning:Enabled"] = "false";
        config["Cobranca:Tenants:isp:Unblock:RetryPending"] = "false";
        var path = Path.Combine(Path.GetTempPath(), $"cobranca-warn-{Guid.NewGuid():N}.db");
        config["Cobranca:Storage:Sqlite:Path"] = path;
        var logs = new LogSink();
        try
        {
            using var host = TestHost.Build(config, environment: environment, logs: logs);
            await host.StartAsync();
            await host.StopAsync();
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            foreach (var file in new[] { path, path + "-wal", path + "-shm" }) File.Delete(file);
        }
        return logs;
    }

    [Fact]
    public async Task In_memory_store_outside_development_is_warned_about_loudly()
    {
        var logs = await StartAsync("memory", "Production");
        var warning = Assert.Single(logs.Entries, e => e.Id.Id == 706);
        Assert.Equal(LogLevel.Warning, warning.Level);
        Assert.Contains("WARNING", warning.Message, StringComparison.Ordinal);
        Assert.Contains("Production", warning.Message, StringComparison.Ordinal);
        Assert.Contains("sent AGAIN", warning.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task In_memory_store_in_development_is_not_warned_about()
    {
        var logs = await StartAsync("memory", Environments.Development);
        Assert.DoesNotContain(logs.Entries, e => e.Id.Id == 706);
        Assert.Contains(logs.Entries, e => e.Id.Id == 707 && e.Message.Contains("NOT durable", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_durable_store_is_not_warned_about()
    {
        var logs = await StartAsync("sqlite", "Production");
        Assert.DoesNotContain(logs.Entries, e => e.Id.Id == 706);
    }
}
