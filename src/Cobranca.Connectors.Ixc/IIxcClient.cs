using Cobranca.Connectors.Abstractions;

namespace Cobranca.Connectors.Ixc;

/// <summary>The operations of <see cref="IxcClient"/>, for mocking (the class is sealed). Not meant to be implemented outside this package: it may gain members in a minor version.</summary>
public interface IIxcClient
{
    /// <summary>
    /// The customer's contracts (<c>cliente_contrato.id_cliente = id</c>), every status included, with the access state
    /// mapped from <c>status</c>/<c>status_internet</c> (raw code kept in <see cref="AccessState.RawCode"/>) and the
    /// PPPoE login from <c>radusuarios</c>. The login is an enrichment: when IXC refuses <c>radusuarios</c> to this user
    /// the contracts come without it (<see cref="Contract.Login"/> null) and one warning is logged (see
    /// <see cref="RadiusUsersAvailable"/>).
    /// </summary>
    /// <param name="customerId">The customer id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    Task<IReadOnlyList<Contract>> GetContractsAsync(string customerId, CancellationToken cancellationToken = default);

    /// <summary>Reads one contract (<c>cliente_contrato.id = id</c>), with its login as <see cref="GetContractsAsync"/>; null when it does not exist.</summary>
    /// <param name="contractId">The contract id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    Task<Contract?> GetContractAsync(string contractId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Blocks a contract manually (<c>cliente_contrato_15300 {"id_contrato": id}</c>; IXC sets <c>status_internet = CM</c>).
    /// A write: never retried. For an idempotent block that reports the resulting state, use <see cref="AsAccessController"/>.
    /// </summary>
    /// <param name="contractId">The contract id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    Task BlockContractAsync(string contractId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Releases a contract manually (<c>cliente_contrato_15464 {"id_contrato": id}</c>; IXC sets <c>status_internet = A</c>).
    /// A write: never retried.
    /// </summary>
    /// <param name="contractId">The contract id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    Task UnblockContractAsync(string contractId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Asks for a trust unlock (<c>desbloqueio_confianca {"id": contractId}</c>). IXC answers with Portuguese keys
    /// (<c>tipo</c>/<c>codigo</c>/<c>mensagem</c>): <c>sucesso</c> is <see cref="TrustUnlockOutcome.Granted"/> (the
    /// contract is re-read for the return date, best effort: if that read fails the result is still Granted, without
    /// <see cref="TrustUnlockResult.Until"/>), code 107 is <see cref="TrustUnlockOutcome.AlreadyActive"/>, 109
    /// (inactive contract) is <see cref="TrustUnlockOutcome.NotEligible"/>, 113 (already used and not paid) is
    /// <see cref="TrustUnlockOutcome.LimitReached"/>; 106 (no such contract) throws <see cref="ConnectorNotFoundException"/>.
    /// A write: never retried.
    /// </summary>
    /// <param name="contractId">The contract id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    Task<TrustUnlockResult> RequestTrustUnlockAsync(string contractId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Finds customers (table <c>cliente</c>). By document: <c>cliente.cnpj_cpf = </c> the <b>masked</b> form first
    /// (IXC stores and matches documents masked), then the bare digits. By phone: a LIKE on the masked last eight
    /// digits (<c>8765-4321</c>) in each of the four phone fields, then the area code is checked client-side; every
    /// matching customer is returned (phones are shared). By login: <c>radusuarios.login</c>, then the owners.
    /// </summary>
    /// <param name="lookup">What to search by.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    Task<IReadOnlyList<Customer>> FindCustomersAsync(CustomerLookup lookup, CancellationToken cancellationToken = default);

    /// <summary>Reads one customer by id (<c>cliente.id = id</c>); null when it does not exist.</summary>
    /// <param name="customerId">The customer id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    Task<Customer?> GetCustomerAsync(string customerId, CancellationToken cancellationToken = default);

    /// <summary>PPPoE logins named <paramref name="login"/> (<c>radusuarios.login = login</c>). Cleartext passwords are dropped.</summary>
    /// <param name="login">The login.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    Task<IReadOnlyList<IxcRadiusUser>> GetRadiusUsersByLoginAsync(string login, CancellationToken cancellationToken = default);

    /// <summary>PPPoE logins of a contract (<c>radusuarios.id_contrato = id</c>).</summary>
    /// <param name="contractId">The contract id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    Task<IReadOnlyList<IxcRadiusUser>> GetRadiusUsersByContractAsync(string contractId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Forces a RADIUS disconnect of one login (<c>desconectar_clientes {"id": radiusUserId}</c>) so the contract's
    /// current state applies when it reconnects. A write: never retried.
    /// </summary>
    /// <param name="radiusUserId">The <c>radusuarios</c> row id (<see cref="IxcRadiusUser.Id"/>).</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    Task DisconnectSessionAsync(string radiusUserId, CancellationToken cancellationToken = default);

