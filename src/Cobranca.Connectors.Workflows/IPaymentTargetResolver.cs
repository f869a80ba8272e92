using Cobranca.Connectors.Abstractions;

namespace Cobranca.Connectors.Workflows;

/// <summary>
/// Host-supplied mapping from a payment's <see cref="PaymentReceived.Reference"/> (a Pix <c>txid</c>, a boleto
/// "nosso número") to the invoice it settles. Used by <see cref="PaymentToUnblock"/> when the payment carries no
/// <see cref="PaymentReceived.InvoiceId"/>. Typically a lookup in the table where the host stored the txid it created
/// for each invoice.
/// </summary>
public interface IPaymentTargetResolver
{
    /// <summary>Finds the invoice (and, ideally, the customer) a payment settles.</summary>
    /// <param name="payment">The payment.</param>
    /// <param name="cancellationToken">Cancels the lookup.</param>
    /// <returns>The target, or null when the reference is unknown.</returns>
    Task<PaymentTarget?> ResolveAsync(PaymentReceived payment, CancellationToken cancellationToken = default);
}
