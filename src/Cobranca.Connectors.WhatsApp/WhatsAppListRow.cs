namespace Cobranca.Connectors.WhatsApp;

/// <summary>One row of a <see cref="WhatsAppListSection"/>.</summary>
/// <param name="Id">What comes back in the reply (<c>list_reply.id</c>), ≤ 200 characters, unique in the message.</param>
/// <param name="Title">The row title, ≤ 24 characters.</param>
/// <param name="Description">An optional description, ≤ 72 characters.</param>
public sealed record WhatsAppListRow(string Id, string Title, string? Description = null);
