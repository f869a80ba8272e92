using Cobranca.Connectors.Abstractions;

namespace Cobranca.Connectors.MkAuth;

/// <summary>The MK-Auth client's surface, for mocking. See <see cref="MkAuthClient"/>.</summary>
public interface IMkAuthClient
{
    /// <summary>What was detected about the install, or null before the first use (see <see cref="DetectAsync"/>).</summary>
    MkAuthServerInfo? Server { get; }

    /// <summary>Detects the install's routes and fields once (cached for the client's lifetime) and returns them.</summary>
    /// <param name="cancellationToken">Cancels the detection (nothing is cached then).</param>
    Task<MkAuthServerInfo> DetectAsync(CancellationToken cancellationToken = default);

    /// <summary><c>GET /api/cliente/show/{key}</c> with the key exactly as given (login, <c>uuid_cliente</c> or the stored <c>cpf_cnpj</c>); null when not found.</summary>
    /// <param name="key">The key.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    Task<MkAuthCustomer?> GetCustomerAsync(string key, CancellationToken cancellationToken = default);

    /// <summary>
    /// Every title (all statuses) of a login or of a CPF/CNPJ (<c>titulo/titulos</c>, tried with the document as digits and
    /// masked, rows whose <c>cpf_cnpj</c> does not match dropped, cancelled <c>deltitulo=1</c> rows dropped).
    /// </summary>
    /// <param name="loginOrDocument">A login, or a CPF/CNPJ (masked or digits).</param>
    /// <param name="cancellationToken">Cancels the calls.</param>
    Task<IReadOnlyList<MkAuthTitle>> GetTitlesAsync(string loginOrDocument, CancellationToken cancellationToken = default);

    /// <summary><c>GET /api/titulo/show/{uuid|id}</c>; null when not found.</summary>
    /// <param name="titleId">The title's uuid or number.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    Task<MkAuthTitle?> GetTitleAsync(string titleId, CancellationToken cancellationToken = default);

    /// <summary><c>PUT /api/cliente/editar</c> with <c>bloqueado</c> <c>sim</c>/<c>nao</c> (never retried).</summary>
    /// <param name="customerUuid">The login's <c>uuid_cliente</c>.</param>
    /// <param name="blocked">Block (true) or unblock.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="NotSupportedException">This install has no <c>cliente/editar</c>.</exception>
    Task SetBlockedAsync(string customerUuid, bool blocked, CancellationToken cancellationToken = default);

    /// <summary><c>PUT /api/titulo/receber</c>: registers a payment of the title (never retried).</summary>
    /// <param name="titleUuid">The title's uuid.</param>
    /// <param name="amount">The amount received.</param>
    /// <param name="method">The <c>forma</c> (e.g. <c>PIX</c>).</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    Task ReceivePaymentAsync(string titleUuid, decimal amount, string method = "PIX", CancellationToken cancellationToken = default);

    /// <summary>This client as the common <see cref="IBillingSystem"/>.</summary>
    IBillingSystem AsBillingSystem();

    /// <summary>This client as the common <see cref="IAccessController"/>.</summary>
    IAccessController AsAccessController();
}
