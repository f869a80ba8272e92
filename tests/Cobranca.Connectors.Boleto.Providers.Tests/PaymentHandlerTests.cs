using System.Collections.Concurrent;
using Cobranca.Connectors.Abstractions;
using Cobranca.Connectors.Boleto.Providers;
using Cobranca.Connectors.Testing;
using Cobranca.Connectors.Testing.Pix;
using Cobranca.Connectors.Workflows;

namespace Cobranca.Connectors.Boleto.Providers.Tests;

/// <summary>Webhooks are hints (re-queried), payments are raised once, and the daily pass catches what webhooks missed.</summary>
public sealed class PaymentHandlerTests
{
    public static TheoryData<string> Banks => new(BankTestContext.AllBanks);

    private sealed class Harness : IAsyncDisposable
    {
        public required BankTestContext Ctx { get; init; }
        public required BoletoBankClient Client { get; init; }
        public required BoletoRegistrar Registrar { get; init; }
        public required BoletoPaymentHandler Handler { get; init; }
        public ConcurrentQueue<PaymentReceived> Raised { get; } = new();
        public PixWebhookReceiver? Receiver { get; set; }

        public async ValueTask DisposeAsync()
        {
            if (Receiver is not null) await Receiver.DisposeAsync();
            await Ctx.DisposeAsync();
        }
    }

    private static async Task<Harness> StartAsync(string bank, bool withReceiver = true)
    {
        var ctx = await BankTestContext.StartAsync();
        var client = ctx.Client(bank);
        var registrar = new BoletoRegistrar(client, new InMemoryStateStore(BoletoRegistrar.Collection, ctx.Time), timeProvider: ctx.Time);
        Harness? h = null;
        var handler = new BoletoPaymentHandler(client, (p, _) =>
        {
            h!.Raised.Enqueue(p);
            return Task.CompletedTask;
        }, registrar, new InMemoryProcessedPaymentLedger(), timeProvider: ctx.Time);
        h = new Harness { Ctx = ctx, Client = client, Registrar = registrar, Handler = handler };
        if (withReceiver)
        {
            h.Receiver = await PixWebhookReceiver.StartAsync(async (body, ct) => (await handler.HandleWebhookAsync(body, ct)).SuggestedStatusCode);
            // The receiver answers on {Url}/pix; the bank posts to whatever URL it was given.
            ctx.Sandbox.SetWebhook(bank, new Uri(h.Receiver.Url + "/pix"));
        }

        return h;
    }

    private static async Task<BoletoRecord> IssueAsync(Harness h, string invoiceId)
    {
        var registration = await h.Registrar.RegisterAsync(invoiceId, BankTestContext.Request(), customerId: "cust-" + invoiceId);
        return await h.Client.GetAsync(registration.Boleto.ProviderId); // Inter: registered on read
    }

    [Theory]
    [MemberData(nameof(Banks))]
    public async Task A_paid_boleto_raises_one_payment_naming_its_invoice_and_a_redelivery_raises_none(string bank)
    {
        await using var h = await StartAsync(bank);
        var boleto = await IssueAsync(h, "8001");
        Assert.Equal(200, await h.Ctx.Sandbox.PayAsync(bank, boleto.ProviderId, viaPix: true));

        var payment = Assert.Single(h.Raised);
        Assert.Equal($"boleto:{(bank)}:{boleto.ProviderId}", payment.PaymentId);
        Assert.Equal("boleto:" + bank, payment.Source);
        Assert.Equal("8001", payment.InvoiceId);
        Assert.Equal("cust-8001", payment.CustomerId);
        Assert.Equal("0000008001", payment.Reference);
        Assert.Equal(129.90m, payment.Amount);

        Assert.Equal(200, await h.Ctx.Sandbox.RedeliverWebhookAsync(bank, boleto.ProviderId));
        Assert.Single(h.Raised);
    }

    [Theory]
    [MemberData(nameof(Banks))]
    public async Task A_webhook_forged_for_an_unpaid_boleto_raises_nothing(string bank)
    {
        await using var h = await StartAsync(bank, withReceiver: false);
        var boleto = await IssueAsync(h, "8002");
        var forged = h.Ctx.Sandbox.WebhookBodyOf(bank, boleto.ProviderId); // says "paid"; the bank says otherwise
        var result = await h.Handler.HandleWebhookAsync(forged);
        Assert.Empty(result.Payments);
        Assert.Equal(1, result.Rejected);
        Assert.Equal(200, result.SuggestedStatusCode);
        Assert.Empty(h.Raised);
    }

    [Theory]
    [InlineData("inter", """[{"codigoSolicitacao":"00000000-0000-0000-0000-000000000000","situacao":"RECEBIDO"}]""")]
    [InlineData("sicoob", """{"nossoNumero":987654,"situacao":"LIQUIDADO"}""")]
    [InlineData("bb", """{"id":"00031285579999999999","codigoEstadoBaixaOperacional":1}""")]
    [InlineData("efi", "notification=not-a-real-token")]
    public async Task A_webhook_for_a_boleto_the_bank_does_not_know_raises_nothing(string bank, string body)
    {
        await using var h = await StartAsync(bank, withReceiver: false);
        var result = await h.Handler.HandleWebhookAsync(body);
        Assert.Empty(result.Payments);
        Assert.Equal(200, result.SuggestedStatusCode);
        Assert.Empty(h.Raised);
    }

