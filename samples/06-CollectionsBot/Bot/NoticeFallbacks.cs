using System.Text.Json;
using Cobranca.Connectors.Abstractions;
using Cobranca.Connectors.WhatsApp;
using Microsoft.Extensions.Logging.Abstractions;

namespace CollectionsBot.Bot;

/// <summary>What <see cref="NoticeFallbacks.HandleStatusAsync"/> did with one status webhook.</summary>
public enum NoticeStatusOutcome
{
    /// <summary>Not a notice the bot sent as free text (or already cleared): nothing to do.</summary>
    NotANotice,
    /// <summary>Delivered or read: the text reached the customer; the record is removed.</summary>
    Cleared,
    /// <summary>Failed for another reason than 131047: logged, no template (it would fail the same way or worse).</summary>
    FailedOtherReason,
    /// <summary>Failed with 131047: the approved template was sent.</summary>
    TemplateSent,
    /// <summary>Failed with 131047, but the template was already claimed (redelivered webhook, another worker).</summary>
    AlreadyHandled,
    /// <summary>Other statuses (sent, a later status without news).</summary>
    Ignored,
}

/// <summary>
/// Closes the gap between "Meta accepted the free text" and "the customer got it": Meta may accept a notice's text
/// (a wamid comes back) and only later report it <c>failed</c> with 131047 (its clock says the 24-hour window is
/// closed). The channel records each notice sent as text (wamid → the template fallback) in the <c>bot.notice</c>
/// collection; a 131047 failure of that wamid sends the template once (insert-if-absent claim), and marks it done.
/// The record holds the template's name, language and parameters only: the recipient comes from the status webhook.
/// </summary>
public sealed class NoticeFallbacks(BotStores stores, IWhatsAppClient client, ILogger? logger = null)
{
    /// <summary>Meta's re-engagement error: more than 24 hours since the customer's last message.</summary>
    public const int ReEngagementErrorCode = 131047;

    private const string ClaimPrefix = "claim:";
    private readonly ILogger _logger = logger ?? NullLogger.Instance;

    /// <summary>Records that the notice went out as free text with <paramref name="messageId"/>.</summary>
    public Task RecordAsync(string messageId, BotTemplate fallback, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(messageId);
        ArgumentNullException.ThrowIfNull(fallback);
        var record = new NoticeRecord(1, fallback.Name, fallback.LanguageCode, [.. fallback.BodyParameters.Select(StoredParameter.From)]);
        return stores.Notices.SetAsync(messageId, JsonSerializer.Serialize(record, Conversation.Json), cancellationToken);
    }

    /// <summary>
    /// <see cref="RecordAsync"/> for a text that was already accepted: a store failure must not turn a sent notice into
    /// a reported failure, so it is logged (the 131047 fallback is then not available for this notice) and false returned.
    /// </summary>
    public async Task<bool> TryRecordAsync(string messageId, BotTemplate fallback, CancellationToken cancellationToken = default)
    {
        try
        {
            await RecordAsync(messageId, fallback, cancellationToken);
            return true;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            _logger.LogError(ex, "Could not record the payment notice {MessageId}; a later 131047 failure will not send its template.", messageId);
            return false;
        }
    }

    /// <summary>The template fallback recorded for <paramref name="messageId"/>, or null.</summary>
    public async Task<BotTemplate?> GetAsync(string messageId, CancellationToken cancellationToken = default)
    {
        var entry = await stores.Notices.GetAsync(messageId, cancellationToken);
        return entry is null ? null : JsonSerializer.Deserialize<NoticeRecord>(entry.Value, Conversation.Json)!.ToTemplate();
    }

