using System.Text.Json;
using System.Text.Json.Serialization;
using Cobranca.Connectors.Abstractions;

namespace Cobranca.Connectors.WhatsApp;

/// <summary>The package's durable state: windows, webhook dedupe and outbound message states, each its own collection.</summary>
internal sealed class WhatsAppStateStores
{
    public const string WindowCollection = "whatsapp.window";
    public const string WebhookSeenCollection = "whatsapp.webhook-seen";
    public const string MessageCollection = "whatsapp.message";

    private readonly TimeProvider _time;

    public WhatsAppStateStores(Func<string, IStateStore> factory, TimeProvider time)
    {
        _time = time;
        Window = factory(WindowCollection) ?? throw new InvalidOperationException("The state store factory returned null.");
        Seen = factory(WebhookSeenCollection) ?? throw new InvalidOperationException("The state store factory returned null.");
        Messages = factory(MessageCollection) ?? throw new InvalidOperationException("The state store factory returned null.");
    }

    public IStateStore Window { get; }

    public IStateStore Seen { get; }

    public IStateStore Messages { get; }

    public static Func<string, IStateStore> InMemory(TimeProvider time)
    {
        var stores = new System.Collections.Concurrent.ConcurrentDictionary<string, IStateStore>(StringComparer.Ordinal);
        return c => stores.GetOrAdd(c, name => new InMemoryStateStore(name, time));
    }

    // ---- window ----

    public async Task RecordInboundAsync(WhatsAppUser user, DateTimeOffset at, CancellationToken ct)
    {
        if (user.WaId is not null) await RecordInboundAsync(user.WaId, at, ct).ConfigureAwait(false);
        if (user.UserId is not null) await RecordInboundAsync(user.UserId, at, ct).ConfigureAwait(false);
    }

    private async Task RecordInboundAsync(string key, DateTimeOffset at, CancellationToken ct)
    {
        var value = JsonSerializer.Serialize(new WindowRecord(1, at), StateJson.Default.WindowRecord);
        for (var attempt = 0; attempt < 10; attempt++)
        {
            var current = await Window.GetAsync(key, ct).ConfigureAwait(false);
            if (current is null)
            {
                if (await Window.TryAddAsync(key, value, ct).ConfigureAwait(false)) return;
                continue;
            }
            var stored = JsonSerializer.Deserialize(current.Value, StateJson.Default.WindowRecord);
            if (stored is not null && stored.LastInboundAt >= at) return; // an older message arriving late never shortens the window
            if (await Window.TryUpdateAsync(key, value, current.Version, ct).ConfigureAwait(false) is not null) return;
        }
        throw new InvalidOperationException("The window record kept changing under concurrent writers.");
    }

    public async Task<DateTimeOffset?> LastInboundAsync(WhatsAppUser user, CancellationToken ct)
    {
        DateTimeOffset? last = null;
        var keys = new List<string>();
        if (user.WaId is not null)
        {
            try { keys.AddRange(WhatsAppPhone.Candidates(user.WaId)); }
            catch (FormatException) { keys.Add(user.WaId); }
        }
        if (user.UserId is not null) keys.Add(user.UserId);
        foreach (var key in keys.Distinct(StringComparer.Ordinal))
        {
            var entry = await Window.GetAsync(key, ct).ConfigureAwait(false);
            if (entry is null) continue;
            var record = JsonSerializer.Deserialize(entry.Value, StateJson.Default.WindowRecord);
            if (record is not null && (last is null || record.LastInboundAt > last)) last = record.LastInboundAt;
        }
        return last;
    }

    // ---- webhook dedupe ----

    public Task<bool> ClaimAsync(string key, CancellationToken ct) =>
        Seen.TryAddAsync(key, "{}", ct);

    private DateTimeOffset _lastPrune = DateTimeOffset.MinValue;

    public async Task PruneSeenAsync(TimeSpan retention, CancellationToken ct)
    {
        var now = _time.GetUtcNow();
        if (now - _lastPrune < TimeSpan.FromHours(1)) return;
        _lastPrune = now;
        await Seen.RemoveOlderThanAsync(now - retention, ct).ConfigureAwait(false);
    }

    // ---- outbound message state ----

    public Task RecordAcceptedAsync(string messageId, string clientReference, CancellationToken ct) =>
        ApplyAsync(messageId, clientReference, WhatsAppMessageStatus.Accepted, _time.GetUtcNow(), null, ct);

