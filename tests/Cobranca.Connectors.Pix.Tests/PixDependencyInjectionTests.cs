using Cobranca.Connectors.Abstractions;
using Cobranca.Connectors.Testing.Pix;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Cobranca.Connectors.Pix.Tests;

public sealed class PixDependencyInjectionTests
{
    [Fact]
    public async Task Named_registrations_give_one_client_per_tenant()
    {
        await using var a = await PixPspSandbox.StartAsync();
        await using var b = await PixPspSandbox.StartAsync(new PixPspSandboxOptions { ClientId = "b", ClientSecret = "b-secret" });
        var services = new ServiceCollection();
        services.AddPixClient("tenant-a", o => Configure(o, a));
        services.AddPixClient("tenant-b", o => Configure(o, b));
        await using var sp = services.BuildServiceProvider();

        var clientA = sp.GetRequiredKeyedService<IPixClient>("tenant-a");
        var clientB = sp.GetRequiredKeyedService<IPixClient>("tenant-b");
        await clientA.CreateChargeAsync(PixTxid.ForInvoice("A", "1"), TestKit.Cob(a));
        await clientB.CreateChargeAsync(PixTxid.ForInvoice("B", "1"), TestKit.Cob(b));

        Assert.NotSame(clientA, clientB);
        Assert.Null(sp.GetService<IPixClient>()); // no unkeyed default: a second tenant never silently becomes "the" client
        Assert.Same(clientA, sp.GetRequiredKeyedService<PixClient>("tenant-a"));
        Assert.Equal(1, a.TokensIssued);
        Assert.Equal(1, b.TokensIssued);
        Assert.Single(a.Requests, r => r.Method == "PUT");
        Assert.Single(b.Requests, r => r.Method == "PUT");
    }

    [Fact]
    public async Task Di_client_uses_the_shared_resilience_pipeline()
    {
        await using var sandbox = await PixPspSandbox.StartAsync();
        var services = new ServiceCollection();
        services.AddPixClient("t", o => Configure(o, sandbox));
        await using var sp = services.BuildServiceProvider();
        var client = sp.GetRequiredKeyedService<IPixClient>("t");
        var txid = PixTxid.ForInvoice("D", "1");
        sandbox.InjectFault(PixSandboxFault.ServerError(503, "PUT", "/cob/"));
        sandbox.InjectFault(PixSandboxFault.ServerError(503, "POST", "/cob"));

        await client.CreateChargeAsync(txid, TestKit.Cob(sandbox));
        await Assert.ThrowsAsync<ConnectorApiException>(() => client.CreateChargeAsync(TestKit.Cob(sandbox)));

        Assert.Equal([503, 201], sandbox.Requests.Where(r => r.Method == "PUT").Select(r => r.StatusCode));
        Assert.Single(sandbox.Requests, r => r.Method == "POST" && r.Path == "/v2/cob");
    }

    [Fact]
    public void Invalid_options_fail_at_startup_validation()
    {
        var services = new ServiceCollection();
        services.AddPixClient("broken", o => o.ClientId = "x");
        using var sp = services.BuildServiceProvider();

        var ex = Assert.Throws<OptionsValidationException>(() => sp.GetRequiredService<IStartupValidator>().Validate());

        Assert.Contains("Cobranca:Pix:broken: ", ex.Message);
        Assert.Contains("BaseAddress", ex.Message);
    }

    [Fact]
    public void A_blank_tenant_is_refused() =>
        Assert.Throws<ArgumentException>(() => new ServiceCollection().AddPixClient(" "));

