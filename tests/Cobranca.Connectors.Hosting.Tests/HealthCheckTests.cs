using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Cobranca.Connectors.Hosting.Tests;

public sealed class HealthCheckTests
{
    private static async Task<HealthReport> CheckAsync(Dictionary<string, string?> config)
    {
        using var host = TestHost.Build(config, sender: new RecordingSender());
        var health = host.Services.GetRequiredService<HealthCheckService>();
        return await health.CheckHealthAsync();
    }

    [Fact]
    public async Task Every_configured_system_is_healthy_against_the_simulators()
    {
        await using var sims = await Simulators.StartAsync();
        var config = sims.Configuration(store: "sqlite");
        var path = Path.Combine(Path.GetTempPath(), $"cobranca-health-{Guid.NewGuid():N}.db");
        config["Cobranca:Storage:Sqlite:Path"] = path;
        try
        {
            var report = await CheckAsync(config);
            Assert.Equal(["cobranca:isp:erp", "cobranca:isp:mikrotik", "cobranca:isp:pix", "cobranca:store"], report.Entries.Keys.Order());
            Assert.All(report.Entries, e => Assert.True(e.Value.Status == HealthStatus.Healthy, $"{e.Key}: {e.Value.Description}"));
            Assert.Equal(HealthStatus.Healthy, report.Status);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            foreach (var file in new[] { path, path + "-wal", path + "-shm" }) File.Delete(file);
        }
    }

    [Fact]
    public async Task Wrong_credentials_make_each_system_unhealthy_without_quoting_the_secret()
    {
        await using var sims = await Simulators.StartAsync();
        var config = sims.Configuration();
        config["Cobranca:Ixc:isp:Token"] = "0000000000000000000000000000000000000000000000000000000000000000";
        config["Cobranca:Pix:isp:ClientSecret"] = "wrong-secret-value";
        config["Cobranca:MikroTik:isp:Password"] = "wrong-router-password";
        var report = await CheckAsync(config);

        Assert.Equal(HealthStatus.Unhealthy, report.Status);
        foreach (var name in new[] { "cobranca:isp:erp", "cobranca:isp:pix", "cobranca:isp:mikrotik" })
        {
            var entry = report.Entries[name];
            Assert.True(entry.Status == HealthStatus.Unhealthy, $"{name}: {entry.Status} {entry.Description}");
            Assert.DoesNotContain("wrong-secret-value", entry.Description, StringComparison.Ordinal);
            Assert.DoesNotContain("wrong-router-password", entry.Description, StringComparison.Ordinal);
        }
        Assert.Contains("authentication refused", report.Entries["cobranca:isp:erp"].Description, StringComparison.Ordinal);
        // The in-memory store answers but is not durable.
        Assert.Equal(HealthStatus.Degraded, report.Entries["cobranca:store"].Status);
    }

    [Fact]
    public async Task A_stopped_system_is_unhealthy()
    {
        var sims = await Simulators.StartAsync();
        var config = sims.Configuration();
        await sims.Router.DisposeAsync();
        config["Cobranca:MikroTik:isp:ConnectTimeout"] = "00:00:02";
        config["Cobranca:MikroTik:isp:ConnectRetries"] = "0";
        try
        {
            var report = await CheckAsync(config);
            var router = report.Entries["cobranca:isp:mikrotik"];
            Assert.Equal(HealthStatus.Unhealthy, router.Status);
            Assert.Equal(HealthStatus.Healthy, report.Entries["cobranca:isp:erp"].Status);
        }
        finally
        {
            await sims.Psp.DisposeAsync();
            await sims.Ixc.DisposeAsync();
        }
    }
}

public sealed class MkAuthTenantTests
{
    [Fact]
    public async Task An_mkauth_tenant_is_registered_through_AddMkAuthClient_and_checked_against_the_sandbox()
    {
        await using var box = await Testing.MkAuth.MkAuthSandbox.StartAsync(new Testing.MkAuth.MkAuthSandboxOptions { GeneratedCustomers = 0 });
        var config = new Dictionary<string, string?>
        {
            ["Cobranca:Store"] = "memory",
            ["Cobranca:Tenants:mk:Erp"] = "MK-Auth",
            ["Cobranca:Tenants:mk:Dunning:Enabled"] = "false",
            ["Cobranca:MkAuth:mk:BaseAddress"] = box.BaseAddress.ToString(),
            ["Cobranca:MkAuth:mk:ClientId"] = box.ClientId,
            ["Cobranca:MkAuth:mk:ClientSecret"] = box.ClientSecret,
            ["Cobranca:MkAuth:mk:PinnedCertificateThumbprints:0"] = box.CertificateSha256,
        };
        using var host = TestHost.Build(config);
        await host.StartAsync();
        Assert.NotNull(host.Services.GetRequiredKeyedService<MkAuth.IMkAuthClient>("mk"));
        var report = await host.Services.GetRequiredService<HealthCheckService>().CheckHealthAsync();
        Assert.True(report.Entries["cobranca:mk:erp"].Status == HealthStatus.Healthy, report.Entries["cobranca:mk:erp"].Description);
        await host.StopAsync();

        config["Cobranca:MkAuth:mk:ClientSecret"] = "not-the-secret";
        using var wrong = TestHost.Build(config);
        var bad = await wrong.Services.GetRequiredService<HealthCheckService>().CheckHealthAsync();
        Assert.Equal(HealthStatus.Unhealthy, bad.Entries["cobranca:mk:erp"].Status);
        Assert.DoesNotContain("not-the-secret", bad.Entries["cobranca:mk:erp"].Description, StringComparison.Ordinal);
    }
}

public sealed class SgpTenantTests
{
    [Fact]
    public async Task An_sgp_tenant_is_registered_through_AddSgpClient_and_checked_against_the_sandbox()
    {
        await using var box = await Testing.Sgp.SgpSandbox.StartAsync();
        var config = new Dictionary<string, string?>
        {
            ["Cobranca:Store"] = "memory",
            ["Cobranca:Tenants:sgp1:Erp"] = "sgp",
            ["Cobranca:Tenants:sgp1:Dunning:Enabled"] = "false",
            ["Cobranca:Sgp:sgp1:BaseAddress"] = box.BaseUrl.ToString(),
            ["Cobranca:Sgp:sgp1:Token"] = box.Token,
            ["Cobranca:Sgp:sgp1:App"] = box.App,
        };
        using var host = TestHost.Build(config);
        await host.StartAsync();
        Assert.NotNull(host.Services.GetRequiredKeyedService<Sgp.ISgpClient>("sgp1"));
        var report = await host.Services.GetRequiredService<HealthCheckService>().CheckHealthAsync();
        Assert.True(report.Entries["cobranca:sgp1:erp"].Status == HealthStatus.Healthy, report.Entries["cobranca:sgp1:erp"].Description);
        await host.StopAsync();

        config["Cobranca:Sgp:sgp1:Token"] = "not-the-token";
        using var wrong = TestHost.Build(config);
        var bad = await wrong.Services.GetRequiredService<HealthCheckService>().CheckHealthAsync();
        Assert.Equal(HealthStatus.Unhealthy, bad.Entries["cobranca:sgp1:erp"].Status);
        Assert.DoesNotContain("not-the-token", bad.Entries["cobranca:sgp1:erp"].Description, StringComparison.Ordinal);
    }
}
