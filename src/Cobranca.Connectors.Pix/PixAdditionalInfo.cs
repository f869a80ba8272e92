namespace Cobranca.Connectors.Pix;

/// <summary>One <c>infoAdicionais</c> item shown to the payer (name up to 50, value up to 200 characters).</summary>
/// <param name="Name">Label.</param>
/// <param name="Value">Text.</param>
public sealed record PixAdditionalInfo(string Name, string Value);
