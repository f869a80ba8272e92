using Cobranca.Connectors.Abstractions;
using Cobranca.Connectors.Ixc;
using Cobranca.Connectors.MikroTik;
using Cobranca.Connectors.Pix;
using Cobranca.Connectors.Storage.Sqlite;
using Cobranca.Connectors.Workflows;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Cobranca.Connectors.Hosting.Tests;

public sealed class ConfigurationTests
{
    [Fact]
    public async Task Binds_tenants_connectors_and_the_sqlite_store_and_starts()
    {
        await using var sims = await Simulators.StartAsync();
        var path = Path.Combine(Path.GetTempPath(), $"cobranca-hosting-{Guid.NewGuid():N}.db");
        var config = sims.Configuration(store: "sqlite");
        config["Cobranca:Storage:Sqlite:Path"] = path;
        config["Cobranca:Tenants:isp:TimeZone"] = "America/Manaus";
        config["Cobranca:Tenants:isp:Dunning:RunAt"] = "10:30";
        config["Cobranca:Tenants:isp:Dunning:Holidays:0"] = "2026-03-17";
        config["Cobranca:Tenants:isp:Unblock:RetryInterval"] = "00:02:00";
        config["Cobranca:Tenants:isp:PixReconciliation:AllowedKeys:0"] = sims.Psp.Key;
        try
        {
            using var host = TestHost.Build(config, sender: new RecordingSender());
            await host.StartAsync();

            var options = host.Services.GetRequiredService<IOptions<CobrancaOptions>>().Value;
            var isp = options.Tenants["isp"];
            Assert.Equal("ixc", isp.Erp);
            Assert.Equal(new TimeOnly(10, 30), isp.Dunning.RunAt);
            Assert.Equal([new DateOnly(2026, 3, 17)], isp.Dunning.Holidays);
            Assert.Equal(TimeSpan.FromMinutes(2), isp.Unblock.RetryInterval);
            Assert.Equal([sims.Psp.Key], isp.PixReconciliation.AllowedKeys);

            // The connectors were registered by their own Add{X}Client(tenant), keyed by the tenant.
            Assert.NotNull(host.Services.GetRequiredKeyedService<IxcClient>("isp"));
            Assert.NotNull(host.Services.GetRequiredKeyedService<IPixClient>("isp"));
            Assert.NotNull(host.Services.GetRequiredKeyedService<MikroTikAccessController>("isp"));

            var tenant = host.Services.GetRequiredKeyedService<CobrancaTenant>("isp");
            Assert.Equal("America/Manaus", tenant.TimeZone.Id);
            Assert.Equal(2, tenant.AccessControllers.Count);
            Assert.IsType<MikroTikAccessController>(tenant.AccessControllers[1]); // the ERP first, then the router
            Assert.NotNull(tenant.Dunning);
            Assert.NotNull(tenant.PixReconciliation);
            Assert.True(tenant.Holidays.IsHoliday(new DateOnly(2026, 3, 17)));

            var store = host.Services.GetRequiredService<ILedgerStore>();
            Assert.IsType<SqliteLedgerStore>(store);
            Assert.True(File.Exists(path)); // migrated at start
            await host.StopAsync();
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            foreach (var file in new[] { path, path + "-wal", path + "-shm" }) File.Delete(file);
        }
    }

    [Fact]
    public async Task An_erp_only_tenant_needs_no_router_or_psp()
    {
        await using var sims = await Simulators.StartAsync();
        var config = sims.Configuration();
        config["Cobranca:Tenants:isp:MikroTik"] = "false";
        config["Cobranca:Tenants:isp:Pix"] = "false";
        config["Cobranca:Tenants:isp:Dunning:Enabled"] = "false";
        using var host = TestHost.Build(config);
        await host.StartAsync();
        var tenant = host.Services.GetRequiredKeyedService<CobrancaTenant>("isp");
        Assert.Single(tenant.AccessControllers);
        Assert.Null(tenant.Dunning);
        Assert.Null(tenant.PixReconciliation);
        Assert.Null(host.Services.GetKeyedService<IPixClient>("isp"));
        await host.StopAsync();
    }

