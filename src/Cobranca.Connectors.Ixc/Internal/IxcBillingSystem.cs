using Cobranca.Connectors.Abstractions;

namespace Cobranca.Connectors.Ixc.Internal;

/// <summary>
/// <see cref="IxcClient"/> as the common <see cref="IBillingSystem"/>. <see cref="Info"/> drops
/// <see cref="BillingCapabilities.FindByLogin"/> while IXC refuses <c>radusuarios</c> to this user
/// (<see cref="IxcClient.RadiusUsersAvailable"/>).
/// </summary>
internal sealed class IxcBillingSystem(IxcClient client) : IBillingSystem
{
    private static readonly BillingSystemInfo Full = new(IxcClient.ProviderName,
        BillingCapabilities.FindByDocument | BillingCapabilities.FindByPhone | BillingCapabilities.FindById | BillingCapabilities.FindByLogin
        | BillingCapabilities.DebtStatus | BillingCapabilities.ListOpenInvoices | BillingCapabilities.BoletoLine
        | BillingCapabilities.PixCopyPaste | BillingCapabilities.BoletoPdf | BillingCapabilities.TrustUnlock
        | BillingCapabilities.ListContracts);

    private static readonly BillingSystemInfo WithoutLogins = Full with { Capabilities = Full.Capabilities & ~BillingCapabilities.FindByLogin };

    public BillingSystemInfo Info => client.RadiusUsersAvailable ? Full : WithoutLogins;

    public Task<IReadOnlyList<Customer>> FindCustomersAsync(CustomerLookup lookup, CancellationToken cancellationToken = default) =>
        client.FindCustomersAsync(lookup, cancellationToken);

    public Task<DebtStatus> GetDebtStatusAsync(string customerId, CancellationToken cancellationToken = default) =>
        client.GetDebtStatusAsync(customerId, cancellationToken);

    public IAsyncEnumerable<Invoice> ListOpenInvoicesAsync(InvoiceQuery query, CancellationToken cancellationToken = default) =>
        client.ListOpenInvoicesAsync(query, cancellationToken);

    public IAsyncEnumerable<Contract> ListContractsAsync(ContractQuery query, CancellationToken cancellationToken = default) =>
        client.ListContractsAsync(query, cancellationToken);

    public Task<PaymentSlip> GetPaymentSlipAsync(string invoiceId, CancellationToken cancellationToken = default) =>
        client.GetPaymentSlipAsync(invoiceId, cancellationToken);

    public Task<TrustUnlockResult> RequestTrustUnlockAsync(string contractId, CancellationToken cancellationToken = default) =>
        client.RequestTrustUnlockAsync(contractId, cancellationToken);
}
