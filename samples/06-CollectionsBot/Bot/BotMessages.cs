using Cobranca.Connectors.WhatsApp;

namespace CollectionsBot.Bot;

/// <summary>What a customer sent: a typed text, or the id of a button or list row they tapped.</summary>
/// <param name="From">The WhatsApp id (<c>wa_id</c>) as the webhook gives it, e.g. <c>557981112233</c> (no ninth digit).</param>
/// <param name="MessageId">The inbound message id (<c>wamid</c>); the dedupe key.</param>
/// <param name="Timestamp">When the customer sent it.</param>
/// <param name="Text">A typed text, or the title of the tapped choice.</param>
/// <param name="ChoiceId">The id of a tapped reply button or list row, when it was one.</param>
public sealed record BotInbound(string From, string MessageId, DateTimeOffset Timestamp, string? Text, string? ChoiceId = null);

/// <summary>One outbound message; the channel maps each kind onto its transport (WhatsApp Cloud API, the console).</summary>
public abstract record BotMessage;

/// <summary>Free text. The Pix copia-e-cola always travels alone in one of these, so a long press copies exactly it.</summary>
public sealed record BotText(string Body) : BotMessage;

/// <summary>Up to three reply buttons (WhatsApp: title up to 20 characters).</summary>
public sealed record BotButtons(string Body, IReadOnlyList<BotChoice> Buttons) : BotMessage;

/// <summary>An interactive list (WhatsApp: up to 10 rows, title up to 24 characters).</summary>
public sealed record BotList(string Body, string ButtonLabel, IReadOnlyList<BotChoice> Rows) : BotMessage;

/// <summary>An image uploaded as media (the Pix QR code PNG).</summary>
public sealed record BotImage(byte[] Content, string ContentType, string Caption) : BotMessage;

/// <summary>A document: by link (the ERP's boleto URL) or uploaded bytes (a PDF the ERP returned).</summary>
public sealed record BotDocument(Uri? Link, byte[]? Content, string FileName, string Caption) : BotMessage;

/// <summary>
/// A notice the customer must get even days after their last message: <see cref="Body"/> as free text while the
/// 24-hour customer-service window is open, otherwise (or when the send is refused for that reason) the approved
/// template <see cref="Fallback"/>. Exactly one of the two is sent.
/// </summary>
public sealed record BotNotice(string Body, BotTemplate Fallback) : BotMessage;

/// <summary>An approved UTILITY template: its name, language and body parameters in order (no CPF/CNPJ, phones or Pix keys).</summary>
public sealed record BotTemplate(string Name, string LanguageCode, IReadOnlyList<WhatsAppTemplateParameter> BodyParameters);

/// <summary>A button or list row.</summary>
public sealed record BotChoice(string Id, string Title, string? Description = null);

/// <summary>Where the bot's messages go. Implementations: the WhatsApp Cloud API client, a recorder for tests.</summary>
public interface IBotChannel
{
    /// <summary>Sends one message to a WhatsApp id; returns the provider's message id when it has one.</summary>
    Task<string?> SendAsync(string to, BotMessage message, CancellationToken cancellationToken = default);
}