    /// <summary>
    /// What the customer owes today (in <see cref="IxcClientOptions.TimeZone"/>, from the injected clock). Reads the
    /// customer's open invoices (<c>fn_areceber.id_cliente = id</c> AND <c>liberado = S</c> AND <c>status != C</c> AND
    /// <c>status != R</c>: <c>A</c> open and <c>P</c> partially paid; by customer, so invoices linked through
    /// <c>id_contrato_avulso</c> are not missed) and the contracts. Open is not overdue: only invoices due
    /// before today are overdue; amounts are <c>valor_aberto</c> (what is left after partial payments).
    /// </summary>
    /// <param name="customerId">The customer id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    Task<DebtStatus> GetDebtStatusAsync(string customerId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Streams open invoices (<c>liberado = S</c>, <c>status</c> <c>A</c> or <c>P</c> (partially paid)) over the whole base or one customer, page by page
    /// (<c>rp</c> = <see cref="InvoiceQuery.PageSize"/>) in id order, prefetching the next page. Due-date filters are sent to
    /// IXC as <c>grid_param</c> filters (ISO dates) and checked again on each row.
    /// </summary>
    /// <param name="query">Filters.</param>
    /// <param name="cancellationToken">Cancels the enumeration.</param>
    IAsyncEnumerable<Invoice> ListOpenInvoicesAsync(InvoiceQuery query, CancellationToken cancellationToken = default);

    /// <summary>Reads one invoice (<c>fn_areceber.id = id</c>), whatever its status; null when it does not exist.</summary>
    /// <param name="invoiceId">The invoice id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    Task<Invoice?> GetInvoiceAsync(string invoiceId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Second copy of an invoice: reads it (<c>fn_areceber</c>), then, when it has a registered boleto
    /// (<c>linha_digitavel</c> not empty) and <see cref="IxcClientOptions.IncludePdfInPaymentSlip"/> is on, downloads the PDF
    /// (<c>get_boleto</c>), and when <see cref="IxcClientOptions.IncludePixInPaymentSlip"/> is on asks for the Pix
    /// (<c>get_pix</c>, <b>which may create a charge</b>, so by default only for invoices already due or that already have a
    /// Pix; see <see cref="IxcClientOptions.CreatePixForUpcomingInvoices"/>). <c>get_pix</c> is never retried automatically.
    /// The invoice read is the only required part: when the PDF or the Pix cannot be obtained (refused, timed out, reset,
    /// HTTP 5xx) the slip comes back with what was obtained and <see cref="PaymentSlip.Warnings"/> says what is missing and why.
    /// </summary>
    /// <param name="invoiceId">The invoice id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="ConnectorNotFoundException">No such invoice.</exception>
    /// <exception cref="ConnectorValidationException">The invoice is not open (paid or cancelled).</exception>
    Task<PaymentSlip> GetPaymentSlipAsync(string invoiceId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Downloads the boleto PDF (<c>get_boleto</c> with <c>juro</c>, <c>multa</c> and <c>atualiza_boleto</c> = <c>N</c> so the
    /// charge is not rewritten, <c>base64 = S</c>). IXC answers the PDF as base64 text; an empty body means the invoice
    /// does not exist. The bytes are checked to start with <c>%PDF</c> and to end with <c>%%EOF</c> (a cut reply is retried). Retried like a read (nothing is recalculated);
    /// note that IXC may register a boleto for an invoice that has none, which is why <see cref="GetPaymentSlipAsync"/>
    /// only calls it when the invoice already has a <c>linha_digitavel</c>.
    /// </summary>
    /// <param name="invoiceId">The invoice id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="ConnectorNotFoundException">Empty reply: no such invoice (or no boleto for it).</exception>
    Task<byte[]> GetBoletoPdfAsync(string invoiceId, CancellationToken cancellationToken = default);

    /// <summary>
    /// The Pix copia-e-cola of an invoice (<c>get_pix {"id_areceber": id}</c>). <b>This is a write</b>: for an invoice
    /// without a Pix yet (<c>pix_txid</c> empty), IXC creates the charge at its gateway. It is therefore never retried
    /// automatically; if a call fails in transit, read the invoice (<c>pix_txid</c>) before calling again. The BR Code's
    /// CRC16 is verified. IXC answers HTTP 500 for an invoice that does not exist, but also when its gateway fails: on a
    /// 500 the invoice is read to tell the two apart.
    /// </summary>
    /// <param name="invoiceId">The invoice id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="ConnectorNotFoundException">HTTP 500 and the invoice does not exist.</exception>
    /// <exception cref="ConnectorApiException">HTTP 500 for an invoice that exists (IXC or its gateway failed; <see cref="ConnectorApiException.StatusCode"/> 500).</exception>
    Task<IxcPixCharge> GetPixAsync(string invoiceId, CancellationToken cancellationToken = default);

    /// <summary>This client as the common <see cref="IBillingSystem"/> (one instance per client, safe to call from any thread).</summary>
    IBillingSystem AsBillingSystem();

    /// <summary>This client as the common <see cref="IAccessController"/> (contract block/unblock; throttling is not supported by IXC's API). One instance per client, safe to call from any thread.</summary>
    IAccessController AsAccessController();

    /// <summary>
    /// False once IXC refused the <c>radusuarios</c> table to this webservice user ("Recurso radusuarios não está
    /// disponível!"): contracts then come without their PPPoE login (<see cref="Contract.Login"/> null, unknown), finding by
    /// login fails with a message that says so, and <see cref="AsBillingSystem"/>/<see cref="AsAccessController"/> stop
    /// advertising <see cref="BillingCapabilities.FindByLogin"/> and <see cref="AccessCapabilities.KickSession"/>. The
    /// table is asked again ten minutes later (permissions may be granted meanwhile) and whenever a login is looked up
    /// explicitly. True until a refusal is seen.
    /// </summary>
    bool RadiusUsersAvailable { get; }
}
