using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Cobranca.Connectors.Abstractions;
using Microsoft.Extensions.Logging;

namespace Cobranca.Connectors.WhatsApp;

/// <summary>
/// The webhook endpoint logic of one number (obtained from <see cref="IWhatsAppClient.Webhooks"/>); the host maps it to
/// its HTTP framework: <c>GET</c> → <see cref="VerifySubscription"/>, <c>POST</c> → <see cref="HandleAsync"/> with the
/// raw body bytes and the <c>X-Hub-Signature-256</c> header.
/// </summary>
/// <remarks>
/// <para>The signature is HMAC-SHA256 of the exact received bytes with the app secret, <c>sha256=</c> + lower-case hex,
/// compared in constant time; a missing header is refused like a wrong one. Never parse and re-serialise the body before
/// verifying it.</para>
/// <para>Each inbound message and each (message, status) pair is claimed once in <c>whatsapp.webhook-seen</c>, so a
/// redelivery returns nothing new; statuses only move a message forward (a <c>delivered</c> arriving after <c>read</c>
/// is ignored); inbound messages open or extend the sender's 24-hour window. Persist or enqueue the returned batch
/// before answering 200: what this call returned is not returned again.</para>
/// </remarks>
public sealed class WhatsAppWebhookHandler
{
    /// <summary>The signature header's name.</summary>
    public const string SignatureHeaderName = "X-Hub-Signature-256";

    private const string Prefix = "sha256=";
    private readonly WhatsAppClientOptions _options;
    private readonly ConnectorSecret? _appSecret;
    private readonly ConnectorSecret? _verifyToken;
    private readonly WhatsAppStateStores _state;
    private readonly IWhatsAppClient _client;
    private readonly ILogger _logger;

    internal WhatsAppWebhookHandler(WhatsAppClientOptions options, ConnectorSecret? appSecret, WhatsAppStateStores state, IWhatsAppClient client,
        ILogger logger, TimeProvider time)
    {
        _options = options;
        _appSecret = appSecret;
        _verifyToken = string.IsNullOrEmpty(options.VerifyToken) ? null : new ConnectorSecret(options.VerifyToken);
        _state = state;
        _client = client;
        _logger = logger;
        _ = time;
    }

    /// <summary>
    /// The subscription handshake (<c>GET ?hub.mode=subscribe&amp;hub.verify_token=…&amp;hub.challenge=…</c>): returns the
    /// challenge to answer with HTTP 200 as plain text, or null to answer 403 (wrong mode or token, or no verify token configured).
    /// </summary>
    /// <param name="mode">The <c>hub.mode</c> query value.</param>
    /// <param name="verifyToken">The <c>hub.verify_token</c> query value.</param>
    /// <param name="challenge">The <c>hub.challenge</c> query value (echoed verbatim; not necessarily a number).</param>
    public string? VerifySubscription(string? mode, string? verifyToken, string? challenge)
    {
        if (_verifyToken is null || mode != "subscribe" || string.IsNullOrEmpty(challenge) || verifyToken is null) return null;
        var expected = Encoding.UTF8.GetBytes(_verifyToken.Reveal());
        var given = Encoding.UTF8.GetBytes(verifyToken);
        return CryptographicOperations.FixedTimeEquals(expected, given) ? challenge : null;
    }

    /// <summary>True when <paramref name="signatureHeader"/> is <c>sha256=</c> + the lower-case hex HMAC-SHA256 of <paramref name="body"/> with the app secret (constant-time).</summary>
    /// <param name="body">The raw request body, exactly as received.</param>
    /// <param name="signatureHeader">The <c>X-Hub-Signature-256</c> value; null when missing.</param>
    public bool IsSignatureValid(ReadOnlySpan<byte> body, string? signatureHeader)
    {
        if (_appSecret is null || signatureHeader is null || !signatureHeader.StartsWith(Prefix, StringComparison.Ordinal)) return false;
        var hex = signatureHeader.AsSpan(Prefix.Length);
        if (hex.Length != 64) return false;
        foreach (var c in hex) if (c is not ((>= '0' and <= '9') or (>= 'a' and <= 'f'))) return false;
        Span<byte> given = stackalloc byte[32];
        if (Convert.FromHexString(hex, given, out _, out var written) != System.Buffers.OperationStatus.Done || written != 32) return false;
        Span<byte> mac = stackalloc byte[32];
        HMACSHA256.HashData(Encoding.UTF8.GetBytes(_appSecret.Reveal()), body, mac);
        return CryptographicOperations.FixedTimeEquals(mac, given);
    }

