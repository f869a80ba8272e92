namespace Cobranca.Connectors.Pix;

/// <summary>
/// The BACEN API Pix (v2) operations used for charging: <c>cob</c>, <c>cobv</c>, received Pix, devolução and webhook
/// registration. Implemented by <see cref="PixClient"/>; mock this interface in your own tests.
/// </summary>
/// <remarks>
/// Retries: only idempotent calls are retried automatically (GETs, <c>PUT /cob/{txid}</c>, <c>PUT /cobv/{txid}</c>,
/// webhook PUT/DELETE). <c>POST /cob</c>, PATCH and devolução are sent once; on a transport error their outcome is
/// unknown, so query before re-sending. Errors are ConnectorException subtypes; caller cancellation surfaces as
/// <see cref="OperationCanceledException"/>.
/// </remarks>
public interface IPixClient
{
    /// <summary>Provider name as reported in exceptions (<c>"pix:efi"</c>).</summary>
    string ProviderName { get; }

    /// <summary>
    /// Creates an immediate charge with a client-chosen txid (<c>PUT /cob/{txid}</c>); safe to retry and to re-run: when
    /// the PSP refuses the repeated txid, the existing charge is returned if it is the same (key and amount).
    /// </summary>
    /// <param name="txid">26 to 35 alphanumerics, e.g. from <see cref="PixTxid.ForInvoice"/>.</param>
    /// <param name="request">The charge.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    Task<PixCharge> CreateChargeAsync(string txid, PixImmediateChargeRequest request, CancellationToken cancellationToken = default);

    /// <summary>Creates an immediate charge with a PSP-chosen txid (<c>POST /cob</c>). Never retried automatically.</summary>
    /// <param name="request">The charge.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    Task<PixCharge> CreateChargeAsync(PixImmediateChargeRequest request, CancellationToken cancellationToken = default);

    /// <summary>Reads an immediate charge (<c>GET /cob/{txid}</c>).</summary>
    /// <param name="txid">The txid.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    Task<PixCharge> GetChargeAsync(string txid, CancellationToken cancellationToken = default);

    /// <summary>Revises an immediate charge (<c>PATCH /cob/{txid}</c>); <see cref="PixChargeUpdate.Cancel"/> removes it.</summary>
    /// <param name="txid">The txid.</param>
    /// <param name="update">What to change.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    Task<PixCharge> UpdateChargeAsync(string txid, PixChargeUpdate update, CancellationToken cancellationToken = default);

    /// <summary>
    /// Creates a charge with due date, fine, interest and discount (<c>PUT /cobv/{txid}</c>); safe to retry and to re-run
    /// (an existing identical charge — key, amount, due date — is returned).
    /// </summary>
    /// <param name="txid">26 to 35 alphanumerics, e.g. from <see cref="PixTxid.ForInvoice"/>.</param>
    /// <param name="request">The charge.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    Task<PixCharge> CreateDueChargeAsync(string txid, PixDueChargeRequest request, CancellationToken cancellationToken = default);

    /// <summary>Reads a charge with due date (<c>GET /cobv/{txid}</c>).</summary>
    /// <param name="txid">The txid.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    Task<PixCharge> GetDueChargeAsync(string txid, CancellationToken cancellationToken = default);

    /// <summary>Revises a charge with due date (<c>PATCH /cobv/{txid}</c>); <see cref="PixChargeUpdate.Cancel"/> removes it.</summary>
    /// <param name="txid">The txid.</param>
    /// <param name="update">What to change.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    Task<PixCharge> UpdateDueChargeAsync(string txid, PixChargeUpdate update, CancellationToken cancellationToken = default);

    /// <summary>Reads a received Pix (<c>GET /pix/{e2eid}</c>). This is the re-query that confirms a webhook.</summary>
    /// <param name="endToEndId">The end-to-end id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="Cobranca.Connectors.Abstractions.ConnectorNotFoundException">No such Pix at this PSP account.</exception>
    Task<PixPayment> GetPaymentAsync(string endToEndId, CancellationToken cancellationToken = default);

    /// <summary>Reads one page of received Pix (<c>GET /pix?inicio&amp;fim&amp;paginacao.*</c>).</summary>
    /// <param name="query">Time window and filters.</param>
    /// <param name="pageIndex">Zero-based page.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    Task<PixPage<PixPayment>> ListPaymentsPageAsync(PixPaymentQuery query, int pageIndex = 0, CancellationToken cancellationToken = default);

    /// <summary>Streams every received Pix in the window, page by page.</summary>
    /// <param name="query">Time window and filters.</param>
    /// <param name="cancellationToken">Cancels the enumeration.</param>
    IAsyncEnumerable<PixPayment> ListPaymentsAsync(PixPaymentQuery query, CancellationToken cancellationToken = default);

    /// <summary>Requests a refund (<c>PUT /pix/{e2eid}/devolucao/{id}</c>). Never retried automatically: on an unknown outcome, call <see cref="GetRefundAsync"/> first.</summary>
    /// <param name="endToEndId">The payment.</param>
    /// <param name="refundId">Your id for this refund, 1 to 35 alphanumerics.</param>
    /// <param name="request">Amount and nature.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    Task<PixRefund> RefundAsync(string endToEndId, string refundId, PixRefundRequest request, CancellationToken cancellationToken = default);

    /// <summary>Reads a refund (<c>GET /pix/{e2eid}/devolucao/{id}</c>).</summary>
    /// <param name="endToEndId">The payment.</param>
    /// <param name="refundId">Your refund id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    Task<PixRefund> GetRefundAsync(string endToEndId, string refundId, CancellationToken cancellationToken = default);

    /// <summary>Registers the webhook URL for a key (<c>PUT /webhook/{chave}</c>). The PSP will POST to <c>{url}/pix</c>.</summary>
    /// <param name="key">Your Pix key.</param>
    /// <param name="webhookUrl">Your endpoint (https).</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    Task ConfigureWebhookAsync(string key, Uri webhookUrl, CancellationToken cancellationToken = default);

    /// <summary>Reads the webhook registration for a key (<c>GET /webhook/{chave}</c>).</summary>
    /// <param name="key">Your Pix key.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    Task<PixWebhook> GetWebhookAsync(string key, CancellationToken cancellationToken = default);

    /// <summary>Removes the webhook registration for a key (<c>DELETE /webhook/{chave}</c>).</summary>
    /// <param name="key">Your Pix key.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    Task DeleteWebhookAsync(string key, CancellationToken cancellationToken = default);
}
