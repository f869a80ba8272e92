using System.Net;
using Cobranca.Connectors.Abstractions;
using Cobranca.Connectors.Ixc;
using Cobranca.Connectors.MikroTik;
using Cobranca.Connectors.Pix;
using Cobranca.Connectors.Storage.Sqlite;
using Cobranca.Connectors.Testing.Ixc;
using Cobranca.Connectors.Testing.Pix;
using Cobranca.Connectors.Testing.RouterOs;
using Cobranca.Connectors.Testing.WhatsApp;
using Cobranca.Connectors.WhatsApp;
using Cobranca.Connectors.Workflows;
using CollectionsBot.Bot;

namespace CollectionsBot;

/// <summary>
/// The whole bot on the simulators: IXC sandbox (ERP), Pix PSP sandbox, RouterOS emulator, WhatsApp Cloud sandbox,
/// and the bot's ASP.NET app on 127.0.0.1 receiving both webhooks. State in a SQLite file (or in memory).
/// </summary>
public sealed class BotWorld : IAsyncDisposable
{
    public const string Tenant = "isp-a";
    public const string AnaWaId = "557981112233";   // Ana's WhatsApp account kept the 8-digit form; the ERP has (79) 98111-2233
    public const string MariaWaId = "5579998765432"; // Maria's mobile, which João's company also lists
    public const string RouterPassword = "router-secret";
    private const string VerifyToken = "sample-verify-token";

    private readonly List<IAsyncDisposable> _owned = [];
    private WebApplication? _app;

    private BotWorld() { }

    public IxcSandbox Ixc { get; private set; } = null!;
    public PixPspSandbox Psp { get; private set; } = null!;
    public RouterOsEmulator Router { get; private set; } = null!;
    public WhatsAppCloudSandbox WhatsApp { get; private set; } = null!;
    public ILedgerStore Store { get; private set; } = null!;
    public IBillingSystem Billing { get; private set; } = null!;
    public IAccessController[] Controllers { get; private set; } = [];
    public ConversationEngine Engine { get; private set; } = null!;
    public PaymentNotifier Notifier { get; private set; } = null!;
    public NoticeFallbacks Notices { get; private set; } = null!;
    public BotOptions Options { get; } = new() { CompanyName = "NetExemplo" };
    public BotStores Stores { get; private set; } = null!;
    public Uri AppUrl { get; private set; } = null!;

    /// <summary>
    /// Starts everything. <paramref name="databasePath"/>: a SQLite file, or null for the in-memory store.
    /// <paramref name="whatsAppClock"/>: the clock of the WhatsApp sandbox and client (the 24-hour window); system time
    /// when null (tests pass a fake one to close the window).
    /// </summary>
    public static async Task<BotWorld> StartAsync(string? databasePath, LogLevel logLevel = LogLevel.Warning, TimeProvider? whatsAppClock = null)
    {
        var w = new BotWorld();
        try
        {
            await w.StartCoreAsync(databasePath, logLevel, whatsAppClock ?? TimeProvider.System);
            return w;
        }
        catch
        {
            await w.DisposeAsync();
            throw;
        }
    }

