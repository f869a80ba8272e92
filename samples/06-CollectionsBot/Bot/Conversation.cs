using System.Text.Json;
using System.Text.Json.Serialization;

namespace CollectionsBot.Bot;

/// <summary>Where a conversation stands.</summary>
public enum ConversationPhase
{
    /// <summary>Nothing asked yet (or the verified session went idle): greet and ask the second factor.</summary>
    New,
    /// <summary>Waiting for the first digits of the holder's CPF/CNPJ.</summary>
    AwaitingSecondFactor,
    /// <summary>The digits matched more than one customer on this phone: waiting for the full CPF/CNPJ.</summary>
    AwaitingFullDocument,
    /// <summary>Verified: the menu.</summary>
    Menu,
    /// <summary>Verified, choosing which invoice to get a second copy of.</summary>
    ChoosingInvoice,
    /// <summary>A person took over: the bot does not answer until released.</summary>
    HandedOff,
}

/// <summary>
/// One WhatsApp conversation, stored as JSON in the <c>bot.conversation</c> collection keyed by <c>wa_id</c>. Holds
/// ids only (customer ids, never names, CPFs or amounts): the ERP stays the source of personal data.
/// </summary>
public sealed record Conversation
{
    /// <summary>The JSON shape's version.</summary>
    public int Shape { get; init; } = 1;

    /// <summary>Where it stands.</summary>
    public ConversationPhase Phase { get; init; } = ConversationPhase.New;

    /// <summary>The ERP customers whose phones match this WhatsApp id (ninth digit tolerated).</summary>
    public IReadOnlyList<string> Candidates { get; init; } = [];

    /// <summary>The verified customer; null until the second factor passed.</summary>
    public string? CustomerId { get; init; }

    /// <summary>When the second factor passed (the session ends after <see cref="BotOptions.SessionIdle"/> without messages).</summary>
    public DateTimeOffset? VerifiedAt { get; init; }

    /// <summary>Wrong second-factor answers since the last success or lock.</summary>
    public int Failures { get; init; }

    /// <summary>While in the future, the bot discloses nothing and does not accept second-factor answers.</summary>
    public DateTimeOffset? LockedUntil { get; init; }

    /// <summary>The last inbound message from the customer (the 24-hour customer-service window starts here).</summary>
    public DateTimeOffset? LastInboundAt { get; init; }

    /// <summary>When a person took over.</summary>
    public DateTimeOffset? HandedOffAt { get; init; }

    /// <summary>The last inbound message ids handled (dedupe of redelivered webhooks), newest last.</summary>
    public IReadOnlyList<string> Seen { get; init; } = [];

    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
    };

    /// <summary>Serialises for the state store.</summary>
    public string ToJson() => JsonSerializer.Serialize(this, Json);

    /// <summary>Reads a stored value.</summary>
    public static Conversation FromJson(string json) =>
        JsonSerializer.Deserialize<Conversation>(json, Json) ?? throw new JsonException("A stored conversation is empty.");
}