    /// <summary>
    /// Verifies, parses and deduplicates one delivery; records inbound windows and message states.
    /// </summary>
    /// <param name="body">The raw request body.</param>
    /// <param name="signatureHeader">The <c>X-Hub-Signature-256</c> value; null when missing.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="WhatsAppWebhookRejectedException">Missing or invalid signature (answer 401), or not a WhatsApp webhook body (answer 400).</exception>
    public async Task<WhatsAppWebhookBatch> HandleAsync(ReadOnlyMemory<byte> body, string? signatureHeader, CancellationToken cancellationToken = default)
    {
        if (_appSecret is null)
            throw Rejected("No AppSecret is configured, so no webhook can be verified.", signature: true);
        if (signatureHeader is null) throw Rejected("The X-Hub-Signature-256 header is missing.", signature: true);
        if (!IsSignatureValid(body.Span, signatureHeader)) throw Rejected("The X-Hub-Signature-256 signature does not match the body.", signature: true);

        var messages = new List<WhatsAppInboundMessage>();
        var statuses = new List<(WhatsAppStatusUpdate Update, int? ErrorCode)>();
        var errors = new List<WhatsAppError>();
        var ignored = 0;
        try
        {
            using var doc = JsonDocument.Parse(body);
            var root = doc.RootElement;
            if (root.ValueKind != JsonValueKind.Object || Str(root, "object") != "whatsapp_business_account" || !root.TryGetProperty("entry", out var entries) || entries.ValueKind != JsonValueKind.Array)
                throw Rejected("The body is not a whatsapp_business_account webhook.", signature: false);
            foreach (var entry in entries.EnumerateArray())
            {
                if (!entry.TryGetProperty("changes", out var changes) || changes.ValueKind != JsonValueKind.Array) continue;
                foreach (var change in changes.EnumerateArray())
                {
                    if (Str(change, "field") != "messages" || !change.TryGetProperty("value", out var value) || value.ValueKind != JsonValueKind.Object) { ignored++; continue; }
                    var phoneNumberId = value.TryGetProperty("metadata", out var meta) ? Str(meta, "phone_number_id") ?? "" : "";
                    if (_options.PhoneNumberId is not null && phoneNumberId.Length > 0 && phoneNumberId != _options.PhoneNumberId) { ignored++; continue; }
                    var profiles = new Dictionary<string, string?>(StringComparer.Ordinal);
                    if (value.TryGetProperty("contacts", out var contacts) && contacts.ValueKind == JsonValueKind.Array)
                    {
                        foreach (var c in contacts.EnumerateArray())
                        {
                            var key = Str(c, "wa_id") ?? Str(c, "user_id");
                            if (key is not null) profiles[key] = c.TryGetProperty("profile", out var p) ? Str(p, "name") : null;
                        }
                    }
                    if (value.TryGetProperty("messages", out var ms) && ms.ValueKind == JsonValueKind.Array)
                        foreach (var m in ms.EnumerateArray()) if (ParseMessage(m, phoneNumberId, profiles) is { } parsed) messages.Add(parsed);
                    if (value.TryGetProperty("statuses", out var ss) && ss.ValueKind == JsonValueKind.Array)
                        foreach (var s in ss.EnumerateArray()) if (ParseStatus(s, phoneNumberId) is { } parsed) statuses.Add(parsed);
                    if (value.TryGetProperty("errors", out var es) && es.ValueKind == JsonValueKind.Array)
                        errors.AddRange(ParseErrors(es));
                }
            }
        }
        catch (JsonException ex)
        {
            throw new WhatsAppWebhookRejectedException("The webhook body is not valid JSON.", ex);
        }

        var duplicates = 0;
        var stale = 0;
        var newMessages = new List<WhatsAppInboundMessage>();
        foreach (var m in messages.OrderBy(m => m.Timestamp))
        {
            if (!await _state.ClaimAsync("m:" + m.MessageId, cancellationToken).ConfigureAwait(false)) { duplicates++; continue; }
            await _client.RecordInboundAsync(m.From, m.Timestamp, cancellationToken).ConfigureAwait(false);
            newMessages.Add(m);
        }
        var newStatuses = new List<WhatsAppStatusUpdate>();
        foreach (var (s, code) in statuses.OrderBy(s => s.Update.Timestamp).ThenBy(s => s.Update.Status))
        {
            if (!await _state.ClaimAsync($"s:{s.MessageId}:{s.Status}", cancellationToken).ConfigureAwait(false)) { duplicates++; continue; }
            if (await _state.ApplyAsync(s.MessageId, s.ClientReference, s.Status, s.Timestamp, code, cancellationToken).ConfigureAwait(false)) newStatuses.Add(s);
            else stale++;
        }
        foreach (var e in errors) Log.WebhookError(_logger, e.Code, e.Title);
        await _state.PruneSeenAsync(_options.WebhookDedupeRetention, cancellationToken).ConfigureAwait(false);
        Log.WebhookHandled(_logger, newMessages.Count, newStatuses.Count, duplicates, stale);
        return new WhatsAppWebhookBatch { Messages = newMessages, Statuses = newStatuses, Errors = errors, Duplicates = duplicates, Stale = stale, Ignored = ignored };
    }

