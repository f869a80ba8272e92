using System.Diagnostics;
using System.Text.Json;
using Cobranca.Connectors.Testing.RouterOs;

namespace Cobranca.Connectors.MikroTik.Tests.Interop;

/// <summary>The emulator must satisfy an independent client, not just ours.</summary>
public sealed class LibrouterosInteropTests
{
    [LibrouterosFact]
    public async Task Librouteros_plain_login_print_add_remove_and_empty()
    {
        await using var router = await RouterOsEmulator.StartAsync(new RouterOsEmulatorOptions { Password = "s3cret", Version = new Version(7, 18) });
        var json = await RunAsync(router, "s3cret", "plain");

        Assert.StartsWith("*", json.GetProperty("added_id").GetString());
        Assert.Equal(["10.9.0.1", "10.9.0.2"], Strings(json, "printed"));
        Assert.Equal([".id", "address"], Strings(json, "printed_keys"));
        Assert.Equal(["10.9.0.1", "10.9.0.2"], Strings(json, "printed_in"));
        Assert.Contains("already have such entry", json.GetProperty("duplicate").GetString());
        Assert.Equal(["10.9.0.2"], Strings(json, "after_remove"));
        Assert.Equal(0, json.GetProperty("empty_print").GetArrayLength());
        Assert.Single(router.AddressLists.FindAll("list", "py-test"));
        Assert.Equal(1, router.LoginCount);
    }

    [LibrouterosFact]
    public async Task Librouteros_token_login_against_a_pre_6_43_router()
    {
        await using var router = await RouterOsEmulator.StartAsync(new RouterOsEmulatorOptions { Password = "old", Version = new Version(6, 40) });
        var json = await RunAsync(router, "old", "token");

        Assert.Equal(["10.9.0.2"], Strings(json, "after_remove"));
        Assert.Equal(0, json.GetProperty("empty_print").GetArrayLength());
        Assert.Equal(1, router.LoginCount);
    }

    private static string[] Strings(JsonElement json, string name) =>
        json.GetProperty(name).EnumerateArray().Select(e => e.GetString()!).ToArray();

    private static async Task<JsonElement> RunAsync(RouterOsEmulator router, string password, string method)
    {
        var script = Path.Combine(AppContext.BaseDirectory, "Interop", "librouteros_check.py");
        var psi = new ProcessStartInfo(LibrouterosFactAttribute.Python!, [script, router.Host, router.Port.ToString(), "admin", password, method])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(psi)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await process.WaitForExitAsync(timeout.Token);
        Assert.True(process.ExitCode == 0, "librouteros script failed: " + await stderr);
        return JsonDocument.Parse(await stdout).RootElement;
    }
}
