namespace Cobranca.Connectors.Abstractions;

/// <summary>
/// A management system (ERP) that holds customers, contracts and invoices: IXC Provedor, SGP, MK-Auth
/// or an in-memory fake. Every connector exposes the same operations so a bot or a dunning job can be
/// written once.
/// </summary>
/// <remarks>
/// Check <see cref="Info"/>.<see cref="BillingSystemInfo.Capabilities"/> before calling an operation the
/// backend may lack: an unsupported call throws <see cref="NotSupportedException"/>.
/// </remarks>
public interface IBillingSystem
{
    /// <summary>Name and capabilities of this backend.</summary>
    BillingSystemInfo Info { get; }

    /// <summary>
    /// Finds customers by document (CPF/CNPJ, masked or digits), phone, id or login. Returns every candidate
    /// (0..n): a phone number or a login can be shared, so the caller decides what to do with several.
    /// </summary>
    /// <param name="lookup">What to search by.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    Task<IReadOnlyList<Customer>> FindCustomersAsync(CustomerLookup lookup, CancellationToken cancellationToken = default);

    /// <summary>
    /// What the customer owes: overdue and upcoming open invoices, the total overdue, the maximum days overdue
    /// and the access state of each contract. "Today" is the date in America/Sao_Paulo.
    /// </summary>
    /// <param name="customerId">The backend's customer id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="ConnectorNotFoundException">No customer has that id (never an empty "owes nothing" status).</exception>
    Task<DebtStatus> GetDebtStatusAsync(string customerId, CancellationToken cancellationToken = default);

    /// <summary>Streams open invoices across the whole base, paging under the hood (for dunning runs).</summary>
    /// <param name="query">Filters: due-date window, overdue only, customer.</param>
    /// <param name="cancellationToken">Cancels the enumeration.</param>
    IAsyncEnumerable<Invoice> ListOpenInvoicesAsync(InvoiceQuery query, CancellationToken cancellationToken = default);

    /// <summary>
    /// Streams the contracts of many customers at once (or of the whole base), each with its current access state and
    /// login where the backend knows it: what <see cref="GetDebtStatusAsync"/> returns in <see cref="DebtStatus.Contracts"/>,
    /// for thousands of customers in a bounded number of requests (the backend pages or batches under the hood). Every
    /// status is included (inactive contracts too); the order is unspecified.
    /// </summary>
    /// <remarks>
    /// Optional: backends that support it set <see cref="BillingCapabilities.ListContracts"/>. The default implementation
    /// throws <see cref="NotSupportedException"/>, so implementations written before this member existed keep compiling;
    /// callers fall back to <see cref="GetDebtStatusAsync"/> per customer.
    /// </remarks>
    /// <param name="query">Which customers (all when <see cref="ContractQuery.CustomerIds"/> is null) and the page size.</param>
    /// <param name="cancellationToken">Cancels the enumeration.</param>
    /// <exception cref="NotSupportedException">The backend cannot list contracts in bulk.</exception>
    IAsyncEnumerable<Contract> ListContractsAsync(ContractQuery query, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException(
            $"The billing system '{Info.Name}' does not list contracts in bulk (BillingCapabilities.ListContracts); read them per customer with GetDebtStatusAsync.");

    /// <summary>
    /// Second copy of an invoice: linha digitável, barcode, Pix copia-e-cola and the PDF (link or bytes), whatever
    /// the backend offers. Not retried automatically: some backends create a Pix charge on this call.
    /// </summary>
    /// <param name="invoiceId">The backend's invoice id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    Task<PaymentSlip> GetPaymentSlipAsync(string invoiceId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Asks for a trust unlock ("desbloqueio de confiança"): the contract is released for a few days on the
    /// customer's promise to pay.
    /// </summary>
    /// <param name="contractId">The backend's contract id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    Task<TrustUnlockResult> RequestTrustUnlockAsync(string contractId, CancellationToken cancellationToken = default);
}
