using Cobranca.Connectors.Abstractions;

namespace Cobranca.Connectors.Sgp;

/// <summary>
/// An SGP (TSMX) tenant: the common <see cref="IBillingSystem"/> plus what only SGP offers. Implemented by
/// <see cref="SgpClient"/>; mock this interface in your tests.
/// </summary>
public interface ISgpClient : IBillingSystem
{
    /// <summary>This tenant as the common <see cref="IAccessController"/> (contract status edit + RADIUS disconnect).</summary>
    IAccessController AsAccessController();

    /// <summary>
    /// Checks the address and the credentials with one read of <c>titulos</c> and validates the reply's shape: a wrong
    /// base URL that serves SGP's login page with HTTP 200 fails here instead of "reading zero debtors".
    /// </summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    Task VerifyConnectionAsync(CancellationToken cancellationToken = default);

    /// <summary>The contract's current status (<c>consultacliente</c> by <c>contrato</c>).</summary>
    /// <param name="contractId">The contract id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="ConnectorNotFoundException">No such contract.</exception>
    Task<SgpContractStatus> GetContractStatusAsync(string contractId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Changes the contract's status (<c>contrato/status/edit</c>: 4 suspends, 1 activates, 7 reduces speed). A write:
    /// never re-sent automatically.
    /// </summary>
    /// <param name="contractId">The contract id.</param>
    /// <param name="status">The new status.</param>
    /// <param name="reasonId">A <c>motivo</c> id from <see cref="GetStatusReasonsAsync"/>, or null.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    Task ChangeContractStatusAsync(string contractId, SgpContractStatus status, int? reasonId = null, CancellationToken cancellationToken = default);

    /// <summary>The reasons (<c>motivos</c>) a status change may carry, by id.</summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    Task<IReadOnlyDictionary<int, string>> GetStatusReasonsAsync(CancellationToken cancellationToken = default);

    /// <summary>Whether the contract's service is online (<c>verificaacesso</c>).</summary>
    /// <param name="contractId">The contract id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    Task<bool> IsServiceOnlineAsync(string contractId, CancellationToken cancellationToken = default);

    /// <summary>Disconnects the PPPoE session of <paramref name="login"/> (<c>/ws/radius/disconnect/</c>). Never re-sent automatically.</summary>
    /// <param name="login">The PPPoE login.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="ConnectorNotFoundException">SGP does not know the login.</exception>
    Task DisconnectAsync(string login, CancellationToken cancellationToken = default);

    /// <summary>
    /// Registers a payment received outside SGP (a Pix to the ISP's own account, cash ...) on the title
    /// (<c>/api/banco/titulo/{id}/baixar/</c>). A write: never re-sent automatically.
    /// </summary>
    /// <param name="invoiceId">The title id.</param>
    /// <param name="amount">The amount received (BRL, positive).</param>
    /// <param name="paidOn">The date it was paid.</param>
    /// <param name="method">How it was received.</param>
    /// <param name="partial">Registers a partial payment (<c>liquidacao_parcial=1</c>) instead of settling the title.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    Task SettleInvoiceAsync(string invoiceId, decimal amount, DateOnly paidOn, SgpPaymentMethod method, bool partial = false,
        CancellationToken cancellationToken = default);
}