    private WhatsAppWebhookRejectedException Rejected(string reason, bool signature)
    {
        Log.WebhookRejected(_logger, reason);
        return new WhatsAppWebhookRejectedException(reason, signature);
    }

    private static WhatsAppInboundMessage? ParseMessage(JsonElement m, string phoneNumberId, Dictionary<string, string?> profiles)
    {
        var id = Str(m, "id");
        var type = Str(m, "type");
        var from = Str(m, "from");
        var userId = Str(m, "from_user_id") ?? Str(m, "user_id");
        if (id is null || type is null || (from is null && userId is null)) return null;
        WhatsAppUser user;
        try { user = WhatsAppUser.From(from, WhatsAppUser.IsBusinessScopedUserId(userId) ? userId : null); }
        catch (Exception ex) when (ex is FormatException or ArgumentException) { return null; }
        string? text = null, replyId = null, replyTitle = null, mediaId = null;
        var kind = WhatsAppInboundKind.Other;
        switch (type)
        {
            case "text":
                kind = WhatsAppInboundKind.Text;
                text = m.TryGetProperty("text", out var t) ? Str(t, "body") : null;
                break;
            case "button":
                kind = WhatsAppInboundKind.TemplateButton;
                if (m.TryGetProperty("button", out var b)) { replyId = Str(b, "payload"); replyTitle = Str(b, "text"); text = replyTitle; }
                break;
            case "interactive":
                if (m.TryGetProperty("interactive", out var i))
                {
                    var itype = Str(i, "type");
                    if (itype == "button_reply" && i.TryGetProperty("button_reply", out var br)) { kind = WhatsAppInboundKind.ButtonReply; replyId = Str(br, "id"); replyTitle = Str(br, "title"); }
                    else if (itype == "list_reply" && i.TryGetProperty("list_reply", out var lr)) { kind = WhatsAppInboundKind.ListReply; replyId = Str(lr, "id"); replyTitle = Str(lr, "title"); text = Str(lr, "description"); }
                }
                break;
            case "image" or "document" or "audio" or "video" or "sticker":
                kind = WhatsAppInboundKind.Media;
                if (m.TryGetProperty(type, out var media)) { mediaId = Str(media, "id"); text = Str(media, "caption"); }
                break;
            case "system":
                kind = WhatsAppInboundKind.System;
                text = m.TryGetProperty("system", out var sys) ? Str(sys, "body") : null;
                break;
        }
        return new WhatsAppInboundMessage
        {
            MessageId = id, PhoneNumberId = phoneNumberId, From = user,
            ProfileName = profiles.GetValueOrDefault(from ?? userId ?? ""),
            Timestamp = Time(m), Kind = kind, Type = type, Text = text, ReplyId = replyId, ReplyTitle = replyTitle,
            ContextMessageId = m.TryGetProperty("context", out var ctx) ? Str(ctx, "id") : null, MediaId = mediaId,
        };
    }

