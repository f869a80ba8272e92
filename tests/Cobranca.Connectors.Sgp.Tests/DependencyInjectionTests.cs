using Cobranca.Connectors.Abstractions;
using Cobranca.Connectors.Testing.Sgp;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Cobranca.Connectors.Sgp.Tests;

public sealed class DependencyInjectionTests
{
    private static readonly Testing.Conformance.ConformanceScenario S = SgpTestHost.Scenario;

    [Fact]
    public async Task Each_tenant_gets_keyed_clients_bound_from_configuration_then_the_delegate()
    {
        var time = new FakeTimeProvider(S.Now);
        await using var a = await SgpSandbox.StartAsync(new SgpSandboxOptions { TimeProvider = time, Data = S.Data });
        await using var b = await SgpSandbox.StartAsync(new SgpSandboxOptions { TimeProvider = time, Data = S.Data, App = "OutroApp", Token = "token-b" });
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Cobranca:Sgp:isp-a:BaseAddress"] = a.BaseUrl.ToString(),
            ["Cobranca:Sgp:isp-a:Token"] = a.Token,
            ["Cobranca:Sgp:isp-a:App"] = a.App,
            ["Cobranca:Sgp:isp-a:UseLegacyUraPrefix"] = "true",
            ["Cobranca:Sgp:isp-a:Resilience:MaxRetryAttempts"] = "1",
            ["Cobranca:Sgp:isp-b:BaseAddress"] = b.BaseUrl.ToString(),
            ["Cobranca:Sgp:isp-b:Token"] = "from-configuration",
            ["Cobranca:Sgp:isp-b:App"] = "OutroApp",
        }).Build();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddSingleton<TimeProvider>(time);
        var builder = services.AddSgpClient("isp-a");
        services.AddSgpClient("isp-b", o => o.Token = "token-b"); // the delegate runs after the binding
        await using var provider = services.BuildServiceProvider();

        var debt = await provider.GetRequiredKeyedService<IBillingSystem>("isp-a").GetDebtStatusAsync(S.DebtorCustomerId);
        await provider.GetRequiredKeyedService<ISgpClient>("isp-b").VerifyConnectionAsync();

        Assert.Equal("isp-a", builder.Name);
        Assert.Equal(S.Today, debt.AsOf); // the DI TimeProvider decides "today"
        Assert.All(a.Requests, r => Assert.StartsWith("/ws/ura/", r.Path, StringComparison.Ordinal));
        Assert.Equal("token-b", Assert.Single(b.Requests).Field("token"));
        Assert.Same(provider.GetRequiredKeyedService<SgpClient>("isp-a"), provider.GetRequiredKeyedService<IBillingSystem>("isp-a"));
        Assert.Equal("sgp", provider.GetRequiredKeyedService<IAccessController>("isp-b").Info.Name);
        Assert.Null(provider.GetService<IBillingSystem>()); // no unkeyed default
    }

    [Fact]
    public async Task The_di_pipeline_retries_reads_but_never_a_promise()
    {
        await using var sandbox = await SgpSandbox.StartAsync(new SgpSandboxOptions { TimeProvider = new FakeTimeProvider(S.Now), Data = S.Data });
        var services = new ServiceCollection();
        services.AddSgpClient("isp", o =>
        {
            o.BaseAddress = sandbox.BaseUrl;
            o.Token = sandbox.Token;
            o.App = sandbox.App;
            o.Resilience.RetryBaseDelay = TimeSpan.Zero;
        });
        await using var provider = services.BuildServiceProvider();
        var client = provider.GetRequiredKeyedService<ISgpClient>("isp");
        sandbox.InjectFault(SgpSandboxFault.HttpStatus(504), "titulos");
        sandbox.InjectFault(SgpSandboxFault.HttpStatus(504), "liberacaopromessa");

        await client.VerifyConnectionAsync();
        await Assert.ThrowsAsync<ConnectorApiException>(() => client.RequestTrustUnlockAsync(S.DebtorBlockedContractId));
        Assert.Equal(2, sandbox.Requests.Count(r => r.Endpoint == "titulos"));
        Assert.Equal(1, sandbox.Requests.Count(r => r.Endpoint == "liberacaopromessa"));
    }

    [Fact]
    public void Blank_tenants_and_invalid_options_fail_early_naming_the_section()
    {
        Assert.Throws<ArgumentException>(() => new ServiceCollection().AddSgpClient(" "));
        var services = new ServiceCollection();
        services.AddSgpClient("isp", o => o.BaseAddress = new Uri("https://x.sgp.net.br"));
        using var provider = services.BuildServiceProvider();
        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredKeyedService<ISgpClient>("isp"));
        Assert.Contains("Cobranca:Sgp:isp: Token is required", error.Message, StringComparison.Ordinal);
    }
}
