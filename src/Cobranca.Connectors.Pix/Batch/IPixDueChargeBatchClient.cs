namespace Cobranca.Connectors.Pix;

/// <summary>
/// Batches of charges with due date (<c>lotecobv</c>, BACEN API Pix): a month's cobv for the customers not enrolled in
/// Pix Automático, sent in batches of at most the profile's <see cref="PixProviderProfile.DueChargeBatchLimit"/>.
/// Implemented by <see cref="PixClient"/>.
/// </summary>
/// <remarks>
/// The PSP answers 202 and processes asynchronously: poll <see cref="GetDueChargeBatchAsync"/> until no item is
/// <see cref="PixBatchItemStatus.Processing"/> (there is no batch webhook). <c>PUT /lotecobv/{id}</c> with the same body
/// is idempotent and retried; <c>PATCH</c> is sent once.
/// </remarks>
public interface IPixDueChargeBatchClient
{
    /// <summary>The most charges one batch may carry at this PSP (the profile's <see cref="PixProviderProfile.DueChargeBatchLimit"/>).</summary>
    int MaxChargesPerBatch { get; }

    /// <summary>Creates (or re-sends, identically) a batch (<c>PUT /lotecobv/{id}</c>).</summary>
    /// <param name="batchId">Your id: digits, below 2^31 (the spec's id types disagree; decimal strings are safe).</param>
    /// <param name="request">Description and charges (at most the profile's limit).</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    Task CreateDueChargeBatchAsync(string batchId, PixDueChargeBatchRequest request, CancellationToken cancellationToken = default);

    /// <summary>Revises charges of a batch (<c>PATCH /lotecobv/{id}</c>): a subset of its txids, never new ones. Sent once.</summary>
    /// <param name="batchId">The batch.</param>
    /// <param name="request">The revised charges.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    Task UpdateDueChargeBatchAsync(string batchId, PixDueChargeBatchRequest request, CancellationToken cancellationToken = default);

    /// <summary>Reads a batch with each charge's status and problem (<c>GET /lotecobv/{id}</c>).</summary>
    /// <param name="batchId">The batch.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    Task<PixDueChargeBatch> GetDueChargeBatchAsync(string batchId, CancellationToken cancellationToken = default);

    /// <summary>Reads one page of batches (<c>GET /lotecobv?inicio&amp;fim&amp;paginacao.*</c>).</summary>
    /// <param name="from">Window start.</param>
    /// <param name="to">Window end.</param>
    /// <param name="pageIndex">Zero-based page.</param>
    /// <param name="pageSize">1 to 1000.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    Task<PixPage<PixDueChargeBatch>> ListDueChargeBatchesPageAsync(DateTimeOffset from, DateTimeOffset to, int pageIndex = 0, int pageSize = 100,
        CancellationToken cancellationToken = default);

    /// <summary>
    /// Reads one page of charges with due date (<c>GET /cobv?inicio&amp;fim[&amp;cpf|cnpj][&amp;locationPresente][&amp;status][&amp;loteCobVId]&amp;paginacao.*</c>),
    /// e.g. every charge a batch created (<see cref="PixDueChargeQuery.BatchId"/>) to read their <c>pixCopiaECola</c> in
    /// pages instead of one <c>GET /cobv/{txid}</c> each. Retried (a read).
    /// </summary>
    /// <remarks>
    /// This list lives here rather than on <see cref="IPixClient"/> because it is the batch-oriented read of
    /// <c>cobv</c> (the spec names it among the <c>lotecobv</c> operations); <see cref="IPixClient"/> stays unchanged.
    /// </remarks>
    /// <param name="query">Window and filters.</param>
    /// <param name="pageIndex">Zero-based page.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="ArgumentException">The window ends before it starts, the page size is not 1 to 1000, or the batch id is not a number below 2^31.</exception>
    Task<PixPage<PixCharge>> ListDueChargesPageAsync(PixDueChargeQuery query, int pageIndex = 0, CancellationToken cancellationToken = default);

    /// <summary>Streams every charge with due date matching the query, page by page (<c>GET /cobv</c>).</summary>
    /// <param name="query">Window and filters.</param>
    /// <param name="cancellationToken">Cancels the enumeration.</param>
    IAsyncEnumerable<PixCharge> ListDueChargesAsync(PixDueChargeQuery query, CancellationToken cancellationToken = default);

    /// <summary>
    /// Sends many charges as batches chunked to the profile's limit, with deterministic ids
    /// (<paramref name="firstBatchId"/>, +1, +2…; record them before calling so a re-run sends identical batches),
    /// then reads them back into one report.
    /// </summary>
    /// <param name="firstBatchId">The first batch's numeric id.</param>
    /// <param name="description">The batches' description.</param>
    /// <param name="charges">The charges.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    Task<PixDueChargeBatchReport> SubmitDueChargesAsync(long firstBatchId, string description, IReadOnlyList<PixDueChargeBatchItem> charges,
        CancellationToken cancellationToken = default);

    /// <summary>Reads batches back into one per-charge report (poll until <see cref="PixDueChargeBatchReport.Processing"/> is 0).</summary>
    /// <param name="batchIds">The batches.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    Task<PixDueChargeBatchReport> GetDueChargeBatchReportAsync(IEnumerable<string> batchIds, CancellationToken cancellationToken = default);
}