    public static TheoryData<string, string?, string> InvalidSettings => new()
    {
        { "Cobranca:Store", "mongodb", "Cobranca:Store 'mongodb' is not one of sqlite, postgres, memory" },
        { "Cobranca:Tenants:isp:Erp", "oracle", "Cobranca:Tenants:isp:Erp 'oracle' is not one of" },
        { "Cobranca:Tenants:isp:TimeZone", "Mars/Olympus", "Cobranca:Tenants:isp:TimeZone 'Mars/Olympus'" },
        { "Cobranca:Tenants:isp:Dunning:RunAt", "21:00", "Cobranca:Tenants:isp:Dunning:RunAt 21:00 is inside the schedule's quiet hours" },
        { "Cobranca:Tenants:isp:Dunning:MaxConcurrency", "0", "Cobranca:Tenants:isp:Dunning:MaxConcurrency must be between 1 and 64" },
        { "Cobranca:Tenants:isp:Dunning:ScheduleFile", "does-not-exist.json", "Cobranca:Tenants:isp:Dunning:ScheduleFile 'does-not-exist.json'" },
        { "Cobranca:Tenants:isp:PixReconciliation:LookBack", "00:01:00", "Cobranca:Tenants:isp:PixReconciliation:LookBack must be at least Interval" },
        { "Cobranca:Tenants:isp:Unblock:RetryInterval", "00:00:00", "Cobranca:Tenants:isp:Unblock:RetryInterval must be at least 1 second" },
    };

    [Theory]
    [MemberData(nameof(InvalidSettings))]
    public async Task Invalid_configuration_fails_at_start_naming_the_key(string key, string? value, string expected)
    {
        await using var sims = await Simulators.StartAsync();
        var config = sims.Configuration();
        config[key] = value;
        using var host = TestHost.Build(config, sender: new RecordingSender());
        var ex = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());
        Assert.Contains(expected, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_connector_option_is_validated_by_the_connector_at_start_without_quoting_the_secret()
    {
        await using var sims = await Simulators.StartAsync();
        var config = sims.Configuration();
        config["Cobranca:Ixc:isp:BaseAddress"] = "not a url";
        using var host = TestHost.Build(config, sender: new RecordingSender());
        var ex = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());
        Assert.Contains("BaseAddress", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(sims.Ixc.Token, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Dunning_without_a_notification_sender_fails_at_start()
    {
        await using var sims = await Simulators.StartAsync();
        using var host = TestHost.Build(sims.Configuration());
        var ex = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());
        Assert.Contains("no INotificationSender is registered", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_keyed_sender_per_tenant_is_enough()
    {
        await using var sims = await Simulators.StartAsync();
        using var host = TestHost.Build(sims.Configuration(),
            configure: s => s.AddKeyedSingleton<INotificationSender>("isp", new RecordingSender()));
        await host.StartAsync();
        await host.StopAsync();
    }

    [Fact]
    public async Task No_tenants_fails_at_start()
    {
        using var host = TestHost.Build(new Dictionary<string, string?> { ["Cobranca:Store"] = "memory" });
        var ex = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());
        Assert.Contains("Cobranca:Tenants is empty", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_problem_is_listed_at_once()
    {
        var options = new CobrancaOptions { Store = "x" };
        options.Tenants["bad name"] = new CobrancaTenantOptions { TimeZone = "nowhere" };
        var errors = options.Validate();
        Assert.Contains(errors, e => e.StartsWith("Cobranca:Store", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("tenant name", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("Erp is required", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("TimeZone 'nowhere'", StringComparison.Ordinal));
    }

    [Fact]
    public void AddCobranca_rejects_null_arguments()
    {
        Assert.Throws<ArgumentNullException>(() => new ServiceCollection().AddCobranca(null!));
        Assert.Throws<ArgumentNullException>(() => ((IServiceCollection)null!).AddCobranca(new Microsoft.Extensions.Configuration.ConfigurationManager()));
    }

    [Fact]
    public void Postgres_store_takes_the_connection_string_from_ConnectionStrings_when_its_section_has_none()
    {
        var config = new Dictionary<string, string?>
        {
            ["Cobranca:Store"] = "postgres",
            ["ConnectionStrings:Cobranca"] = "Host=127.0.0.1;Database=cobranca;Username=cobranca",
            ["Cobranca:Tenants:isp:Erp"] = "ixc",
        };
        using var host = TestHost.Build(config);
        var options = host.Services.GetRequiredService<IOptions<Storage.PostgreSql.PostgreSqlLedgerStoreOptions>>().Value;
        Assert.Equal("Host=127.0.0.1;Database=cobranca;Username=cobranca", options.ConnectionString);
        Assert.IsType<Storage.PostgreSql.PostgreSqlLedgerStore>(host.Services.GetRequiredService<ILedgerStore>());
    }

    [Fact]
    public async Task Postgres_without_a_connection_string_fails_at_start()
    {
        await using var sims = await Simulators.StartAsync();
        var config = sims.Configuration(store: "postgres");
        using var host = TestHost.Build(config, sender: new RecordingSender());
        await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());
    }
}
