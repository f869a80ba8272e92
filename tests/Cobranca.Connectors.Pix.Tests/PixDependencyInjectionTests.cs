using Cobranca.Connectors.Abstractions;
using Cobranca.Connectors.Testing.Pix;
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
        Assert.Same(clientA, sp.GetRequiredService<IPixClient>()); // the first one is the default
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

        Assert.Contains("Pix client 'broken'", ex.Message);
        Assert.Contains("BaseUrl", ex.Message);
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
        o.BaseUrl = sandbox.BaseUrl;
        o.TokenUrl = sandbox.TokenUrl;
        o.ClientId = sandbox.ClientId;
        o.ClientSecret = sandbox.ClientSecret;
        o.Resilience.RetryBaseDelay = TimeSpan.FromMilliseconds(5);
    }
}
