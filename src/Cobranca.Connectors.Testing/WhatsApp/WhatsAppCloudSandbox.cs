using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Cobranca.Connectors.Testing.WhatsApp;

/// <summary>
/// A WhatsApp Business Cloud API (Graph API) stand-in on Kestrel at <c>127.0.0.1</c> (ephemeral port), for tests,
/// samples and demos: <c>POST /{version}/{phone-number-id}/messages</c> (text, template, document, image, interactive
/// buttons and lists, read receipts) and <c>/media</c> (multipart upload), bearer-token check (190), templates checked
/// against a configured catalogue (132001, 132015, 132016, 132000), the 24-hour customer-service window (a free-form
/// message outside it is accepted, then fails with a 131047 status, as on the real API), throughput (130429) and pair
/// rate (131056) limits, Brazilian 8-digit wa_ids, undeliverable numbers (131026 status), signed webhooks
/// (<c>X-Hub-Signature-256</c>) for inbound messages and statuses delivered to a URL or an in-process handler, "type as
/// the customer" controls, fault injection (lost response after accepting, 5xx, Graph errors, reset) and a request log.
/// </summary>
public sealed partial class WhatsAppCloudSandbox : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly WhatsAppCloudSandboxOptions _options;
    private readonly HttpClient _webhookClient = new() { Timeout = TimeSpan.FromSeconds(30) };
    private readonly object _gate = new();
    private readonly List<WhatsAppSandboxRequest> _requests = [];
    private readonly List<WhatsAppSandboxMessage> _messages = [];
    private readonly List<WhatsAppSandboxWebhook> _webhooks = [];
    private readonly List<WhatsAppSandboxFault> _faults = [];
    private readonly List<JsonObject> _pendingStatuses = [];
    private readonly Dictionary<string, DateTimeOffset> _lastInbound = new(StringComparer.Ordinal);
    private readonly Dictionary<string, DateTimeOffset> _lastSendTo = new(StringComparer.Ordinal);
    private readonly HashSet<string> _inboundIds = new(StringComparer.Ordinal);
    private readonly HashSet<string> _readIds = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (string MimeType, string FileName, byte[] Bytes)> _media = new(StringComparer.Ordinal);
    private readonly Queue<DateTimeOffset> _recentSends = new();
    private long _sequence;

    private WhatsAppCloudSandbox(WebApplication app, WhatsAppCloudSandboxOptions options, Uri baseUrl)
    {
        _app = app;
        _options = options;
        BaseUrl = baseUrl;
    }

    /// <summary>The Graph root, e.g. <c>http://127.0.0.1:54321/</c> (use as <c>WhatsAppClientOptions.BaseAddress</c>).</summary>
    public Uri BaseUrl { get; }

    /// <summary>The accepted token.</summary>
    public string AccessToken => _options.AccessToken;

    /// <summary>The phone number id served.</summary>
    public string PhoneNumberId => _options.PhoneNumberId;

    /// <summary>The app secret that signs the webhooks.</summary>
    public string AppSecret => _options.AppSecret;

    /// <summary>Every request received, in order.</summary>
    public IReadOnlyList<WhatsAppSandboxRequest> Requests
    {
        get { lock (_gate) return _requests.ToList(); }
    }

    /// <summary>Every message accepted, in order.</summary>
    public IReadOnlyList<WhatsAppSandboxMessage> Messages
    {
        get { lock (_gate) return _messages.ToList(); }
    }

    /// <summary>Every webhook delivered, in order.</summary>
    public IReadOnlyList<WhatsAppSandboxWebhook> Webhooks
    {
        get { lock (_gate) return _webhooks.ToList(); }
    }

    /// <summary>Inbound message ids the business marked as read.</summary>
    public IReadOnlyCollection<string> ReadMessageIds
    {
        get { lock (_gate) return _readIds.ToList(); }
    }

    /// <summary>How many statuses wait for <see cref="DeliverPendingStatusesAsync"/>.</summary>
    public int PendingStatusCount
    {
        get { lock (_gate) return _pendingStatuses.Count; }
    }

    /// <summary>Starts a sandbox.</summary>
    /// <param name="options">Settings; defaults when null.</param>
    /// <param name="cancellationToken">Cancels the start.</param>
    public static async Task<WhatsAppCloudSandbox> StartAsync(WhatsAppCloudSandboxOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new WhatsAppCloudSandboxOptions();
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        WhatsAppCloudSandbox? sandbox = null;
        app.Map("/{**path}", (HttpContext context) => sandbox!.HandleAsync(context));
        await app.StartAsync(cancellationToken).ConfigureAwait(false);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        sandbox = new WhatsAppCloudSandbox(app, options, new Uri(address.TrimEnd('/') + "/"));
        return sandbox;
    }

    /// <summary>Applies <paramref name="fault"/> to the next <paramref name="times"/> sends (<c>/messages</c>).</summary>
    /// <param name="fault">The fault.</param>
    /// <param name="times">How many sends it applies to.</param>
    public void InjectFault(WhatsAppSandboxFault fault, int times = 1)
    {
        ArgumentNullException.ThrowIfNull(fault);
        ArgumentOutOfRangeException.ThrowIfLessThan(times, 1);
        lock (_gate) for (var i = 0; i < times; i++) _faults.Add(fault);
    }

    /// <summary>Removes every pending fault.</summary>
    public void ClearFaults()
    {
        lock (_gate) _faults.Clear();
    }

    /// <summary>Forgets the logged requests, messages and webhooks (not the windows).</summary>
    public void ClearLog()
    {
        lock (_gate)
        {
            _requests.Clear();
            _messages.Clear();
            _webhooks.Clear();
        }
    }

    /// <summary>An uploaded media file, or null.</summary>
    /// <param name="mediaId">The media id.</param>
    public (string MimeType, string FileName, byte[] Bytes)? Media(string mediaId)
    {
        lock (_gate) return _media.TryGetValue(mediaId, out var m) ? m : null;
    }

    /// <summary>When <paramref name="waId"/> last wrote (opening the window), or null.</summary>
    /// <param name="waId">The wa_id.</param>
    public DateTimeOffset? LastInboundAt(string waId)
    {
        lock (_gate) return _lastInbound.TryGetValue(Canonical(waId), out var at) ? at : null;
    }

    // ------------------------------------------------------------ the customer

    /// <summary>The customer types <paramref name="text"/>: a signed <c>text</c> webhook is delivered; returns its wamid.</summary>
    /// <param name="from">The customer's phone or wa_id (an <see cref="WhatsAppCloudSandboxOptions.EightDigitAccounts"/> number is reported in its 8-digit form); null with <paramref name="userId"/> only.</param>
    /// <param name="text">What the customer typed.</param>
    /// <param name="profileName">The profile name reported.</param>
    /// <param name="userId">A business-scoped user id, reported as <c>user_id</c> (alone when <paramref name="from"/> is null).</param>
    /// <param name="cancellationToken">Cancels the delivery.</param>
    public Task<string> TypeAsCustomerAsync(string? from, string text, string? profileName = "Cliente Sandbox", string? userId = null, CancellationToken cancellationToken = default) =>
        InboundAsync(from, userId, profileName, "text", new JsonObject { ["body"] = text }, null, cancellationToken);

    /// <summary>The customer taps a template quick-reply button (<c>type: button</c>); returns the inbound wamid.</summary>
    /// <param name="from">The customer's phone or wa_id.</param>
    /// <param name="payload">The button's payload.</param>
    /// <param name="text">The button's label.</param>
    /// <param name="contextMessageId">The template message tapped, if known.</param>
    /// <param name="cancellationToken">Cancels the delivery.</param>
    public Task<string> TapTemplateButtonAsync(string from, string payload, string text, string? contextMessageId = null, CancellationToken cancellationToken = default) =>
        InboundAsync(from, null, "Cliente Sandbox", "button", new JsonObject { ["payload"] = payload, ["text"] = text }, contextMessageId, cancellationToken);

    /// <summary>The customer taps an interactive reply button (<c>interactive.button_reply</c>); returns the inbound wamid.</summary>
    /// <param name="from">The customer's phone or wa_id.</param>
    /// <param name="buttonId">The button id.</param>
    /// <param name="title">The button title.</param>
    /// <param name="contextMessageId">The message with the buttons, if known.</param>
    /// <param name="cancellationToken">Cancels the delivery.</param>
    public Task<string> ReplyButtonAsync(string from, string buttonId, string title, string? contextMessageId = null, CancellationToken cancellationToken = default) =>
        InboundAsync(from, null, "Cliente Sandbox", "interactive",
            new JsonObject { ["type"] = "button_reply", ["button_reply"] = new JsonObject { ["id"] = buttonId, ["title"] = title } }, contextMessageId, cancellationToken);

    /// <summary>The customer chooses a list row (<c>interactive.list_reply</c>); returns the inbound wamid.</summary>
    /// <param name="from">The customer's phone or wa_id.</param>
    /// <param name="rowId">The row id.</param>
    /// <param name="title">The row title.</param>
    /// <param name="description">The row description.</param>
    /// <param name="contextMessageId">The list message, if known.</param>
    /// <param name="cancellationToken">Cancels the delivery.</param>
    public Task<string> ChooseListRowAsync(string from, string rowId, string title, string? description = null, string? contextMessageId = null, CancellationToken cancellationToken = default)
    {
        var reply = new JsonObject { ["id"] = rowId, ["title"] = title };
        if (description is not null) reply["description"] = description;
        return InboundAsync(from, null, "Cliente Sandbox", "interactive", new JsonObject { ["type"] = "list_reply", ["list_reply"] = reply }, contextMessageId, cancellationToken);
    }

    private async Task<string> InboundAsync(string? from, string? userId, string? profileName, string type, JsonObject content, string? context, CancellationToken ct)
    {
        if (from is null && userId is null) throw new ArgumentException("A customer needs a phone (from) or a user id.");
        var waId = from is null ? null : Canonical(from);
        var now = _options.TimeProvider.GetUtcNow();
        string id;
        lock (_gate)
        {
            id = NewWamid();
            _inboundIds.Add(id);
            if (waId is not null) _lastInbound[waId] = now;
            if (userId is not null) _lastInbound[userId] = now;
        }
        var contact = new JsonObject { ["profile"] = new JsonObject { ["name"] = profileName } };
        if (waId is not null) contact["wa_id"] = waId;
        if (userId is not null) contact["user_id"] = userId;
        var message = new JsonObject();
        if (context is not null) message["context"] = new JsonObject { ["from"] = _options.DisplayPhoneNumber, ["id"] = context };
        if (waId is not null) message["from"] = waId;
        if (userId is not null) message["from_user_id"] = userId;
        message["id"] = id;
        message["timestamp"] = Unix(now);
        message["type"] = type;
        message[type] = content;
        var value = Value();
        value["contacts"] = new JsonArray(contact);
        value["messages"] = new JsonArray(message);
        await DeliverAsync(Envelope(value), ct).ConfigureAwait(false);
        return id;
    }

    // ------------------------------------------------------------ statuses and webhooks

    /// <summary>Delivers one status of <paramref name="messageId"/> now (<c>sent</c>, <c>delivered</c>, <c>read</c>, <c>failed</c>).</summary>
    /// <param name="messageId">An accepted message's wamid.</param>
    /// <param name="status">The status.</param>
    /// <param name="errorCode">For <c>failed</c>: the error code (131026 by default).</param>
    /// <param name="cancellationToken">Cancels the delivery.</param>
    public Task DeliverStatusAsync(string messageId, string status, int? errorCode = null, CancellationToken cancellationToken = default)
    {
        WhatsAppSandboxMessage message;
        lock (_gate) message = _messages.FirstOrDefault(m => m.Id == messageId) ?? throw new ArgumentException("No such accepted message.", nameof(messageId));
        var s = Status(message, status, status == "failed" ? errorCode ?? 131026 : null);
        var value = Value();
        value["statuses"] = new JsonArray(s);
        return DeliverAsync(Envelope(value), cancellationToken);
    }

    /// <summary>Delivers the queued statuses (sent/delivered, or failed) in one webhook; returns how many.</summary>
    /// <param name="cancellationToken">Cancels the delivery.</param>
    public async Task<int> DeliverPendingStatusesAsync(CancellationToken cancellationToken = default)
    {
        JsonObject[] pending;
        lock (_gate)
        {
            pending = _pendingStatuses.ToArray();
            _pendingStatuses.Clear();
        }
        if (pending.Length == 0) return 0;
        var value = Value();
        value["statuses"] = new JsonArray(pending.Cast<JsonNode>().ToArray());
        await DeliverAsync(Envelope(value), cancellationToken).ConfigureAwait(false);
        return pending.Length;
    }

    /// <summary>Delivers <paramref name="webhook"/> again, byte for byte (Meta redelivers when the endpoint did not answer 200 in time).</summary>
    /// <param name="webhook">A webhook from <see cref="Webhooks"/>.</param>
    /// <param name="cancellationToken">Cancels the delivery.</param>
    public Task RedeliverAsync(WhatsAppSandboxWebhook webhook, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(webhook);
        return SendWebhookAsync(webhook, cancellationToken);
    }

    /// <summary>Signs <paramref name="body"/> as the sandbox would (<c>sha256=</c> + lower-case hex HMAC-SHA256 with the app secret).</summary>
    /// <param name="body">The bytes.</param>
    public string Sign(ReadOnlySpan<byte> body) =>
        "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(_options.AppSecret), body));

    private Task DeliverAsync(JsonObject envelope, CancellationToken ct)
    {
        // Meta escapes non-ASCII characters (\u00e7) in the bytes it signs; the default encoder does the same.
        var bytes = JsonSerializer.SerializeToUtf8Bytes(envelope);
        return SendWebhookAsync(new WhatsAppSandboxWebhook(bytes, Sign(bytes)), ct);
    }

    private async Task SendWebhookAsync(WhatsAppSandboxWebhook webhook, CancellationToken ct)
    {
        lock (_gate) _webhooks.Add(webhook);
        if (_options.WebhookHandler is { } handler)
        {
            await handler(webhook, ct).ConfigureAwait(false);
            return;
        }
        if (_options.WebhookUrl is { } url)
        {
            using var content = new ByteArrayContent(webhook.Body);
            content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
            using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = content };
            request.Headers.TryAddWithoutValidation("X-Hub-Signature-256", webhook.Signature);
            using var response = await _webhookClient.SendAsync(request, ct).ConfigureAwait(false);
            if (!response.IsSuccessStatusCode)
                throw new InvalidOperationException($"The webhook endpoint answered HTTP {(int)response.StatusCode}; Meta would retry later.");
        }
    }

    private JsonObject Value() => new()
    {
        ["messaging_product"] = "whatsapp",
        ["metadata"] = new JsonObject { ["display_phone_number"] = _options.DisplayPhoneNumber, ["phone_number_id"] = _options.PhoneNumberId },
    };

    private JsonObject Envelope(JsonObject value) => new()
    {
        ["object"] = "whatsapp_business_account",
        ["entry"] = new JsonArray(new JsonObject
        {
            ["id"] = _options.BusinessAccountId,
            ["changes"] = new JsonArray(new JsonObject { ["value"] = value, ["field"] = "messages" }),
        }),
    };

    private JsonObject Status(WhatsAppSandboxMessage message, string status, int? errorCode)
    {
        var s = new JsonObject
        {
            ["id"] = message.Id,
            ["status"] = status,
            ["timestamp"] = Unix(_options.TimeProvider.GetUtcNow()),
        };
        if (message.WaId is not null) s["recipient_id"] = message.WaId;
        if (message.ClientReference is not null) s["biz_opaque_callback_data"] = message.ClientReference;
        if (errorCode is { } code)
        {
            var (title, detail) = code switch
            {
                131047 => ("Re-engagement message", "Message failed to send because more than 24 hours have passed since the customer last replied to this number."),
                131026 => ("Message undeliverable", "Unable to deliver message. The recipient may not be a WhatsApp user."),
                _ => ("Error", "Sandbox failure."),
            };
            s["errors"] = new JsonArray(new JsonObject
            {
                ["code"] = code, ["title"] = title, ["message"] = title,
                ["error_data"] = new JsonObject { ["details"] = detail },
                ["href"] = "https://developers.facebook.com/docs/whatsapp/cloud-api/support/error-codes/",
            });
        }
        else if (status is "sent" or "delivered")
        {
            var utility = message.Type == "template";
            s["pricing"] = new JsonObject { ["billable"] = utility, ["pricing_model"] = "PMP", ["category"] = utility ? "utility" : "service" };
        }
        return s;
    }

    // ------------------------------------------------------------ HTTP

    private async Task HandleAsync(HttpContext context)
    {
        var request = context.Request;
        string body;
        IFormCollection? form = null;
        if (request.HasFormContentType)
        {
            form = await request.ReadFormAsync(context.RequestAborted).ConfigureAwait(false);
            body = string.Join("&", form.Select(f => f.Key + "=" + f.Value)) + string.Concat(form.Files.Select(f => $"&file={f.FileName};{f.ContentType};{f.Length} bytes"));
        }
        else
        {
            using var reader = new StreamReader(request.Body, Encoding.UTF8);
            body = await reader.ReadToEndAsync(context.RequestAborted).ConfigureAwait(false);
        }
        var path = request.Path.Value ?? "/";
        var auth = request.Headers.Authorization.ToString();
        var (status, reply, abort) = Dispatch(request.Method, path, auth, request.ContentType, body, form);
        lock (_gate) _requests.Add(new WhatsAppSandboxRequest(request.Method, path, auth.Length == 0 ? null : auth, request.ContentType, body, abort ? 0 : status));
        if (abort)
        {
            context.Abort();
            return;
        }
        context.Response.StatusCode = status;
        if (reply is null) return;
        context.Response.ContentType = "application/json; charset=UTF-8";
        context.Response.Headers["facebook-api-version"] = path.Split('/', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault() ?? "";
        await context.Response.WriteAsync(reply.ToJsonString(), context.RequestAborted).ConfigureAwait(false);
    }

    private (int Status, JsonNode? Body, bool Abort) Dispatch(string method, string path, string auth, string? contentType, string body, IFormCollection? form)
    {
        var parts = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length != 3 || !VersionPattern().IsMatch(parts[0]))
            return (400, Error(2500, "Unknown path components: " + path, "OAuthException"), false);
        var isMessages = parts[2] == "messages";
        if (isMessages && HttpMethods.IsPost(method))
        {
            WhatsAppSandboxFault? fault = null;
            lock (_gate)
            {
                if (_faults.Count > 0)
                {
                    fault = _faults[0];
                    _faults.RemoveAt(0);
                }
            }
            switch (fault?.Kind)
            {
                case WhatsAppSandboxFaultKind.ConnectionReset:
                    return (0, null, true);
                case WhatsAppSandboxFaultKind.ServerError:
                    return (fault.StatusCode, null, false);
                case WhatsAppSandboxFaultKind.GraphError:
                    return (fault.StatusCode, Error(fault.ErrorCode, "Sandbox-injected error " + fault.ErrorCode.ToString(CultureInfo.InvariantCulture)), false);
            }
            var (status, reply) = Authorized(auth, parts[1]) ?? Send(body);
            return (status, reply, fault?.Kind == WhatsAppSandboxFaultKind.LostResponseAfterAccept && status == 200);
        }
        if (parts[2] == "media" && HttpMethods.IsPost(method))
        {
            var (status, reply) = Authorized(auth, parts[1]) ?? Upload(form);
            return (status, reply, false);
        }
        return (400, Error(100, $"Unsupported {method} request.", "GraphMethodException"), false);
    }

    private (int, JsonNode?)? Authorized(string auth, string phoneNumberId)
    {
        if (auth != "Bearer " + _options.AccessToken)
            return (401, Error(190, "Error validating access token: The session is invalid.", "OAuthException", subcode: 460));
        if (phoneNumberId != _options.PhoneNumberId)
            return (400, Error(100, $"Unsupported post request. Object with ID '{phoneNumberId}' does not exist, cannot be loaded due to missing permissions, or does not support this operation.", "GraphMethodException", subcode: 33));
        return null;
    }

    private (int, JsonNode?) Upload(IFormCollection? form)
    {
        if (form is null || form["messaging_product"] != "whatsapp") return (400, Error(100, "The parameter messaging_product is required."));
        var file = form.Files.GetFile("file");
        if (file is null || file.Length == 0) return (400, Error(100, "The parameter file is required."));
        using var ms = new MemoryStream();
        file.CopyTo(ms);
        var id = (4490709327384033L + Interlocked.Increment(ref _sequence)).ToString(CultureInfo.InvariantCulture);
        lock (_gate) _media[id] = (file.ContentType ?? form["type"].ToString(), file.FileName, ms.ToArray());
        return (200, new JsonObject { ["id"] = id });
    }

    private (int, JsonNode?) Send(string body)
    {
        JsonObject root;
        try
        {
            root = JsonNode.Parse(body) as JsonObject ?? throw new JsonException();
        }
        catch (JsonException)
        {
            return (400, Error(100, "Invalid JSON for postbody."));
        }
        if (Text(root, "messaging_product") != "whatsapp") return (400, Error(100, "The parameter messaging_product is required."));
        if (Text(root, "status") == "read")
        {
            var id = Text(root, "message_id");
            lock (_gate)
            {
                if (id is null || !_inboundIds.Contains(id)) return (400, Error(100, "Invalid parameter: message_id."));
                _readIds.Add(id);
            }
            return (200, new JsonObject { ["success"] = true });
        }
        var to = Text(root, "to");
        var bsuid = Text(root, "recipient");
        if (to is null && bsuid is null) return (400, Error(100, "The parameter to is required."));
        string? waId = null;
        if (to is not null)
        {
            var digits = to.TrimStart('+');
            if (digits.StartsWith("00", StringComparison.Ordinal) || digits.Length is < 8 or > 15 || !digits.All(char.IsAsciiDigit))
                return (400, Error(100, "Invalid parameter: to."));
            waId = Canonical(digits);
        }
        var type = Text(root, "type") ?? "text";
        if (Validate(root, type) is { } invalid) return invalid;

        var now = _options.TimeProvider.GetUtcNow();
        var key = waId ?? bsuid!;
        WhatsAppSandboxMessage accepted;
        int? failure = null;
        lock (_gate)
        {
            while (_recentSends.Count > 0 && now - _recentSends.Peek() >= TimeSpan.FromSeconds(1)) _recentSends.Dequeue();
            if (_recentSends.Count >= _options.ThroughputPerSecond)
                return (400, Error(130429, "Rate limit hit", details: "Cloud API message throughput has been reached."));
            if (_options.PairRateInterval > TimeSpan.Zero && _lastSendTo.TryGetValue(key, out var last) && now - last < _options.PairRateInterval)
                return (400, Error(131056, "(Business Account, Consumer Account) pair rate limit hit", details: "Too many messages sent from the sender phone number to the same recipient phone number in a short period of time."));
            _recentSends.Enqueue(now);
            _lastSendTo[key] = now;
            var template = root["template"] as JsonObject;
            accepted = new WhatsAppSandboxMessage(NewWamid(), waId, type, body, now, Text(root, "biz_opaque_callback_data"), template is null ? null : Text(template, "name"));
            _messages.Add(accepted);
            if (waId is not null && _options.UnreachableNumbers.Any(u => Canonical(u) == waId)) failure = 131026;
            else if (type != "template" && _options.EnforceServiceWindow && !WindowOpen(waId, bsuid, now)) failure = 131047;
        }
        lock (_gate)
        {
            if (failure is { } code) _pendingStatuses.Add(Status(accepted, "failed", code));
            else if (_options.QueueStatuses)
            {
                _pendingStatuses.Add(Status(accepted, "sent", null));
                _pendingStatuses.Add(Status(accepted, "delivered", null));
            }
        }
        var contact = new JsonObject { ["input"] = to ?? bsuid };
        if (waId is not null) contact["wa_id"] = waId;
        else contact["user_id"] = bsuid;
        return (200, new JsonObject
        {
            ["messaging_product"] = "whatsapp",
            ["contacts"] = new JsonArray(contact),
            ["messages"] = new JsonArray(new JsonObject { ["id"] = accepted.Id, ["message_status"] = "accepted" }),
        });
    }

    private bool WindowOpen(string? waId, string? bsuid, DateTimeOffset now)
    {
        foreach (var key in new[] { waId, bsuid })
        {
            if (key is not null && _lastInbound.TryGetValue(key, out var at) && now - at < TimeSpan.FromHours(24)) return true;
        }
        return false;
    }

    private (int, JsonNode?)? Validate(JsonObject root, string type)
    {
        switch (type)
        {
            case "text":
                var text = root["text"] as JsonObject;
                var body = text is null ? null : Text(text, "body");
                if (string.IsNullOrWhiteSpace(body)) return (400, Error(100, "The parameter text['body'] is required."));
                if (body.Length > 4096) return (400, Error(100, "Param text['body'] must be at most 4096 characters long."));
                return null;
            case "document":
            case "image":
                return ValidateMedia(root[type] as JsonObject, type);
            case "interactive":
                return ValidateInteractive(root["interactive"] as JsonObject);
            case "template":
                return ValidateTemplate(root["template"] as JsonObject);
            default:
                return (400, Error(131051, "Unsupported message type"));
        }
    }

    private (int, JsonNode?)? ValidateMedia(JsonObject? media, string type)
    {
        if (media is null) return (400, Error(100, $"The parameter {type} is required."));
        var link = Text(media, "link");
        var id = Text(media, "id");
        if ((link is null) == (id is null)) return (400, Error(100, $"Exactly one of {type}['link'] and {type}['id'] is required."));
        if (id is not null)
        {
            lock (_gate) if (!_media.ContainsKey(id)) return (400, Error(131053, "Media upload error", details: "The media id does not exist for this phone number."));
        }
        if (link is not null && !link.StartsWith("https://", StringComparison.Ordinal)) return (400, Error(131009, "Parameter value is not valid", details: "The link must be https."));
        return null;
    }

    private static (int, JsonNode?)? ValidateInteractive(JsonObject? i)
    {
        if (i is null) return (400, Error(100, "The parameter interactive is required."));
        var bodyText = i["body"] is JsonObject b ? Text(b, "text") : null;
        if (string.IsNullOrWhiteSpace(bodyText)) return (400, Error(131009, "Parameter value is not valid", details: "interactive['body']['text'] is required."));
        var action = i["action"] as JsonObject;
        switch (Text(i, "type"))
        {
            case "button":
                var buttons = action?["buttons"] as JsonArray;
                if (buttons is null || buttons.Count is < 1 or > 3) return (400, Error(131009, "Parameter value is not valid", details: "Buttons count must be between 1 and 3."));
                foreach (var button in buttons)
                {
                    var reply = button?["reply"] as JsonObject;
                    var title = reply is null ? null : Text(reply, "title");
                    if (reply is null || Text(reply, "id") is null || string.IsNullOrEmpty(title) || title.Length > 20)
                        return (400, Error(131009, "Parameter value is not valid", details: "Button title length invalid. Should be between 1 and 20 characters."));
                }
                return null;
            case "list":
                var sections = action?["sections"] as JsonArray;
                if (action is null || Text(action, "button") is not { Length: >= 1 and <= 20 }) return (400, Error(131009, "Parameter value is not valid", details: "action['button'] must be 1 to 20 characters."));
                if (sections is null || sections.Count is < 1 or > 10) return (400, Error(131009, "Parameter value is not valid", details: "Sections count must be between 1 and 10."));
                var rows = sections.Sum(s => (s?["rows"] as JsonArray)?.Count ?? 0);
                if (rows is < 1 or > 10) return (400, Error(131009, "Parameter value is not valid", details: "Total row count must be between 1 and 10."));
                return null;
            default:
                return (400, Error(131009, "Parameter value is not valid", details: "Unsupported interactive type."));
        }
    }

    private (int, JsonNode?)? ValidateTemplate(JsonObject? t)
    {
        if (t is null) return (400, Error(100, "The parameter template is required."));
        var name = Text(t, "name");
        var language = t["language"] is JsonObject l ? Text(l, "code") : null;
        var entry = _options.Templates.FirstOrDefault(x => x.Name == name && x.Language == language);
        if (entry is null || entry.Status is "PENDING" or "REJECTED")
            return (404, Error(132001, "Template name does not exist in the translation", details: $"template name ({name}) does not exist in {language}"));
        if (entry.Status == "PAUSED") return (400, Error(132015, "Template is Paused"));
        if (entry.Status == "DISABLED") return (400, Error(132016, "Template is disabled"));
        var components = t["components"] as JsonArray ?? [];
        JsonArray? Params(string type) => components.OfType<JsonObject>().FirstOrDefault(c => Text(c, "type") == type)?["parameters"] as JsonArray;
        var header = Params("header");
        var body = Params("body");
        var expectedHeader = entry.HeaderFormat is null ? 0 : 1;
        if ((header?.Count ?? 0) != expectedHeader || (body?.Count ?? 0) != entry.BodyParameterCount)
            return (400, Error(132000, "Number of parameters does not match the expected number of params",
                details: $"body: number of localizable_params ({body?.Count ?? 0}) does not match the expected number of params ({entry.BodyParameterCount})"));
        if (header is { Count: 1 })
        {
            var type = Text(header[0]!.AsObject(), "type");
            if (!string.Equals(type, entry.HeaderFormat, StringComparison.OrdinalIgnoreCase))
                return (400, Error(132012, "Parameter format does not match format in the created template", details: $"header: expected {entry.HeaderFormat}"));
        }
        foreach (var p in (header ?? []).Concat(body ?? []).OfType<JsonObject>())
        {
            if (CheckParameter(p) is { } problem) return (400, Error(132018, "There was an issue with the parameters in your template.", details: problem));
        }
        if (entry.BodyParameterNames is { } names && body is not null)
        {
            var given = body.OfType<JsonObject>().Select(p => Text(p, "parameter_name")).ToList();
            if (!given.Order(StringComparer.Ordinal).SequenceEqual(names.Order(StringComparer.Ordinal), StringComparer.Ordinal))
                return (400, Error(132000, "Number of parameters does not match the expected number of params", details: "named parameters do not match the template"));
        }
        foreach (var button in components.OfType<JsonObject>().Where(c => Text(c, "type") == "button"))
        {
            if (!int.TryParse(Text(button, "index"), NumberStyles.None, CultureInfo.InvariantCulture, out var index) || index >= entry.QuickReplyButtons)
                return (400, Error(131009, "Parameter value is not valid", details: "button index out of range"));
        }
        return null;
    }

    private static string? CheckParameter(JsonObject p)
    {
        switch (Text(p, "type"))
        {
            case "text":
                var text = Text(p, "text");
                if (string.IsNullOrEmpty(text)) return "Param text cannot be empty.";
                if (text.IndexOfAny(['\n', '\t']) >= 0 || text.Contains("     ", StringComparison.Ordinal))
                    return "Param text cannot have new-line/tab characters or more than 4 consecutive spaces.";
                return null;
            case "currency":
                var c = p["currency"] as JsonObject;
                if (c is null || Text(c, "fallback_value") is null || Text(c, "code") is not { Length: 3 } || c["amount_1000"] is not JsonValue v || !v.TryGetValue<long>(out _))
                    return "currency needs fallback_value, a 3-letter code and an integer amount_1000.";
                return null;
            case "date_time":
                return p["date_time"] is JsonObject d && Text(d, "fallback_value") is not null ? null : "date_time needs fallback_value.";
            case "image":
            case "document":
                return p[Text(p, "type")!] is JsonObject m && (Text(m, "link") is not null || Text(m, "id") is not null) ? null : "media parameter needs link or id.";
            default:
                return "Unsupported parameter type.";
        }
    }

    // ------------------------------------------------------------ helpers

    private string Canonical(string phoneOrWaId)
    {
        var d = new string(phoneOrWaId.Where(char.IsAsciiDigit).ToArray());
        foreach (var account in _options.EightDigitAccounts)
        {
            // 5531996883193 (9 digits after the DDD) reaches the account 553196883193.
            if (d == account || (d.Length == 13 && d.StartsWith("55", StringComparison.Ordinal) && d[4] == '9' && d[..4] + d[5..] == account)) return account;
        }
        return d;
    }

    private string NewWamid()
    {
        var n = Interlocked.Increment(ref _sequence);
        return "wamid." + Convert.ToBase64String(Encoding.ASCII.GetBytes($"HBgN{_options.PhoneNumberId}{n:D8}")).TrimEnd('=');
    }

    private static string Unix(DateTimeOffset at) => at.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);

    private static string? Text(JsonObject o, string name) => o[name] is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;

    private static JsonObject Error(int code, string message, string type = "OAuthException", int? subcode = null, string? details = null)
    {
        var error = new JsonObject { ["message"] = $"(#{code}) {message}", ["type"] = type, ["code"] = code };
        if (subcode is not null) error["error_subcode"] = subcode;
        error["error_data"] = new JsonObject { ["messaging_product"] = "whatsapp", ["details"] = details ?? message };
        error["fbtrace_id"] = "A" + RandomNumberGenerator.GetHexString(22);
        return new JsonObject { ["error"] = error };
    }

    [GeneratedRegex(@"^v\d{1,3}\.\d{1,2}$")]
    private static partial Regex VersionPattern();

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        _webhookClient.Dispose();
        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
    }
}