    /// <summary>Reacts to one (new) status update of an outbound message.</summary>
    public async Task<NoticeStatusOutcome> HandleStatusAsync(WhatsAppStatusUpdate status, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(status);
        var entry = await stores.Notices.GetAsync(status.MessageId, cancellationToken);
        if (entry is null) return NoticeStatusOutcome.NotANotice;
        var record = JsonSerializer.Deserialize<NoticeRecord>(entry.Value, Conversation.Json)!;
        if (record.Done) return NoticeStatusOutcome.AlreadyHandled;

        switch (status.Status)
        {
            case WhatsAppMessageStatus.Delivered or WhatsAppMessageStatus.Read:
                // The text arrived; a failed status cannot follow a delivered one for the same device.
                await stores.Notices.RemoveAsync(status.MessageId, cancellationToken);
                return NoticeStatusOutcome.Cleared;
            case WhatsAppMessageStatus.Failed when status.Errors.Any(e => e.Code == ReEngagementErrorCode):
                break;
            case WhatsAppMessageStatus.Failed:
                _logger.LogWarning("The payment notice {MessageId} failed with {Codes}; no template is sent for this error.",
                    status.MessageId, string.Join(",", status.Errors.Select(e => e.Code)));
                return NoticeStatusOutcome.FailedOtherReason;
            default:
                return NoticeStatusOutcome.Ignored;
        }

        if (status.Recipient is not { } recipient)
        {
            _logger.LogError("The payment notice {MessageId} failed with 131047 but the status has no recipient; the template was not sent.", status.MessageId);
            return NoticeStatusOutcome.FailedOtherReason;
        }
        // Exactly once: a redelivered status webhook or a second worker loses this insert-if-absent.
        if (!await stores.Notices.TryAddAsync(ClaimPrefix + status.MessageId, "{}", cancellationToken)) return NoticeStatusOutcome.AlreadyHandled;
        string? templateId;
        try
        {
            var template = record.ToTemplate();
            templateId = (await client.SendAsync(new WhatsAppTemplateMessage
            {
                To = recipient, Name = template.Name, LanguageCode = template.LanguageCode, BodyParameters = template.BodyParameters,
            }, cancellationToken)).MessageId;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // Nothing was sent (the client throws only on a refused send): release the claim so a retry may send it.
            await stores.Notices.RemoveAsync(ClaimPrefix + status.MessageId, CancellationToken.None);
            throw;
        }
        await stores.Notices.SetAsync(status.MessageId, JsonSerializer.Serialize(record with { Done = true, TemplateMessageId = templateId }, Conversation.Json), cancellationToken);
        _logger.LogInformation("The payment notice {MessageId} failed with 131047 (window closed); sent template {Template} as {TemplateMessageId}.",
            status.MessageId, record.Name, templateId);
        return NoticeStatusOutcome.TemplateSent;
    }

    private sealed record NoticeRecord(int Shape, string Name, string LanguageCode, IReadOnlyList<StoredParameter> Parameters)
    {
        public bool Done { get; init; }

        public string? TemplateMessageId { get; init; }

        public BotTemplate ToTemplate() => new(Name, LanguageCode, [.. Parameters.Select(p => p.ToParameter())]);
    }

    private sealed record StoredParameter(
        WhatsAppTemplateParameterKind Kind, string? Name, string? Value, decimal? Amount, string? CurrencyCode, Uri? Link, string? MediaId, string? FileName)
    {
        public static StoredParameter From(WhatsAppTemplateParameter p) =>
            new(p.Kind, p.Name, p.Value, p.Amount, p.CurrencyCode, p.Link, p.MediaId, p.FileName);

        public WhatsAppTemplateParameter ToParameter() => Kind switch
        {
            WhatsAppTemplateParameterKind.Text => WhatsAppTemplateParameter.Text(Value ?? "", Name),
            WhatsAppTemplateParameterKind.Currency => WhatsAppTemplateParameter.Currency(Amount ?? 0m, CurrencyCode ?? "BRL", Value, Name),
            // The date parameter travels as its fallback text only, so the date itself does not matter here.
            WhatsAppTemplateParameterKind.DateTime => WhatsAppTemplateParameter.Date(DateOnly.MinValue, Value, Name),
            WhatsAppTemplateParameterKind.Image => WhatsAppTemplateParameter.Image(Link, MediaId),
            WhatsAppTemplateParameterKind.Document => WhatsAppTemplateParameter.Document(Link, MediaId, FileName),
            _ => throw new InvalidOperationException($"Unknown template parameter kind {Kind}."),
        };
    }
}
