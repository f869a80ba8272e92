namespace Cobranca.Connectors.WhatsApp;

/// <summary>One reply button of a <see cref="WhatsAppButtonsMessage"/>.</summary>
/// <param name="Id">What comes back in the reply (<c>button_reply.id</c>), ≤ 256 characters, unique in the message.</param>
/// <param name="Title">The label, ≤ 20 characters.</param>
public sealed record WhatsAppReplyButton(string Id, string Title);
