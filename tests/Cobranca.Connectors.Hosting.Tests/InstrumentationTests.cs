using System.Diagnostics;
using Cobranca.Connectors.Ixc;
using Cobranca.Connectors.MikroTik;
using Cobranca.Connectors.MkAuth;
using Cobranca.Connectors.Pix;
using Cobranca.Connectors.Sgp;
using Cobranca.Connectors.Workflows;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using OpenTelemetry;
using OpenTelemetry.Trace;

namespace Cobranca.Connectors.Hosting.Tests;

public sealed class InstrumentationTests
{
    [Fact]
    public void Every_package_source_and_meter_is_listed()
    {
        Assert.Equal([IxcTelemetry.ActivitySourceName, SgpTelemetry.ActivitySourceName, MkAuthTelemetry.ActivitySourceName, MikroTikTelemetry.ActivitySourceName, PixTelemetry.ActivitySourceName, WorkflowsTelemetry.ActivitySourceName],
            CobrancaTelemetry.ActivitySourceNames);
        Assert.Equal([IxcTelemetry.MeterName, SgpTelemetry.MeterName, MkAuthTelemetry.MeterName, MikroTikTelemetry.MeterName, PixTelemetry.MeterName, WorkflowsTelemetry.MeterName],
            CobrancaTelemetry.MeterNames);
    }

    [Fact]
    public async Task AddCobrancaInstrumentation_exports_the_spans_of_a_hosted_dunning_run()
    {
        await using var sims = await Simulators.StartAsync();
        var config = sims.Configuration();
        config["Cobranca:Tenants:isp:MikroTik"] = "false";
        config["Cobranca:Tenants:isp:Pix"] = "false";
        config["Cobranca:Tenants:isp:Unblock:RetryPending"] = "false";
        config["Cobranca:Tenants:isp:Dunning:Enabled"] = "false";
        var spans = new List<Activity>();
        using var host = TestHost.Build(config, configure: s => s.AddOpenTelemetry().AddCobrancaInstrumentation()
            .WithTracing(t => t.AddInMemoryExporter(spans)));
        await host.StartAsync();
        var tenant = host.Services.GetRequiredKeyedService<CobrancaTenant>("isp");
        await tenant.BillingSystem.GetDebtStatusAsync(Cobranca.Connectors.Testing.Ixc.IxcSandboxData.MariaCustomerId);
        await host.StopAsync();
        Assert.Contains(spans, a => a.Source.Name == IxcTelemetry.ActivitySourceName);
    }
}
