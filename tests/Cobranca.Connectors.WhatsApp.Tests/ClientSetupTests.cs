using System.Diagnostics;
using Cobranca.Connectors.Abstractions;
using Cobranca.Connectors.Workflows;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Cobranca.Connectors.WhatsApp.Tests;

public sealed class ClientSetupTests
{
    [Fact]
    public void Invalid_options_list_every_problem_without_secrets()
    {
        var error = Assert.Throws<ArgumentException>(() => new WhatsAppClient(new WhatsAppClientOptions
        {
            BaseAddress = null, ApiVersion = "25", PhoneNumberId = "+55 11 4002-8922", AppSecret = "s3cr3t-app", MaxSendAttempts = 0,
        }));

        foreach (var word in new[] { "BaseAddress", "ApiVersion", "PhoneNumberId", "AccessToken", "MaxSendAttempts" })
            Assert.Contains(word, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("s3cr3t", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("s3cr3t", new WhatsAppClientOptions { AccessToken = "s3cr3t", AppSecret = "s3cr3t" }.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void The_base_address_loses_a_pasted_version()
    {
        Assert.Equal("https://graph.facebook.com/", WhatsAppClient.NormalizeBaseAddress(new Uri("https://graph.facebook.com/v25.0/")).AbsoluteUri);
        Assert.Equal("http://127.0.0.1:5000/graph/", WhatsAppClient.NormalizeBaseAddress(new Uri("http://127.0.0.1:5000/graph")).AbsoluteUri);
    }

    [Fact]
    public async Task The_api_version_is_configuration()
    {
        await using var host = await WhatsAppTestHost.StartAsync(client: o => o.ApiVersion = "v23.0");
        await host.Client.SendAsync(new WhatsAppTemplateMessage { To = WhatsAppUser.FromPhone(WhatsAppTestHost.Customer), Name = "servico_restabelecido", BodyParameters = [WhatsAppTemplateParameter.Text("M")] });
        Assert.StartsWith("/v23.0/", host.Sandbox.Requests[^1].Path, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_rotated_token_is_used_on_the_next_request()
    {
        await using var host = await WhatsAppTestHost.StartAsync(client: o => { o.AccessToken = null; o.Credential = new ConnectorSecret("old"); });
        var send = () => host.Client.SendAsync(new WhatsAppTemplateMessage { To = WhatsAppUser.FromPhone(WhatsAppTestHost.Customer), Name = "servico_restabelecido", BodyParameters = [WhatsAppTemplateParameter.Text("M")] });

        await Assert.ThrowsAsync<ConnectorAuthenticationException>(send);
        host.Client.Credential.Update(host.Sandbox.AccessToken);
        await send();

        Assert.Single(host.Sandbox.Messages);
    }

    [Fact]
    public void Registration_follows_the_idiom()
    {
        var services = new ServiceCollection();
        Assert.Throws<ArgumentException>(() => services.AddWhatsAppClient(" "));

        var config = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Cobranca:WhatsApp:isp-a:PhoneNumberId"] = "106540352242922",
            ["Cobranca:WhatsApp:isp-a:AccessToken"] = "token",
            ["Cobranca:WhatsApp:isp-a:ApiVersion"] = "v24.0",
            ["Cobranca:WhatsApp:isp-a:Notifications:Templates:invoice-overdue:Name"] = "fatura_atraso",
            ["Cobranca:WhatsApp:isp-a:Notifications:Templates:invoice-overdue:BodyParameters:0"] = "customer.first_name",
        }).Build();
        services.AddSingleton<IConfiguration>(config);
        services.AddSingleton<ILedgerStore>(new InMemoryLedgerStore());
        services.AddKeyedSingleton<IBillingSystem>("isp-a", new Testing.FakeBillingSystem());
        var builder = services.AddWhatsAppClient("isp-a").AddNotificationSender();
        using var sp = services.BuildServiceProvider();

        Assert.Equal("isp-a", builder.Name);
        var client = sp.GetRequiredKeyedService<IWhatsAppClient>("isp-a");
        Assert.Same(client, sp.GetRequiredKeyedService<WhatsAppClient>("isp-a"));
        Assert.Same(client.Webhooks, sp.GetRequiredKeyedService<WhatsAppWebhookHandler>("isp-a"));
        Assert.Equal("106540352242922", client.PhoneNumberId);
        Assert.IsType<WhatsAppNotificationSender>(sp.GetRequiredKeyedService<INotificationSender>("isp-a"));
        Assert.Null(sp.GetService<IWhatsAppClient>()); // keyed only
    }

    [Fact]
    public async Task The_window_goes_to_the_registered_ledger_store()
    {
        var ledger = new InMemoryLedgerStore();
        var services = new ServiceCollection();
        services.AddSingleton<ILedgerStore>(ledger);
        services.AddWhatsAppClient("isp-a", o => { o.PhoneNumberId = "1"; o.AccessToken = "t"; });
        using var sp = services.BuildServiceProvider();

        await sp.GetRequiredKeyedService<IWhatsAppClient>("isp-a").RecordInboundAsync(WhatsAppUser.FromPhone("(11) 98765-4321"), DateTimeOffset.UtcNow);

        Assert.NotNull(await ledger.GetStateStore("isp-a", "whatsapp.window").GetAsync("5511987654321"));
    }

    [Fact]
    public void Invalid_configuration_fails_at_start()
    {
        var services = new ServiceCollection();
        services.AddWhatsAppClient("isp-a", o => o.PhoneNumberId = "abc");
        using var sp = services.BuildServiceProvider();
        var error = Assert.Throws<OptionsValidationException>(() => sp.GetRequiredService<IOptionsMonitor<WhatsAppClientOptions>>().Get("isp-a"));
        Assert.Contains("Cobranca:WhatsApp:isp-a", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Telemetry_has_one_span_per_send_and_no_phone_in_its_tags()
    {
        await using var host = await WhatsAppTestHost.StartAsync();
        var spans = new List<Activity>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = s => s.Name == WhatsAppTelemetry.ActivitySourceName,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = a => { lock (spans) spans.Add(a); },
        };
        ActivitySource.AddActivityListener(listener);

        await Assert.ThrowsAsync<WhatsAppServiceWindowClosedException>(() => host.Client.SendTextAsync(WhatsAppUser.FromPhone(WhatsAppTestHost.Customer), "oi"));

        // Other tests run in parallel and may add spans: look for ours, and check that no span carries a phone.
        lock (spans)
        {
            Assert.Contains(spans, s => s.OperationName == "whatsapp.messages.send"
                && (string?)s.GetTagItem("error.type") == typeof(WhatsAppServiceWindowClosedException).FullName);
            Assert.DoesNotContain(spans.SelectMany(s => s.TagObjects), t => t.Value?.ToString()?.Contains("987654321", StringComparison.Ordinal) == true);
        }
    }

    [Fact]
    public async Task A_custom_transport_gets_validated_messages_and_the_window_rule()
    {
        var transport = new RecordingTransport();
        var options = new WhatsAppClientOptions { PhoneNumberId = "1", AccessToken = "unused" };
        var stores = new Dictionary<string, IStateStore>();
        using var client = new WhatsAppClient(options, c => stores.TryGetValue(c, out var s) ? s : stores[c] = new InMemoryStateStore(c), transport);
        var user = WhatsAppUser.FromPhone("(11) 98765-4321");

        await Assert.ThrowsAsync<WhatsAppServiceWindowClosedException>(() => client.SendTextAsync(user, "oi"));
        await client.RecordInboundAsync(user, DateTimeOffset.UtcNow);
        var result = await client.SendTextAsync(user, "oi");
        await Assert.ThrowsAsync<NotSupportedException>(() => client.SendAsync(new WhatsAppTemplateMessage { To = user, Name = "x" }));

        Assert.Equal("gw-1", result.MessageId);
        Assert.NotNull(Assert.Single(transport.Sent).ClientReference);
    }

    private sealed class RecordingTransport : IWhatsAppTransport
    {
        public List<WhatsAppMessage> Sent { get; } = [];
        public string Name => "test-gateway";
        public WhatsAppTransportCapabilities Capabilities => WhatsAppTransportCapabilities.None;

        public Task<WhatsAppSendResult> SendAsync(WhatsAppMessage message, CancellationToken cancellationToken = default)
        {
            Sent.Add(message);
            return Task.FromResult(new WhatsAppSendResult { MessageId = "gw-" + Sent.Count, Recipient = message.To, ClientReference = message.ClientReference! });
        }

        public Task<string> UploadMediaAsync(Stream content, string mimeType, string fileName, CancellationToken cancellationToken = default) => throw new NotSupportedException();
        public Task MarkAsReadAsync(string messageId, CancellationToken cancellationToken = default) => Task.CompletedTask;
    }
}
