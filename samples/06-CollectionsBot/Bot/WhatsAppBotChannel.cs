using Cobranca.Connectors.WhatsApp;

namespace CollectionsBot.Bot;

/// <summary>
/// The bot's messages on the WhatsApp Cloud API: text, reply buttons, lists, the QR code PNG uploaded as media and
/// sent as an image, the boleto as a document (by link, or uploaded). The client refuses free-form messages outside
/// the 24-hour window with <see cref="WhatsAppServiceWindowClosedException"/> (no API call is spent); inside a
/// conversation the customer has just written, so the window is open. A <see cref="BotNotice"/> (the payment notice)
/// goes as text when the window is open and as its approved template when it is closed. A notice accepted as text is
/// recorded in <paramref name="fallbacks"/> (when given), so a later 131047 status webhook sends the template.
/// </summary>
public sealed class WhatsAppBotChannel(IWhatsAppClient client, NoticeFallbacks? fallbacks = null) : IBotChannel
{
    /// <inheritdoc />
    public async Task<string?> SendAsync(string to, BotMessage message, CancellationToken cancellationToken = default)
    {
        var user = WhatsAppUser.IsBusinessScopedUserId(to) ? WhatsAppUser.FromUserId(to) : WhatsAppUser.FromWaId(to);
        if (message is BotNotice notice) return await SendNoticeAsync(user, notice, cancellationToken);
        WhatsAppMessage outbound = message switch
        {
            BotText t => new WhatsAppTextMessage { To = user, Body = t.Body },
            BotButtons b => new WhatsAppButtonsMessage
            {
                To = user, Body = b.Body, Buttons = [.. b.Buttons.Select(x => new WhatsAppReplyButton(x.Id, x.Title))],
            },
            BotList l => new WhatsAppListMessage
            {
                To = user, Body = l.Body, ButtonText = l.ButtonLabel,
                Sections = [new WhatsAppListSection(null, [.. l.Rows.Select(r => new WhatsAppListRow(r.Id, r.Title, r.Description))])],
            },
            BotImage i => new WhatsAppImageMessage { To = user, MediaId = await UploadAsync(i.Content, i.ContentType, "pix-qrcode.png", cancellationToken), Caption = i.Caption },
            BotDocument { Link: { } link } d => new WhatsAppDocumentMessage { To = user, Link = link, FileName = d.FileName, Caption = d.Caption },
            BotDocument d => new WhatsAppDocumentMessage
            {
                To = user, MediaId = await UploadAsync(d.Content ?? [], "application/pdf", d.FileName, cancellationToken), FileName = d.FileName, Caption = d.Caption,
            },
            _ => throw new ArgumentException($"Unknown message kind {message.GetType().Name}.", nameof(message)),
        };
        var result = await client.SendAsync(outbound, cancellationToken);
        return result.MessageId;
    }

    private async Task<string?> SendNoticeAsync(WhatsAppUser user, BotNotice notice, CancellationToken cancellationToken)
    {
        try
        {
            // The client checks the window it keeps in the state store and refuses before any API call when it is
            // closed; Meta's own refusal (131047 in the answer) comes as the same exception. Either way nothing was sent.
            var id = (await client.SendAsync(new WhatsAppTextMessage { To = user, Body = notice.Body }, cancellationToken)).MessageId;
            // Accepted is not delivered: Meta may still fail it with 131047 in a status webhook (its clock decides).
            if (fallbacks is not null && id is not null) await fallbacks.TryRecordAsync(id, notice.Fallback, CancellationToken.None);
            return id;
        }
        catch (WhatsAppServiceWindowClosedException)
        {
            var template = new WhatsAppTemplateMessage
            {
                To = user, Name = notice.Fallback.Name, LanguageCode = notice.Fallback.LanguageCode, BodyParameters = notice.Fallback.BodyParameters,
            };
            return (await client.SendAsync(template, cancellationToken)).MessageId;
        }
    }

    private async Task<string> UploadAsync(byte[] content, string mimeType, string fileName, CancellationToken cancellationToken)
    {
        using var stream = new MemoryStream(content, writable: false);
        return await client.UploadMediaAsync(stream, mimeType, fileName, cancellationToken);
    }

    /// <summary>Maps a parsed inbound WhatsApp message onto the engine's input; null for kinds the bot ignores.</summary>
    public static BotInbound? ToInbound(WhatsAppInboundMessage m) => m.Kind switch
    {
        WhatsAppInboundKind.Text => new BotInbound(m.From.Key, m.MessageId, m.Timestamp, m.Text),
        WhatsAppInboundKind.ButtonReply or WhatsAppInboundKind.ListReply or WhatsAppInboundKind.TemplateButton =>
            new BotInbound(m.From.Key, m.MessageId, m.Timestamp, m.ReplyTitle ?? m.Text, m.ReplyId),
        WhatsAppInboundKind.Media => new BotInbound(m.From.Key, m.MessageId, m.Timestamp, ""),
        _ => null,
    };
}