    [Theory]
    [MemberData(nameof(Banks))]
    public async Task The_daily_reconciliation_raises_a_payment_whose_webhook_was_lost_once(string bank)
    {
        await using var h = await StartAsync(bank, withReceiver: false);
        var paid = await IssueAsync(h, "8003");
        await IssueAsync(h, "8004"); // stays unpaid
        await h.Ctx.Sandbox.PayAsync(bank, paid.ProviderId, notify: false);

        var first = await h.Handler.ReconcileDayAsync(h.Ctx.Today);
        var payment = Assert.Single(first.Payments);
        Assert.Equal("8003", payment.InvoiceId);
        var second = await h.Handler.ReconcileDayAsync(h.Ctx.Today);
        Assert.Empty(second.Payments);
        var late = await h.Handler.HandleWebhookAsync(h.Ctx.Sandbox.WebhookBodyOf(bank, paid.ProviderId));
        Assert.Empty(late.Payments);
        Assert.Equal(1, late.Duplicates);
        Assert.Single(h.Raised);
    }

    [Fact]
    public async Task A_failing_consumer_releases_the_payment_for_the_next_delivery()
    {
        await using var ctx = await BankTestContext.StartAsync();
        var client = ctx.Client("bb");
        var registrar = new BoletoRegistrar(client, new InMemoryStateStore(BoletoRegistrar.Collection, ctx.Time), timeProvider: ctx.Time);
        var calls = 0;
        var handler = new BoletoPaymentHandler(client, (_, _) => ++calls == 1 ? throw new InvalidOperationException("ERP down") : Task.CompletedTask,
            registrar, new InMemoryProcessedPaymentLedger(), timeProvider: ctx.Time);
        var boleto = (await registrar.RegisterAsync("8005", BankTestContext.Request())).Boleto;
        await ctx.Sandbox.PayAsync("bb", boleto.ProviderId, notify: false);
        var body = ctx.Sandbox.WebhookBodyOf("bb", boleto.ProviderId);
        await Assert.ThrowsAsync<InvalidOperationException>(() => handler.HandleWebhookAsync(body));
        Assert.Single((await handler.HandleWebhookAsync(body)).Payments);
    }

    [Fact]
    public async Task A_hybrid_boleto_paid_by_pix_restores_the_customer_through_PaymentToUnblock()
    {
        await using var ctx = await BankTestContext.StartAsync();
        var data = IspDataGenerator.Generate(new IspDataGeneratorOptions { Seed = 7, CustomerCount = 40, Today = ctx.Today });
        var billing = new FakeBillingSystem(data, ctx.Time);
        // A customer with exactly one overdue invoice, blocked for it.
        var invoice = data.Invoices.Where(i => i.Status == InvoiceStatus.Open && i.DueDate < ctx.Today)
            .GroupBy(i => i.CustomerId).First(g => g.Count() == 1).Single();
        var contract = data.Contracts.First(c => c.CustomerId == invoice.CustomerId);
        await billing.AccessController.BlockAsync(contract.ToSubscriber(), BlockRequest.Overdue);
        Assert.False((await billing.AccessController.GetAccessStateAsync(contract.ToSubscriber())).Status.HasFullAccess);

        var client = ctx.Client("inter");
        var registrar = new BoletoRegistrar(client, new InMemoryStateStore(BoletoRegistrar.Collection, ctx.Time), timeProvider: ctx.Time);
        var unblock = new PaymentToUnblock(billing, [billing.AccessController], new PaymentToUnblockOptions { TimeProvider = ctx.Time });
        var outcomes = new List<UnblockOutcome>();
        var handler = new BoletoPaymentHandler(client, async (payment, ct) =>
        {
            billing.RecordPayment(invoice.Id, payment.Amount, payment.PaidAt); // the ERP's own bank integration
            outcomes.Add(await unblock.ProcessAsync(payment, ct));
        }, registrar, timeProvider: ctx.Time);
        await using var receiver = await PixWebhookReceiver.StartAsync(async (body, ct) => (await handler.HandleWebhookAsync(body, ct)).SuggestedStatusCode);
        ctx.Sandbox.SetWebhook("inter", new Uri(receiver.Url + "/pix"));

        var registration = await registrar.RegisterAsync(invoice.Id, BankTestContext.Request(amount: invoice.OpenAmount, due: ctx.Today.AddDays(3)), invoice.CustomerId);
        var boleto = await client.GetAsync(registration.Boleto.ProviderId);
        Assert.NotNull(boleto.PixCopiaECola);
        await ctx.Sandbox.PayAsync("inter", boleto.ProviderId, viaPix: true);

        var outcome = Assert.Single(outcomes);
        Assert.Equal(UnblockStatus.Restored, outcome.Status);
        Assert.Equal(invoice.CustomerId, outcome.CustomerId);
        Assert.True((await billing.AccessController.GetAccessStateAsync(contract.ToSubscriber())).Status.HasFullAccess);
    }
}
