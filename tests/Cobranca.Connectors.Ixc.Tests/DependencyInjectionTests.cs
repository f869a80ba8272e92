using Cobranca.Connectors.Abstractions;
using Cobranca.Connectors.Ixc;
using Cobranca.Connectors.Testing.Ixc;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using static Cobranca.Connectors.Ixc.Tests.IxcTestHost;

namespace Cobranca.Connectors.Ixc.Tests;

public sealed class DependencyInjectionTests
{
    private static void Tenant(IxcClientOptions o, IxcSandbox sandbox)
    {
        o.BaseAddress = sandbox.BaseUrl;
        o.UserId = sandbox.UserId;
        o.Token = sandbox.Token;
        o.Resilience.RetryBaseDelay = TimeSpan.Zero;
    }

    [Fact]
    public async Task Each_tenant_gets_its_own_keyed_client_http_pipeline_and_credentials()
    {
        var time = new FakeTimeProvider(Noon);
        await using var a = await IxcSandbox.StartAsync(new IxcSandboxOptions { TimeProvider = time, GeneratedCustomers = 0 });
        await using var b = await IxcSandbox.StartAsync(new IxcSandboxOptions { TimeProvider = time, GeneratedCustomers = 0, UserId = "12", Token = "other-token" });
        var services = new ServiceCollection();
        services.AddSingleton<TimeProvider>(time);
        var builderA = services.AddIxcClient("isp-a", o => Tenant(o, a));
        services.AddIxcClient("isp-b", o => { Tenant(o, b); o.ListingVerb = IxcListingVerb.GetWithBody; });
        await using var provider = services.BuildServiceProvider();

        var billingA = provider.GetRequiredKeyedService<IBillingSystem>("isp-a");
        var billingB = provider.GetRequiredKeyedService<IBillingSystem>("isp-b");
        var debtA = await billingA.GetDebtStatusAsync(IxcSandboxData.MariaCustomerId);
        await billingB.FindCustomersAsync(CustomerLookup.ById(IxcSandboxData.MariaCustomerId));

        Assert.Equal("isp-a", builderA.Name);
        Assert.Equal(Today, debtA.AsOf); // the DI TimeProvider decides "today"
        Assert.All(a.Requests, r => Assert.Equal("POST", r.Method));
        Assert.Equal("GET", Assert.Single(b.Requests).Method);
        Assert.Equal("Basic " + Convert.ToBase64String("12:other-token"u8.ToArray()), b.Requests[0].Header("Authorization"));
        Assert.Same(provider.GetRequiredKeyedService<IxcClient>("isp-a"), provider.GetRequiredKeyedService<IxcClient>("isp-a"));
        Assert.Equal("ixc", provider.GetRequiredKeyedService<IAccessController>("isp-b").Info.Name);
    }

    [Fact]
    public async Task The_di_pipeline_retries_reads_but_not_get_pix()
    {
        await using var sandbox = await IxcSandbox.StartAsync(new IxcSandboxOptions { GeneratedCustomers = 0 });
        var services = new ServiceCollection();
        services.AddIxcClient("isp", o => Tenant(o, sandbox));
        await using var provider = services.BuildServiceProvider();
        var client = provider.GetRequiredKeyedService<IxcClient>("isp");
        sandbox.InjectFault(IxcSandboxFault.HttpStatus(504), "cliente");
        sandbox.InjectFault(IxcSandboxFault.HttpStatus(504), "get_pix");

        Assert.NotNull(await client.GetCustomerAsync(IxcSandboxData.MariaCustomerId));
        await Assert.ThrowsAsync<ConnectorApiException>(() => client.GetPixAsync(IxcSandboxData.MariaUpcomingInvoiceId));

        Assert.Equal(2, sandbox.Requests.Count(r => r.Resource == "cliente"));
        Assert.Equal(1, sandbox.Requests.Count(r => r.Resource == "get_pix"));
    }

    [Fact]
    public async Task Invalid_options_fail_on_start_naming_the_configuration_section()
    {
        var services = new ServiceCollection();
        services.AddIxcClient("broken", o => o.BaseAddress = new Uri("ixc.example.com.br", UriKind.RelativeOrAbsolute));
        await using var provider = services.BuildServiceProvider();

        var onStart = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IStartupValidator>().Validate());
        Assert.Contains("Cobranca:Ixc:broken: BaseAddress", onStart.Message, StringComparison.Ordinal);
        Assert.Contains("Cobranca:Ixc:broken: Token is required", onStart.Message, StringComparison.Ordinal);
        Assert.Throws<OptionsValidationException>(() => provider.GetRequiredKeyedService<IxcClient>("broken"));
    }

    [Fact]
    public async Task Options_bind_from_configuration()
    {
        var pin = new string('A', 64);
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Cobranca:Ixc:cfg:BaseAddress"] = "https://ixc.example.com.br",
            ["Cobranca:Ixc:cfg:UserId"] = "102",
            ["Cobranca:Ixc:cfg:Token"] = "c46hash",
            ["Cobranca:Ixc:cfg:ListingVerb"] = "GetWithBody",
            ["Cobranca:Ixc:cfg:PinnedCertificateThumbprints:0"] = pin,
            ["Cobranca:Ixc:cfg:Resilience:MaxConcurrentRequests"] = "2",
        }).Build();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddIxcClient("cfg");
        await using var provider = services.BuildServiceProvider();

        var options = provider.GetRequiredService<IOptionsMonitor<IxcClientOptions>>().Get("cfg");

        Assert.Equal("102", options.UserId);
        Assert.Equal(IxcListingVerb.GetWithBody, options.ListingVerb);
        Assert.Equal([pin], options.PinnedCertificateThumbprints);
        Assert.Equal(2, options.Resilience.MaxConcurrentRequests);
        provider.GetRequiredService<IStartupValidator>().Validate();
    }
}
