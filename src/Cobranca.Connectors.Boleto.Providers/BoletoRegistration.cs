namespace Cobranca.Connectors.Boleto.Providers;

/// <summary>The boleto of an invoice, as <see cref="BoletoRegistrar"/> recorded it.</summary>
/// <param name="InvoiceId">The billing system's invoice id.</param>
/// <param name="Reference">The deterministic reference (<see cref="BoletoReference.ForInvoice"/>).</param>
/// <param name="Boleto">The boleto as the bank reports it now.</param>
/// <param name="Outcome">Created now, already there, or recovered after a lost answer.</param>
public sealed record BoletoRegistration(string InvoiceId, string Reference, BoletoRecord Boleto, BoletoRegistrationOutcome Outcome);
