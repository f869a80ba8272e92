namespace Cobranca.Connectors.Testing.WhatsApp;

/// <summary>A message the <see cref="WhatsAppCloudSandbox"/> accepted.</summary>
/// <param name="Id">Its wamid.</param>
/// <param name="WaId">The recipient's wa_id (after the ninth-digit mapping), or null for a BSUID recipient.</param>
/// <param name="Type">The <c>type</c> (<c>text</c>, <c>template</c> ...).</param>
/// <param name="Body">The exact request body.</param>
/// <param name="AcceptedAt">When it was accepted (the sandbox's clock).</param>
/// <param name="ClientReference">The <c>biz_opaque_callback_data</c>, if any.</param>
/// <param name="TemplateName">The template name, for templates.</param>
public sealed record WhatsAppSandboxMessage(string Id, string? WaId, string Type, string Body, DateTimeOffset AcceptedAt, string? ClientReference, string? TemplateName);