    [Fact]
    public async Task Options_are_bound_from_the_tenant_section_then_configured()
    {
        await using var sandbox = await PixPspSandbox.StartAsync();
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Cobranca:Pix:isp-a:BaseAddress"] = sandbox.BaseUrl.ToString(),
            ["Cobranca:Pix:isp-a:TokenUrl"] = sandbox.TokenUrl.ToString(),
            ["Cobranca:Pix:isp-a:ClientId"] = sandbox.ClientId,
            ["Cobranca:Pix:isp-a:ClientSecret"] = "wrong-secret",
            ["Cobranca:Pix:isp-a:Resilience:MaxRetryAttempts"] = "1",
            ["Cobranca:Pix:isp-a:PinnedCertificateThumbprints:0"] = new string('A', 64),
        }).Build();
        var services = new ServiceCollection().AddSingleton<IConfiguration>(configuration);
        services.AddPixClient("isp-a", o => o.ClientSecret = sandbox.ClientSecret); // the delegate runs after binding
        await using var sp = services.BuildServiceProvider();

        var options = sp.GetRequiredService<IOptionsMonitor<PixClientOptions>>().Get("isp-a");
        Assert.Equal(sandbox.BaseUrl, options.BaseAddress);
        Assert.Equal(1, options.Resilience.MaxRetryAttempts);
        Assert.Equal(sandbox.ClientSecret, options.ClientSecret);
        Assert.Equal(new string('A', 64), Assert.Single(options.PinnedCertificateThumbprints));
    }

    [Fact]
    public async Task A_rotated_secret_is_used_on_the_next_token_request_without_a_new_client()
    {
        await using var sandbox = await PixPspSandbox.StartAsync();
        var credential = new ConnectorCredential(sandbox.ClientId, "old-secret");
        var options = TestKit.Options(sandbox);
        options.Credential = credential;
        using var client = new PixClient(options);

        await Assert.ThrowsAsync<ConnectorAuthenticationException>(() => client.CreateChargeAsync(TestKit.Cob(sandbox)));
        credential.Update(sandbox.ClientId, sandbox.ClientSecret);
        var charge = await client.CreateChargeAsync(TestKit.Cob(sandbox));

        Assert.Equal(PixChargeStatus.Active, charge.Status);
        Assert.Equal(1, sandbox.TokensIssued);
    }

    [Fact]
    public async Task A_configuration_reload_rotates_the_running_clients_secret()
    {
        await using var sandbox = await PixPspSandbox.StartAsync();
        var source = new Dictionary<string, string?> { ["Cobranca:Pix:t:ClientSecret"] = "old-secret" };
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(source).Build();
        var services = new ServiceCollection().AddSingleton<IConfiguration>(configuration);
        services.AddPixClient("t", o =>
        {
            o.BaseAddress = sandbox.BaseUrl;
            o.TokenUrl = sandbox.TokenUrl;
            o.ClientId = sandbox.ClientId;
        });
        await using var sp = services.BuildServiceProvider();
        var client = sp.GetRequiredKeyedService<IPixClient>("t");
        await Assert.ThrowsAsync<ConnectorAuthenticationException>(() => client.CreateChargeAsync(TestKit.Cob(sandbox)));

        configuration["Cobranca:Pix:t:ClientSecret"] = sandbox.ClientSecret;
        configuration.Reload();

        Assert.Same(client, sp.GetRequiredKeyedService<IPixClient>("t"));
        Assert.Equal(PixChargeStatus.Active, (await client.CreateChargeAsync(TestKit.Cob(sandbox))).Status);
    }

    [Fact]
    public async Task Payment_handling_registers_handler_and_poller_sharing_one_store()
    {
        await using var sandbox = await PixPspSandbox.StartAsync();
        var events = new List<PaymentReceived>();
        var services = new ServiceCollection();
        services.AddPixClient("t", o => Configure(o, sandbox))
            .AddPaymentHandling((_, e, _) => { lock (events) events.Add(e); return Task.CompletedTask; }, p => p.TxidPrefix = "ISP");
        await using var sp = services.BuildServiceProvider();
        var client = sp.GetRequiredKeyedService<IPixClient>("t");
        var txid = PixTxid.ForInvoice("ISP", "77");
        await client.CreateChargeAsync(txid, TestKit.Cob(sandbox));
        var paid = await sandbox.PayAsync(txid);

        var viaPoll = await sp.GetRequiredKeyedService<PixReconciliationPoller>("t")
            .ReconcileAsync(DateTimeOffset.UtcNow.AddHours(-1), DateTimeOffset.UtcNow.AddMinutes(1));
        var viaHook = await sp.GetRequiredKeyedService<PixWebhookHandler>("t")
            .HandleCallbackAsync($$"""{"pix":[{"endToEndId":"{{paid.EndToEndId}}"}]}""");

        Assert.Single(viaPoll.Payments);
        Assert.Equal(1, viaHook.Duplicates);
        Assert.Equal("77", Assert.Single(events).InvoiceId);
        Assert.Equal("pix", events[0].Source);
    }

    private static void Configure(PixClientOptions o, PixPspSandbox sandbox)
    {
        o.BaseAddress = sandbox.BaseUrl;
        o.TokenUrl = sandbox.TokenUrl;
        o.ClientId = sandbox.ClientId;
        o.ClientSecret = sandbox.ClientSecret;
        o.Resilience.RetryBaseDelay = TimeSpan.FromMilliseconds(5);
    }
}
