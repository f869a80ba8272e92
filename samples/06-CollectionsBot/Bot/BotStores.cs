using System.Text.Json;
using Cobranca.Connectors.Abstractions;
using Cobranca.Connectors.Workflows;

namespace CollectionsBot.Bot;

/// <summary>The collections the bot owns: conversations and the Pix charges it issued.</summary>
public sealed class BotStores
{
    /// <summary>Conversation state by <c>wa_id</c>.</summary>
    public const string ConversationCollection = "bot.conversation";

    /// <summary>Pix charge (txid) → invoice, customer and the WhatsApp id to tell when it is paid.</summary>
    public const string ChargeCollection = "bot.pix-charge";

    /// <summary>Notice sent as free text (wamid) → its template fallback, for a later 131047 failure (see <see cref="NoticeFallbacks"/>).</summary>
    public const string NoticeCollection = "bot.notice";

    /// <summary>Wraps the state stores (notices in memory when <paramref name="notices"/> is null).</summary>
    public BotStores(IStateStore conversations, IStateStore charges, IStateStore? notices = null)
    {
        Conversations = conversations;
        Charges = charges;
        Notices = notices ?? new InMemoryStateStore(NoticeCollection);
    }

    /// <summary>The <c>bot.conversation</c> collection.</summary>
    public IStateStore Conversations { get; }

    /// <summary>The <c>bot.pix-charge</c> collection.</summary>
    public IStateStore Charges { get; }

    /// <summary>The <c>bot.notice</c> collection.</summary>
    public IStateStore Notices { get; }

    /// <summary>In memory (tests, the console mode without a file): lost on restart.</summary>
    public static BotStores InMemory(TimeProvider? time = null) =>
        new(new InMemoryStateStore(ConversationCollection, time), new InMemoryStateStore(ChargeCollection, time), new InMemoryStateStore(NoticeCollection, time));

    /// <summary>The tenant's collections in a ledger store (SQLite, PostgreSQL, in memory).</summary>
    public static BotStores From(ILedgerStore store, string tenant) =>
        new(store.GetStateStore(tenant, ConversationCollection), store.GetStateStore(tenant, ChargeCollection), store.GetStateStore(tenant, NoticeCollection));

    /// <summary>Reads the charge record of a txid.</summary>
    public async Task<BotCharge?> GetChargeAsync(string txid, CancellationToken cancellationToken = default)
    {
        var entry = await Charges.GetAsync(txid, cancellationToken);
        return entry is null ? null : JsonSerializer.Deserialize<BotCharge>(entry.Value, Conversation.Json);
    }

    /// <summary>Records (or refreshes) the charge record of a txid.</summary>
    public Task SaveChargeAsync(string txid, BotCharge charge, CancellationToken cancellationToken = default) =>
        Charges.SetAsync(txid, JsonSerializer.Serialize(charge, Conversation.Json), cancellationToken);
}

/// <summary>What the bot remembers about a Pix charge it issued (ids only).</summary>
public sealed record BotCharge(string InvoiceId, string CustomerId, string WaId, int Shape = 1);

/// <summary>txid → invoice + customer for <see cref="PaymentToUnblock"/>, from the <c>bot.pix-charge</c> collection.</summary>
public sealed class BotChargeResolver(BotStores stores) : IPaymentTargetResolver
{
    /// <inheritdoc />
    public async Task<PaymentTarget?> ResolveAsync(PaymentReceived payment, CancellationToken cancellationToken = default) =>
        payment.Reference is { } txid && await stores.GetChargeAsync(txid, cancellationToken) is { } charge
            ? new PaymentTarget(charge.InvoiceId, charge.CustomerId)
            : null;
}