    private static (WhatsAppStatusUpdate, int?)? ParseStatus(JsonElement s, string phoneNumberId)
    {
        var id = Str(s, "id");
        WhatsAppMessageStatus? status = Str(s, "status") switch
        {
            "sent" => WhatsAppMessageStatus.Sent,
            "delivered" => WhatsAppMessageStatus.Delivered,
            "read" => WhatsAppMessageStatus.Read,
            "failed" => WhatsAppMessageStatus.Failed,
            _ => null,
        };
        if (id is null || status is null) return null;
        WhatsAppUser? recipient = null;
        try
        {
            var r = Str(s, "recipient_id");
            var u = Str(s, "recipient_user_id");
            if (r is not null || u is not null) recipient = WhatsAppUser.From(r, WhatsAppUser.IsBusinessScopedUserId(u) ? u : null);
        }
        catch (Exception ex) when (ex is FormatException or ArgumentException)
        {
            recipient = null;
        }
        var errors = s.TryGetProperty("errors", out var es) && es.ValueKind == JsonValueKind.Array ? ParseErrors(es) : [];
        string? category = null;
        bool? billable = null;
        if (s.TryGetProperty("pricing", out var pricing) && pricing.ValueKind == JsonValueKind.Object)
        {
            category = Str(pricing, "category");
            if (pricing.TryGetProperty("billable", out var bill) && bill.ValueKind is JsonValueKind.True or JsonValueKind.False) billable = bill.GetBoolean();
        }
        var update = new WhatsAppStatusUpdate
        {
            MessageId = id, PhoneNumberId = phoneNumberId, Status = status.Value, Timestamp = Time(s), Recipient = recipient,
            ClientReference = Str(s, "biz_opaque_callback_data"), Errors = errors, PricingCategory = category, Billable = billable,
        };
        return (update, errors.Count > 0 ? errors[0].Code : null);
    }

    private static List<WhatsAppError> ParseErrors(JsonElement array)
    {
        var list = new List<WhatsAppError>();
        foreach (var e in array.EnumerateArray())
        {
            if (e.ValueKind != JsonValueKind.Object || !e.TryGetProperty("code", out var c) || !c.TryGetInt32(out var code)) continue;
            var details = e.TryGetProperty("error_data", out var d) && d.ValueKind == JsonValueKind.Object ? Str(d, "details") : null;
            list.Add(new WhatsAppError(code, Str(e, "title"), SensitiveData.Redact(Str(e, "message")), SensitiveData.Redact(details)));
        }
        return list;
    }

    private static DateTimeOffset Time(JsonElement e)
    {
        var raw = e.TryGetProperty("timestamp", out var t) ? t.ValueKind == JsonValueKind.String ? t.GetString() : t.ValueKind == JsonValueKind.Number ? t.GetRawText() : null : null;
        return long.TryParse(raw, NumberStyles.Integer, CultureInfo.InvariantCulture, out var seconds)
            ? DateTimeOffset.FromUnixTimeSeconds(seconds)
            : DateTimeOffset.UnixEpoch;
    }

    private static string? Str(JsonElement e, string name) =>
        e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
}