    private async Task StartCoreAsync(string? databasePath, LogLevel logLevel, TimeProvider whatsAppClock)
    {
        // ---- The outside world, simulated.
        Ixc = Own(await IxcSandbox.StartAsync());
        Psp = Own(await PixPspSandbox.StartAsync());
        Router = Own(await RouterOsEmulator.StartAsync(new RouterOsEmulatorOptions { Password = RouterPassword }));
        Router.PppSecrets.Add(new Dictionary<string, string> { ["name"] = "ana.ribeiro", ["service"] = "pppoe", ["profile"] = "default" });
        Router.PppActive.Add(new Dictionary<string, string> { ["name"] = "ana.ribeiro", ["service"] = "pppoe", ["address"] = "100.64.12.36" });

        // ---- Durable state: conversations, Pix charges, WhatsApp windows and dedupe, the payment and unblock ledgers.
        if (databasePath is null)
        {
            Store = new InMemoryLedgerStore();
        }
        else
        {
            var sqlite = new SqliteLedgerStore(new SqliteLedgerStoreOptions { Path = databasePath });
            await sqlite.MigrateAsync();
            Store = sqlite;
        }
        Stores = BotStores.From(Store, Tenant);

        // ---- The bot's web app first (its URL is where the WhatsApp sandbox and the PSP deliver webhooks).
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
        builder.Logging.SetMinimumLevel(logLevel);
        _app = builder.Build();
        var handlers = new BotWebhooks();
        handlers.Map(_app);
        await _app.StartAsync();
        AppUrl = new Uri(_app.Urls.First() + "/");

        var waOptions = new WhatsAppCloudSandboxOptions { WebhookUrl = new Uri(AppUrl, "webhooks/whatsapp"), QueueStatuses = false, TimeProvider = whatsAppClock };
        waOptions.EightDigitAccounts.Add(AnaWaId);
        // The WABA's approved templates the bot uses (docs/whatsapp.md, "Templates to submit"): the payment notice when
        // the 24-hour window is closed. Body: amount paid (currency), payment date (date_time), invoice number.
        waOptions.Templates.Add(new WhatsAppSandboxTemplate { Name = Options.ServiceRestoredTemplate, Language = Options.TemplateLanguage, BodyParameterCount = 3 });
        waOptions.Templates.Add(new WhatsAppSandboxTemplate { Name = Options.PaymentConfirmedTemplate, Language = Options.TemplateLanguage, BodyParameterCount = 3 });
        WhatsApp = Own(await WhatsAppCloudSandbox.StartAsync(waOptions));

        // ---- The connectors.
        var ixc = new IxcClient(new IxcClientOptions { BaseAddress = Ixc.BaseUrl, UserId = Ixc.UserId, Token = Ixc.Token });
        _owned.Add(new DisposableAdapter(ixc));
        var mikrotik = Own(new MikroTikAccessController(new MikroTikAccessControllerOptions
        {
            Host = Router.Host, Port = Router.Port, User = "admin", Password = RouterPassword, Strategy = MikroTikAccessStrategy.PppSecretDisable,
        }));
        var pix = new PixClient(new PixClientOptions { BaseAddress = Psp.BaseUrl, TokenUrl = Psp.TokenUrl, ClientId = Psp.ClientId, ClientSecret = Psp.ClientSecret });
        _owned.Add(new DisposableAdapter(pix));
        var whatsApp = new WhatsAppClient(new WhatsAppClientOptions
        {
            BaseAddress = WhatsApp.BaseUrl, AccessToken = WhatsApp.AccessToken, PhoneNumberId = WhatsApp.PhoneNumberId,
            AppSecret = WhatsApp.AppSecret, VerifyToken = VerifyToken,
        }, collection => Store.GetStateStore(Tenant, collection), timeProvider: whatsAppClock);
        _owned.Add(new DisposableAdapter(whatsApp));
        Billing = ixc.AsBillingSystem();
        Controllers = [ixc.AsAccessController(), mikrotik]; // the ERP first, then the router "kick"
        Options.PixKey = Psp.Key;

        // ---- The bot, and the payment path: PSP webhook → re-query + dedupe → ERP "baixa" → PaymentToUnblock → message.
        Notices = new NoticeFallbacks(Stores, whatsApp, _app.Services.GetRequiredService<ILoggerFactory>().CreateLogger<NoticeFallbacks>());
        var channel = new WhatsAppBotChannel(whatsApp, Notices);
        Engine = new ConversationEngine(Billing, new SecondCopyService(Billing, pix, Stores, Options), Stores, channel, Options);
        var unblock = new PaymentToUnblock(Billing, Controllers, new PaymentToUnblockOptions
        {
            Ledger = Store.GetUnblockLedger(Tenant),
            TargetResolver = new BotChargeResolver(Stores),
        });
        Notifier = new PaymentNotifier(unblock, Stores, channel, Options);
        var paymentOptions = new PixPaymentOptions { TxidPrefix = Options.TxidPrefix, Source = "pix" };
        paymentOptions.AllowedKeys.Add(Psp.Key);
        var pixWebhook = new PixWebhookHandler(pix, async (payment, ct) =>
        {
            // IXC registers the "baixa" itself for charges of its own Pix gateway; here the sandbox stands in for it.
            if (payment.Reference is { } txid && await Stores.GetChargeAsync(txid, ct) is { } charge) Ixc.PayInvoice(charge.InvoiceId);
            await Notifier.HandleAsync(payment, ct);
        }, paymentOptions, Store.GetProcessedPaymentLedger(Tenant));
        handlers.Attach(whatsApp, Engine, pixWebhook, Notices);
        await pix.ConfigureWebhookAsync(Psp.Key, new Uri(AppUrl, "webhooks/pix"));

        // ---- Ana is overdue and blocked in the ERP and on the router.
        var ana = (await Billing.FindCustomersAsync(CustomerLookup.ByDocument(IxcSandboxData.AnaCpf))).Single();
        var subscriber = (await Billing.GetDebtStatusAsync(ana.Id)).Contracts.Single().ToSubscriber();
        foreach (var controller in Controllers) await controller.BlockAsync(subscriber, BlockRequest.Overdue);
    }

    /// <summary>Ana's contract as a subscriber (for the end-state checks).</summary>
    public async Task<Subscriber> AnaSubscriberAsync()
    {
        var debt = await Billing.GetDebtStatusAsync(IxcSandboxData.AnaCustomerId);
        return debt.Contracts.Single().ToSubscriber();
    }

    private T Own<T>(T item) where T : IAsyncDisposable
    {
        _owned.Add(item);
        return item;
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null) await _app.DisposeAsync();
        for (var i = _owned.Count - 1; i >= 0; i--) await _owned[i].DisposeAsync();
        if (Store is IAsyncDisposable d) await d.DisposeAsync();
        else if (Store is IDisposable s) s.Dispose();
    }

    private sealed class DisposableAdapter(IDisposable inner) : IAsyncDisposable
    {
        public ValueTask DisposeAsync()
        {
            inner.Dispose();
            return ValueTask.CompletedTask;
        }
    }
}
