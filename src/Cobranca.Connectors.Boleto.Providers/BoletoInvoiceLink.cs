namespace Cobranca.Connectors.Boleto.Providers;

/// <summary>What the registrar knows about one reference: which invoice (and customer) its boleto settles.</summary>
/// <param name="Reference">The reference.</param>
/// <param name="InvoiceId">The invoice.</param>
/// <param name="CustomerId">The customer, when the host gave it at registration.</param>
/// <param name="ProviderId">The bank's id, once known (null while a create's answer is unknown).</param>
public sealed record BoletoInvoiceLink(string Reference, string InvoiceId, string? CustomerId, string? ProviderId);
