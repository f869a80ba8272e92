using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Cobranca.Connectors.Abstractions;
using Cobranca.Connectors.Workflows;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Cobranca.Connectors.WhatsApp;

/// <summary>
/// The dunning runner's channel on WhatsApp: each <see cref="DunningNotification"/> becomes the approved template its
/// <see cref="DunningNotification.TemplateKey"/> maps to (<see cref="WhatsAppNotificationOptions.Templates"/>), sent to
/// the customer's mobile from the billing system. Every notification is sent at most once per
/// <see cref="DunningNotification.IdempotencyKey"/> (kept in the <c>whatsapp.notification</c> state collection): a
/// re-send after a crash finds it and does not message the customer again; a send whose answer was lost is resolved by
/// its status webhook, and only re-sent after <see cref="WhatsAppNotificationOptions.UnconfirmedResendAfter"/> without news.
/// </summary>
public sealed class WhatsAppNotificationSender : INotificationSender
{
    /// <summary>The state collection of sent notifications.</summary>
    public const string StateCollection = "whatsapp.notification";

    private readonly IWhatsAppClient _client;
    private readonly IBillingSystem _billing;
    private readonly WhatsAppNotificationOptions _options;
    private readonly IStateStore _sent;
    private readonly ILogger _logger;
    private readonly TimeProvider _time;

    /// <summary>Creates the sender.</summary>
    /// <param name="client">The WhatsApp number.</param>
    /// <param name="billingSystem">Where the customer's mobile is read (<c>FindCustomersAsync(ById)</c>).</param>
    /// <param name="options">The template mapping (validated).</param>
    /// <param name="sentStore">The <c>whatsapp.notification</c> collection (durable in production: <c>ledgerStore.GetStateStore(tenant, WhatsAppNotificationSender.StateCollection)</c>).</param>
    /// <param name="loggerFactory">Logging; none by default.</param>
    /// <param name="timeProvider">The clock; the system clock by default.</param>
    /// <exception cref="ArgumentException">Invalid options.</exception>
    public WhatsAppNotificationSender(IWhatsAppClient client, IBillingSystem billingSystem, WhatsAppNotificationOptions options, IStateStore sentStore,
        ILoggerFactory? loggerFactory = null, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(billingSystem);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(sentStore);
        ConnectorOptionsValidation.ThrowIfInvalid(nameof(WhatsAppNotificationOptions), options.Validate());
        _client = client;
        _billing = billingSystem;
        _options = options;
        _sent = sentStore;
        _logger = loggerFactory?.CreateLogger<WhatsAppNotificationSender>() ?? (ILogger)NullLogger.Instance;
        _time = timeProvider ?? TimeProvider.System;
    }

