using System.Collections.Concurrent;
using Cobranca.Connectors.Abstractions;
using Cobranca.Connectors.Testing.WhatsApp;
using Microsoft.Extensions.Time.Testing;

namespace Cobranca.Connectors.WhatsApp.Tests;

/// <summary>A sandbox plus a client on it; the sandbox's webhooks go straight into the client's handler.</summary>
internal sealed class WhatsAppTestHost : IAsyncDisposable
{
    public const string Customer = "5511987654321";

    private WhatsAppTestHost(WhatsAppCloudSandbox sandbox, WhatsAppClient client, FakeTimeProvider time, ConcurrentDictionary<string, InMemoryStateStore> stores)
    {
        Sandbox = sandbox;
        Client = client;
        Time = time;
        Stores = stores;
    }

    public WhatsAppCloudSandbox Sandbox { get; }

    public WhatsAppClient Client { get; }

    public FakeTimeProvider Time { get; }

    public ConcurrentDictionary<string, InMemoryStateStore> Stores { get; }

    public List<WhatsAppWebhookBatch> Batches { get; } = [];

    public static WhatsAppSandboxTemplate[] Catalogue =>
    [
        new() { Name = "fatura_vencimento", BodyParameterCount = 4, QuickReplyButtons = 2 },
        new() { Name = "fatura_documento", HeaderFormat = "DOCUMENT", BodyParameterCount = 1 },
        new() { Name = "fatura_nomeada", BodyParameterCount = 2, BodyParameterNames = ["nome", "valor"] },
        new() { Name = "servico_restabelecido", BodyParameterCount = 1 },
        new() { Name = "pausado", Status = "PAUSED" },
        new() { Name = "desativado", Status = "DISABLED" },
    ];

    public static async Task<WhatsAppTestHost> StartAsync(Action<WhatsAppCloudSandboxOptions>? sandbox = null, Action<WhatsAppClientOptions>? client = null,
        FakeTimeProvider? time = null)
    {
        time ??= new FakeTimeProvider(new DateTimeOffset(2026, 12, 1, 13, 0, 0, TimeSpan.Zero));
        WhatsAppTestHost? host = null;
        var sandboxOptions = new WhatsAppCloudSandboxOptions
        {
            TimeProvider = time,
            WebhookHandler = async (w, ct) => host!.Batches.Add(await host.Client.Webhooks.HandleAsync(w.Body, w.Signature, ct)),
        };
        foreach (var t in Catalogue) sandboxOptions.Templates.Add(t);
        sandbox?.Invoke(sandboxOptions);
        var box = await WhatsAppCloudSandbox.StartAsync(sandboxOptions);
        var options = Options(box);
        client?.Invoke(options);
        var stores = new ConcurrentDictionary<string, InMemoryStateStore>(StringComparer.Ordinal);
        var whatsapp = new WhatsAppClient(options, c => stores.GetOrAdd(c, n => new InMemoryStateStore(n, time)), null, null, time);
        host = new WhatsAppTestHost(box, whatsapp, time, stores);
        return host;
    }

    public static WhatsAppClientOptions Options(WhatsAppCloudSandbox box)
    {
        var options = new WhatsAppClientOptions
        {
            BaseAddress = box.BaseUrl, PhoneNumberId = box.PhoneNumberId, AccessToken = box.AccessToken, AppSecret = box.AppSecret,
            VerifyToken = "verify-me", RateLimitBackoff = TimeSpan.Zero, PairRateLimitBackoff = TimeSpan.Zero,
        };
        options.Resilience.MaxRetryAttempts = 0; // the client's own per-code policy is what these tests observe
        return options;
    }

    /// <summary>The exact bodies of the /messages sends.</summary>
    public IReadOnlyList<string> SendBodies => Sandbox.Requests.Where(r => r.Path.EndsWith("/messages", StringComparison.Ordinal)).Select(r => r.Body).ToList();

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await Sandbox.DisposeAsync();
    }
}
