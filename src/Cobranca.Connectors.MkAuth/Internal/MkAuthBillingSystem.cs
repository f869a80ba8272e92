using Cobranca.Connectors.Abstractions;

namespace Cobranca.Connectors.MkAuth.Internal;

/// <summary>
/// <see cref="MkAuthClient"/> as the common <see cref="IBillingSystem"/>. <see cref="Info"/> reflects what was detected
/// (Pix, boleto page, trust unlock); before the first call it lists only what every MK-Auth version offers.
/// </summary>
internal sealed class MkAuthBillingSystem(MkAuthClient client) : IBillingSystem
{
    public BillingSystemInfo Info => new(MkAuthClient.ProviderName, client.BillingCapabilities);

    public async Task<IReadOnlyList<Customer>> FindCustomersAsync(CustomerLookup lookup, CancellationToken cancellationToken = default)
    {
        await client.DetectAsync(cancellationToken).ConfigureAwait(false);
        return await client.FindCustomersAsync(lookup, cancellationToken).ConfigureAwait(false);
    }

    public async Task<DebtStatus> GetDebtStatusAsync(string customerId, CancellationToken cancellationToken = default)
    {
        await client.DetectAsync(cancellationToken).ConfigureAwait(false);
        return await client.GetDebtStatusAsync(customerId, cancellationToken).ConfigureAwait(false);
    }

    public IAsyncEnumerable<Invoice> ListOpenInvoicesAsync(InvoiceQuery query, CancellationToken cancellationToken = default) =>
        client.ListOpenInvoicesAsync(query, cancellationToken);

    public IAsyncEnumerable<Contract> ListContractsAsync(ContractQuery query, CancellationToken cancellationToken = default) =>
        client.ListContractsAsync(query, cancellationToken);

    public Task<PaymentSlip> GetPaymentSlipAsync(string invoiceId, CancellationToken cancellationToken = default) =>
        client.GetPaymentSlipAsync(invoiceId, cancellationToken);

    public Task<TrustUnlockResult> RequestTrustUnlockAsync(string contractId, CancellationToken cancellationToken = default) =>
        client.RequestTrustUnlockAsync(contractId, cancellationToken);
}