    /// <inheritdoc />
    public async Task SendAsync(DunningNotification notification, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(notification);
        if (!_options.Templates.TryGetValue(notification.TemplateKey, out var mapping))
            throw new InvalidOperationException($"No WhatsApp template is mapped to the dunning template key '{notification.TemplateKey}' (WhatsAppNotificationOptions.Templates).");

        var key = StateKey(notification.IdempotencyKey);
        var existing = await _sent.GetAsync(key, cancellationToken).ConfigureAwait(false);
        var record = existing is null ? null : JsonSerializer.Deserialize(existing.Value, SenderJson.Default.SentRecord);
        if (record is not null)
        {
            if (record.MessageId is not null) return; // sent before: never twice
            var state = await _client.GetMessageStateAsync(record.ClientReference, cancellationToken).ConfigureAwait(false);
            if (state is { MessageId: { } wamid, Status: not WhatsAppMessageStatus.Failed })
            {
                await _sent.SetAsync(key, Serialize(record with { MessageId = wamid }), cancellationToken).ConfigureAwait(false);
                return; // the unconfirmed send did reach Meta
            }
            if (state is not { Status: WhatsAppMessageStatus.Failed } && _time.GetUtcNow() - record.At < _options.UnconfirmedResendAfter)
                throw new WhatsAppSendUnconfirmedException(
                    "An earlier send of this notification is unconfirmed and no status webhook has resolved it yet; not sending it again before "
                    + (record.At + _options.UnconfirmedResendAfter).ToString("u", System.Globalization.CultureInfo.InvariantCulture) + ".",
                    record.ClientReference, null);
            Log.Resending(_logger, notification.TemplateKey, state?.Status?.ToString() ?? "no news");
        }

        var customers = await _billing.FindCustomersAsync(CustomerLookup.ById(notification.CustomerId), cancellationToken).ConfigureAwait(false);
        var customer = customers.FirstOrDefault() ?? throw new InvalidOperationException($"Customer {notification.CustomerId} was not found in the billing system.");
        var phone = customer.Phones.FirstOrDefault(p => p.IsMobile);
        if (phone == default) throw new InvalidOperationException($"Customer {notification.CustomerId} has no mobile phone for WhatsApp.");

        var message = new WhatsAppTemplateMessage
        {
            To = WhatsAppUser.FromPhone(phone.E164),
            Name = mapping.Name!,
            LanguageCode = mapping.LanguageCode,
            HeaderParameters = mapping.HeaderParameters.Select(p => WhatsAppNotificationValues.Parameter(p, notification, customer)).ToList(),
            BodyParameters = mapping.BodyParameters.Select(p => WhatsAppNotificationValues.Parameter(p, notification, customer)).ToList(),
            Buttons = mapping.QuickReplyPayloads.Select((p, i) => WhatsAppTemplateButton.QuickReply(i, WhatsAppNotificationValues.Payload(p, notification))).ToList(),
            ClientReference = "dun-" + Guid.NewGuid().ToString("N"),
        };
        var pending = new SentRecord(1, message.ClientReference!, null, _time.GetUtcNow());
        if (existing is null)
        {
            if (!await _sent.TryAddAsync(key, Serialize(pending), cancellationToken).ConfigureAwait(false))
                throw new WhatsAppSendUnconfirmedException("Another worker is sending this notification right now; not sending it twice.", pending.ClientReference, null);
        }
        else if (await _sent.TryUpdateAsync(key, Serialize(pending), existing.Version, cancellationToken).ConfigureAwait(false) is null)
        {
            throw new WhatsAppSendUnconfirmedException("Another worker is sending this notification right now; not sending it twice.", pending.ClientReference, null);
        }

        WhatsAppSendResult result;
        try
        {
            result = await _client.SendAsync(message, cancellationToken).ConfigureAwait(false);
        }
        catch (WhatsAppSendUnconfirmedException)
        {
            throw; // the pending record stays: the status webhook or the resend delay decides
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            await _sent.RemoveAsync(key, CancellationToken.None).ConfigureAwait(false); // refused: nothing was sent, the next run may try again
            throw;
        }
        catch (OperationCanceledException)
        {
            throw; // cancelled mid-send: may or may not have been accepted; the pending record keeps it from being sent twice
        }
        try
        {
            await _sent.SetAsync(key, Serialize(pending with { MessageId = result.MessageId }), CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception stateError)
        {
            // Sent: not reported as failed. The pending record and the message state settle it on the next run.
            Log.StateWriteFailed(_logger, result.MessageId, stateError.GetType().Name);
        }
    }

    private static string StateKey(string idempotencyKey) =>
        idempotencyKey.Length <= 150 ? "n:" + idempotencyKey
            : "h:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(idempotencyKey)));

    private static string Serialize(SentRecord record) => JsonSerializer.Serialize(record, SenderJson.Default.SentRecord);
}

internal sealed record SentRecord(
    [property: JsonPropertyName("v")] int V,
    [property: JsonPropertyName("ref")] string ClientReference,
    [property: JsonPropertyName("id")] string? MessageId,
    [property: JsonPropertyName("at")] DateTimeOffset At);

[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(SentRecord))]
internal sealed partial class SenderJson : JsonSerializerContext;
