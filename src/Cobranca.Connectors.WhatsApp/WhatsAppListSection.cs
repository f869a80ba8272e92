namespace Cobranca.Connectors.WhatsApp;

/// <summary>One section of a <see cref="WhatsAppListMessage"/>.</summary>
/// <param name="Title">The section title, ≤ 24 characters (required when the list has more than one section).</param>
/// <param name="Rows">Its rows (at least one).</param>
public sealed record WhatsAppListSection(string? Title, IReadOnlyList<WhatsAppListRow> Rows);
