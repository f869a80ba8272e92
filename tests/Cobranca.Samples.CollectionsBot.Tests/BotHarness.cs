using Cobranca.Connectors.Abstractions;
using Cobranca.Connectors.Pix;
using Cobranca.Connectors.Testing;
using Cobranca.Connectors.Testing.Pix;
using Cobranca.Connectors.Workflows;
using CollectionsBot.Bot;
using Microsoft.Extensions.Time.Testing;

namespace Cobranca.Samples.CollectionsBot.Tests;

/// <summary>Records what the bot sends, per recipient.</summary>
public sealed class RecordingChannel : IBotChannel
{
    private readonly List<(string To, BotMessage Message)> _sent = [];

    public IReadOnlyList<(string To, BotMessage Message)> Sent { get { lock (_sent) return [.. _sent]; } }

    public IReadOnlyList<BotMessage> To(string waId) => [.. Sent.Where(s => s.To == waId).Select(s => s.Message)];

    public Task<string?> SendAsync(string to, BotMessage message, CancellationToken cancellationToken = default)
    {
        lock (_sent) _sent.Add((to, message));
        return Task.FromResult<string?>("wamid." + Guid.NewGuid().ToString("N"));
    }

    /// <summary>Every text the customer could read: bodies, captions, button and row titles.</summary>
    public static string Visible(BotMessage m) => m switch
    {
        BotText t => t.Body,
        BotButtons b => b.Body + " " + string.Join(" ", b.Buttons.Select(x => x.Title + " " + x.Description)),
        BotList l => l.Body + " " + string.Join(" ", l.Rows.Select(x => x.Title + " " + x.Description)),
        BotImage i => i.Caption + " [image]",
        BotDocument d => d.Caption + " " + d.FileName + " " + d.Link,
        BotNotice n => n.Body,
        _ => m.ToString() ?? "",
    };
}

/// <summary>The bot over the fake ERP (with its access controller), the Pix PSP sandbox and a state store.</summary>
public sealed class BotHarness : IAsyncDisposable
{
    public const string AnaWaId = "557981112233";          // as WhatsApp sends it: DDD 79, no ninth digit
    public const string AnaCpf = "11144477735";
    public const string AnaName = "ANA CLARA RIBEIRO";
    public const string SharedWaId = "5579998765432";       // Maria's and João's number, with the ninth digit
    public const string StrangerWaId = "5511912345678";

    private BotHarness(FakeTimeProvider time, FakeBillingSystem billing, PixPspSandbox psp, PixClient pix, BotStores stores)
    {
        Time = time;
        Billing = billing;
        Psp = psp;
        Pix = pix;
        Stores = stores;
        Options = new BotOptions { CompanyName = "NetExemplo", PixKey = psp.Key };
        Engine = NewEngine(stores);
    }

    public FakeTimeProvider Time { get; }
    public FakeBillingSystem Billing { get; }
    public PixPspSandbox Psp { get; }
    public PixClient Pix { get; }
    public BotStores Stores { get; }
    public BotOptions Options { get; }
    public RecordingChannel Channel { get; } = new();
    public ConversationEngine Engine { get; private set; }
    private int _messageCounter;

    public static async Task<BotHarness> StartAsync(BotStores? stores = null)
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 30, 15, 0, 0, TimeSpan.Zero));
        var billing = new FakeBillingSystem(time);
        var today = BrazilTime.Today(time);
        billing.AddCustomer(new Customer { Id = "1004", Name = AnaName, Document = Document.Parse(AnaCpf), Phones = [PhoneNumber.Parse("(79) 98111-2233")] });
        billing.AddContract(new Contract { Id = "2004", CustomerId = "1004", Login = "ana.ribeiro", Access = AccessState.Blocked });
        billing.AddInvoice(new Invoice { Id = "3010", CustomerId = "1004", ContractId = "2004", DueDate = today.AddDays(-15), Amount = 119.90m, OpenAmount = 119.90m });

        billing.AddCustomer(new Customer { Id = "1001", Name = "MARIA APARECIDA DOS SANTOS", Document = Document.Parse("12345678909"), Phones = [PhoneNumber.Parse("(79) 99876-5432")] });
        billing.AddContract(new Contract { Id = "2001", CustomerId = "1001", Access = AccessState.Active });
        billing.AddInvoice(new Invoice { Id = "3001", CustomerId = "1001", ContractId = "2001", DueDate = today.AddDays(-38), Amount = 99.90m, OpenAmount = 99.90m });
        billing.AddInvoice(new Invoice { Id = "3002", CustomerId = "1001", ContractId = "2001", DueDate = today.AddDays(-10), Amount = 99.90m, OpenAmount = 59.90m });
        // João's company shares Maria's phone, and its CNPJ starts with the same three digits as her CPF.
        billing.AddCustomer(new Customer { Id = "1002", Name = "JOAO PEREIRA TELECOM LTDA", Document = Document.CnpjFromBase("123456780001"), Phones = [PhoneNumber.Parse("(79) 9876-5432")] });
        billing.AddContract(new Contract { Id = "2002", CustomerId = "1002", Access = AccessState.Active });
        billing.AddInvoice(new Invoice { Id = "3008", CustomerId = "1002", ContractId = "2002", DueDate = today.AddDays(9), Amount = 249.90m, OpenAmount = 249.90m });

        var psp = await PixPspSandbox.StartAsync();
        var pix = new PixClient(new PixClientOptions { BaseAddress = psp.BaseUrl, TokenUrl = psp.TokenUrl, ClientId = psp.ClientId, ClientSecret = psp.ClientSecret });
        return new BotHarness(time, billing, psp, pix, stores ?? BotStores.InMemory(time));
    }

    /// <summary>A new engine over the given stores (a process restart keeps nothing else).</summary>
    public ConversationEngine NewEngine(BotStores stores) =>
        Engine = new ConversationEngine(Billing, new SecondCopyService(Billing, Pix, stores, Options), stores, Channel, Options, Time);

    public Task<BotHandling> SayAsync(string from, string text) =>
        Engine.HandleAsync(new BotInbound(from, "wamid.in" + Interlocked.Increment(ref _messageCounter), Time.GetUtcNow(), text));

    public Task<BotHandling> TapAsync(string from, string choiceId, string title = "") =>
        Engine.HandleAsync(new BotInbound(from, "wamid.in" + Interlocked.Increment(ref _messageCounter), Time.GetUtcNow(), title, choiceId));

    public PaymentNotifier NewNotifier(IUnblockLedger? ledger = null) =>
        new(new PaymentToUnblock(Billing, [Billing.AccessController], new PaymentToUnblockOptions
        {
            TargetResolver = new BotChargeResolver(Stores),
            TimeProvider = Time,
            Ledger = ledger ?? new InMemoryUnblockLedger(),
        }), Stores, Channel, Options);

    public async ValueTask DisposeAsync()
    {
        Pix.Dispose();
        await Psp.DisposeAsync();
    }
}
