namespace Cobranca.Connectors.Workflows;

/// <summary>What a payment settles, as the host's <see cref="IPaymentTargetResolver"/> knows it.</summary>
/// <param name="InvoiceId">The billing system's invoice id.</param>
/// <param name="CustomerId">The billing system's customer id, when known (saves a scan of the open invoices).</param>
public sealed record PaymentTarget(string InvoiceId, string? CustomerId = null);
