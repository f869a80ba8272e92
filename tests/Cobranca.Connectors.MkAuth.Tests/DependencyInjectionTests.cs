using Cobranca.Connectors.Abstractions;
using Cobranca.Connectors.Testing.MkAuth;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Cobranca.Connectors.MkAuth.Tests;

public sealed class DependencyInjectionTests
{
    [Fact]
    public void Blank_tenant_is_refused()
    {
        var services = new ServiceCollection();
        Assert.Throws<ArgumentException>(() => services.AddMkAuthClient(" "));
    }

    [Fact]
    public async Task Tenant_bound_from_configuration_resolves_keyed_services_that_work()
    {
        await using var box = await MkAuthSandbox.StartAsync(new MkAuthSandboxOptions { GeneratedCustomers = 0 });
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Cobranca:MkAuth:provedor1:BaseAddress"] = box.BaseAddress.ToString(),
            ["Cobranca:MkAuth:provedor1:ClientId"] = box.ClientId,
            ["Cobranca:MkAuth:provedor1:ClientSecret"] = box.ClientSecret,
            ["Cobranca:MkAuth:provedor1:PinnedCertificateThumbprints:0"] = box.CertificateSha256,
            ["Cobranca:MkAuth:provedor1:Resilience:MaxConcurrentRequests"] = "2",
        }).Build();
        var services = new ServiceCollection().AddSingleton<IConfiguration>(configuration).AddLogging();
        var builder = services.AddMkAuthClient("provedor1");
        Assert.Equal("provedor1", builder.Name);
        await using var provider = services.BuildServiceProvider();

        var billing = provider.GetRequiredKeyedService<IBillingSystem>("provedor1");
        Assert.Single(await billing.FindCustomersAsync(CustomerLookup.ByLogin(MkAuthSandboxData.MariaLogin)));
        Assert.Same(provider.GetRequiredKeyedService<MkAuthClient>("provedor1"), provider.GetRequiredKeyedService<IMkAuthClient>("provedor1"));
        Assert.NotNull(provider.GetRequiredKeyedService<IAccessController>("provedor1"));
        Assert.Null(provider.GetService<IBillingSystem>()); // no unkeyed default
        Assert.Equal(2, provider.GetRequiredService<IOptionsMonitor<MkAuthClientOptions>>().Get("provedor1").Resilience.MaxConcurrentRequests);
    }

    [Fact]
    public async Task Invalid_options_fail_validation_naming_the_section()
    {
        var services = new ServiceCollection();
        services.AddMkAuthClient("x", o => o.BaseAddress = new Uri("http://10.0.0.1"));
        await using var provider = services.BuildServiceProvider();
        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptionsMonitor<MkAuthClientOptions>>().Get("x"));
        Assert.Contains("Cobranca:MkAuth:x: BaseAddress", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Logs_never_carry_the_secret_the_token_the_cpf_or_the_password()
    {
        var sink = new ListLoggerProvider();
        using var factory = LoggerFactory.Create(b => b.AddProvider(sink).SetMinimumLevel(LogLevel.Trace));
        await using var box = await MkAuthSandbox.StartAsync(new MkAuthSandboxOptions { GeneratedCustomers = 0 });
        using var client = new MkAuthClient(MkAuthTestHost.Connect(box), factory);
        var billing = client.AsBillingSystem();
        var maria = (await billing.FindCustomersAsync(CustomerLookup.ByDocument(MkAuthSandboxData.MariaCpf)))[0];
        await billing.GetDebtStatusAsync(maria.Id);
        box.InjectFault(MkAuthSandboxFault.HtmlError(), "titulo/titulos");
        await Assert.ThrowsAsync<ConnectorApiException>(() => client.GetTitlesAsync(MkAuthSandboxData.MariaCpf));

        var text = string.Join("\n", sink.Messages);
        Assert.NotEmpty(sink.Messages);
        Assert.DoesNotContain(box.ClientSecret, text, StringComparison.Ordinal);
        Assert.DoesNotContain("eyJ", text, StringComparison.Ordinal);
        Assert.DoesNotContain(MkAuthSandboxData.MariaCpfDigits, text, StringComparison.Ordinal);
        Assert.DoesNotContain(MkAuthSandboxData.MariaCpf, text, StringComparison.Ordinal);
        Assert.DoesNotContain(MkAuthSandboxData.MariaPassword, text, StringComparison.Ordinal);
    }

    private sealed class ListLoggerProvider : ILoggerProvider
    {
        public List<string> Messages { get; } = [];

        public ILogger CreateLogger(string categoryName) => new ListLogger(this);

        public void Dispose()
        {
        }

        private sealed class ListLogger(ListLoggerProvider owner) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            {
                lock (owner.Messages) owner.Messages.Add(formatter(state, exception) + exception);
            }
        }
    }
}
