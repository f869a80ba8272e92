using System.Text.Json;
using Cobranca.Connectors.Testing.RouterOs;

namespace Cobranca.Cli.Tests;

public class MikroTikCommandTests
{
    private const string Password = "s3cret-router";

    private static Dictionary<string, string?> Env(string? password = Password) => new() { ["COBRANCA_MIKROTIK_PASSWORD"] = password };

    private static string[] Args(RouterOsEmulator router, string command, params string[] extra) =>
        ["mikrotik", command, "--host", router.Host, "--port", router.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "--user", "admin", "--ip", "100.64.0.10", "--contract", "1001", .. extra];

    [Fact]
    public async Task Block_state_unblock_round_trip_on_the_emulator()
    {
        await using var router = await RouterOsEmulator.StartAsync(new RouterOsEmulatorOptions { Password = Password });

        var block = await CliHost.RunAsync(Args(router, "block", "--json"), Env());
        Assert.True(block.ExitCode == 0, block.ToString());
        using (var doc = JsonDocument.Parse(block.Stdout)) Assert.Equal("Applied", doc.RootElement.GetProperty("outcome").GetString());

        var again = await CliHost.RunAsync(Args(router, "block", "--json"), Env());
        using (var doc = JsonDocument.Parse(again.Stdout)) Assert.Equal("AlreadyInState", doc.RootElement.GetProperty("outcome").GetString());

        var state = await CliHost.RunAsync(Args(router, "state"), Env());
        Assert.True(state.ExitCode == 0, state.ToString());
        Assert.Contains("blocked", state.Stdout, StringComparison.OrdinalIgnoreCase);

        var unblock = await CliHost.RunAsync(Args(router, "unblock", "--json"), Env());
        Assert.True(unblock.ExitCode == 0, unblock.ToString());
        using (var doc = JsonDocument.Parse(unblock.Stdout)) Assert.Equal("Applied", doc.RootElement.GetProperty("outcome").GetString());
        Assert.DoesNotContain(Password, block.Stdout + block.Stderr + state.Stdout + unblock.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Missing_password_is_a_clear_usage_error_and_nothing_is_sent()
    {
        await using var router = await RouterOsEmulator.StartAsync(new RouterOsEmulatorOptions { Password = Password });

        var result = await CliHost.RunAsync(Args(router, "block"), Env(null));

        Assert.Equal(ExitCodes.Usage, result.ExitCode);
        Assert.Contains("COBRANCA_MIKROTIK_PASSWORD", result.Stderr, StringComparison.Ordinal);
        Assert.Equal(0, router.LoginCount);
    }

    [Fact]
    public async Task Wrong_password_is_a_provider_error_on_stderr()
    {
        await using var router = await RouterOsEmulator.StartAsync(new RouterOsEmulatorOptions { Password = Password });

        var result = await CliHost.RunAsync(Args(router, "state"), Env("wrong-password"));

        Assert.True(result.ExitCode == ExitCodes.ProviderError, result.ToString());
        Assert.StartsWith("error:", result.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("wrong-password", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Throttle_needs_down_and_up()
    {
        await using var router = await RouterOsEmulator.StartAsync(new RouterOsEmulatorOptions { Password = Password });
        var result = await CliHost.RunAsync(Args(router, "throttle"), Env());
        Assert.Equal(ExitCodes.Usage, result.ExitCode);
        Assert.Contains("--down", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Throttle_runs_with_a_simple_queue()
    {
        await using var router = await RouterOsEmulator.StartAsync(new RouterOsEmulatorOptions { Password = Password });
        router.SimpleQueues.Add(new Dictionary<string, string> { ["name"] = "cliente-1001", ["target"] = "100.64.0.10/32", ["max-limit"] = "50M/100M" });

        var result = await CliHost.RunAsync(Args(router, "throttle", "--strategy", "SimpleQueue", "--down", "10", "--up", "5", "--json"), Env());

        Assert.True(result.ExitCode == 0, result.ToString());
        using var doc = JsonDocument.Parse(result.Stdout);
        Assert.Equal("Applied", doc.RootElement.GetProperty("outcome").GetString());
        Assert.Equal("5000000/10000000", router.SimpleQueues.Rows.Single()["max-limit"]);
    }

    [Fact]
    public async Task Throttle_without_a_queue_is_a_provider_error_on_stderr()
    {
        await using var router = await RouterOsEmulator.StartAsync(new RouterOsEmulatorOptions { Password = Password });
        var result = await CliHost.RunAsync(Args(router, "throttle", "--strategy", "SimpleQueue", "--down", "10", "--up", "5"), Env());
        Assert.Equal(ExitCodes.ProviderError, result.ExitCode);
        Assert.Contains("no simple queue", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bad_ip_is_a_usage_error()
    {
        await using var router = await RouterOsEmulator.StartAsync(new RouterOsEmulatorOptions { Password = Password });
        var args = Args(router, "state");
        args[Array.IndexOf(args, "100.64.0.10")] = "100.64.0.999";

        var result = await CliHost.RunAsync(args, Env());

        Assert.Equal(ExitCodes.Usage, result.ExitCode);
        Assert.StartsWith("error:", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Missing_host_is_a_usage_error()
    {
        var result = await CliHost.RunAsync(["mikrotik", "state", "--user", "admin"], Env());
        Assert.Equal(ExitCodes.Usage, result.ExitCode);
        Assert.Contains("--host", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unreachable_router_is_a_provider_error()
    {
        // A port nothing listens on (taken from a listener that is closed again).
        var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        var port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();

        var result = await CliHost.RunAsync(["mikrotik", "state", "--host", "127.0.0.1", "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "--user", "admin", "--ip", "100.64.0.10"], Env());

        Assert.True(result.ExitCode == ExitCodes.ProviderError, result.ToString());
        Assert.StartsWith("error:", result.Stderr, StringComparison.Ordinal);
    }
}