    /// <summary>Applies a status if it moves the message forward; false when stale or repeated.</summary>
    public async Task<bool> ApplyAsync(string messageId, string? clientReference, WhatsAppMessageStatus status, DateTimeOffset at, int? errorCode, CancellationToken ct)
    {
        var key = "id:" + messageId;
        for (var attempt = 0; attempt < 10; attempt++)
        {
            var current = await Messages.GetAsync(key, ct).ConfigureAwait(false);
            var stored = current is null ? null : JsonSerializer.Deserialize(current.Value, StateJson.Default.MessageRecord);
            if (stored is not null && !MovesForward(stored.Status, status)) return false;
            var record = new MessageRecord(1, messageId, clientReference ?? stored?.ClientReference, status, at, status == WhatsAppMessageStatus.Failed ? errorCode : null);
            var value = JsonSerializer.Serialize(record, StateJson.Default.MessageRecord);
            var written = current is null
                ? await Messages.TryAddAsync(key, value, ct).ConfigureAwait(false)
                : await Messages.TryUpdateAsync(key, value, current.Version, ct).ConfigureAwait(false) is not null;
            if (!written) continue;
            if (record.ClientReference is { } reference)
                await Messages.SetAsync("ref:" + reference, JsonSerializer.Serialize(new ReferenceRecord(1, messageId), StateJson.Default.ReferenceRecord), ct).ConfigureAwait(false);
            return true;
        }
        return false;
    }

    internal static bool MovesForward(WhatsAppMessageStatus current, WhatsAppMessageStatus next)
    {
        if (current == next) return false;
        if (next == WhatsAppMessageStatus.Failed) return current is WhatsAppMessageStatus.Accepted or WhatsAppMessageStatus.Sent;
        if (current == WhatsAppMessageStatus.Failed) return next is WhatsAppMessageStatus.Delivered or WhatsAppMessageStatus.Read;
        return Order(next) > Order(current);
    }

    private static int Order(WhatsAppMessageStatus s) => s switch
    {
        WhatsAppMessageStatus.Accepted => 0,
        WhatsAppMessageStatus.Sent => 1,
        WhatsAppMessageStatus.Delivered => 2,
        WhatsAppMessageStatus.Read => 3,
        _ => 0,
    };

    public async Task<WhatsAppMessageState?> GetStateAsync(string idOrReference, CancellationToken ct)
    {
        var entry = await Messages.GetAsync("id:" + idOrReference, ct).ConfigureAwait(false);
        if (entry is null)
        {
            var reference = await Messages.GetAsync("ref:" + idOrReference, ct).ConfigureAwait(false);
            if (reference is null) return null;
            var r = JsonSerializer.Deserialize(reference.Value, StateJson.Default.ReferenceRecord);
            if (r is null) return null;
            entry = await Messages.GetAsync("id:" + r.MessageId, ct).ConfigureAwait(false);
            if (entry is null) return new WhatsAppMessageState(r.MessageId, idOrReference, null, reference.UpdatedAt);
        }
        var m = JsonSerializer.Deserialize(entry.Value, StateJson.Default.MessageRecord)!;
        return new WhatsAppMessageState(m.MessageId, m.ClientReference, m.Status, m.At, m.ErrorCode);
    }
}

internal sealed record WindowRecord([property: JsonPropertyName("v")] int V, [property: JsonPropertyName("last")] DateTimeOffset LastInboundAt);

internal sealed record MessageRecord(
    [property: JsonPropertyName("v")] int V,
    [property: JsonPropertyName("id")] string MessageId,
    [property: JsonPropertyName("ref")] string? ClientReference,
    [property: JsonPropertyName("status")] WhatsAppMessageStatus Status,
    [property: JsonPropertyName("at")] DateTimeOffset At,
    [property: JsonPropertyName("err")] int? ErrorCode);

internal sealed record ReferenceRecord([property: JsonPropertyName("v")] int V, [property: JsonPropertyName("id")] string MessageId);

[JsonSourceGenerationOptions(UseStringEnumConverter = true, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(WindowRecord))]
[JsonSerializable(typeof(MessageRecord))]
[JsonSerializable(typeof(ReferenceRecord))]
internal sealed partial class StateJson : JsonSerializerContext;
