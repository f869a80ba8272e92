namespace Cobranca.Connectors.Pix;

/// <summary>
/// Pix Automático on the BACEN API Pix (2.9.0): recurrences (<c>rec</c>), their QR locations (<c>locrec</c>), journey-1
/// confirmation requests (<c>solicrec</c>), recurring charges (<c>cobr</c>) with retries, and the <c>webhookrec</c> /
/// <c>webhookcobr</c> registrations. Implemented by <see cref="PixClient"/> next to <see cref="IPixClient"/> (a separate
/// interface keeps the classic surface unchanged and lets PSPs without Pix Automático stay on <see cref="IPixClient"/>).
/// </summary>
/// <remarks>
/// Writes are never re-sent blindly: only GETs, <c>PUT /cobr/{txid}</c> (client txid, the idempotent path) and the
/// webhook PUT/DELETE are retried. <c>POST /locrec</c>, <c>POST /rec</c>, <c>POST /solicrec</c>, <c>POST /cobr</c>,
/// PATCHes and <c>POST …/retentativa/{data}</c> are sent once; after a transport error their outcome is unknown, so
/// read (or list) before sending again. Path prefixes and the account header come from <see cref="PixProviderProfile"/>.
/// </remarks>
public interface IPixRecurrenceClient
{
    /// <summary>Creates a recurrence location (<c>POST /locrec</c>, no body). Sent once.</summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    Task<PixRecurrenceLocation> CreateRecurrenceLocationAsync(CancellationToken cancellationToken = default);

    /// <summary>Reads a recurrence location (<c>GET /locrec/{id}</c>).</summary>
    /// <param name="id">The location id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    Task<PixRecurrenceLocation> GetRecurrenceLocationAsync(long id, CancellationToken cancellationToken = default);

    /// <summary>Unlinks a location from its recurrence (<c>DELETE /locrec/{id}/idRec</c>).</summary>
    /// <param name="id">The location id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    Task<PixRecurrenceLocation> UnlinkRecurrenceLocationAsync(long id, CancellationToken cancellationToken = default);

    /// <summary>Reads one page of recurrence locations (<c>GET /locrec?inicio&amp;fim[&amp;idRecPresente][&amp;convenio]&amp;paginacao.*</c>).</summary>
    /// <remarks>Useful to find the location a lost <c>POST /locrec</c> reply created (<see cref="PixRecurrenceLocationQuery.RecurrencePresent"/> = false) before creating another.</remarks>
    /// <param name="query">Window and filters.</param>
    /// <param name="pageIndex">Zero-based page.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="ArgumentException">The window ends before it starts, the page size is not 1 to 1000, or the agreement is longer than 60 characters.</exception>
    Task<PixPage<PixRecurrenceLocation>> ListRecurrenceLocationsPageAsync(PixRecurrenceLocationQuery query, int pageIndex = 0, CancellationToken cancellationToken = default);

    /// <summary>Streams every recurrence location matching the query, page by page (<c>GET /locrec</c>).</summary>
    /// <param name="query">Window and filters.</param>
    /// <param name="cancellationToken">Cancels the enumeration.</param>
    IAsyncEnumerable<PixRecurrenceLocation> ListRecurrenceLocationsAsync(PixRecurrenceLocationQuery query, CancellationToken cancellationToken = default);

    /// <summary>Creates a recurrence (<c>POST /rec</c>; the PSP picks the id). Sent once.</summary>
    /// <param name="request">The recurrence.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    Task<PixRecurrence> CreateRecurrenceAsync(PixRecurrenceRequest request, CancellationToken cancellationToken = default);

    /// <summary>Reads a recurrence (<c>GET /rec/{idRec}[?txid=]</c>); with <paramref name="txid"/> (journey 3/4) the QR code combines both.</summary>
    /// <param name="recurrenceId">The <c>idRec</c>.</param>
    /// <param name="txid">The cob (journey 3) or cobv (journey 4) txid, or null.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    Task<PixRecurrence> GetRecurrenceAsync(string recurrenceId, string? txid = null, CancellationToken cancellationToken = default);

    /// <summary>Reads one page of recurrences (<c>GET /rec?inicio&amp;fim&amp;paginacao.*</c>).</summary>
    /// <param name="query">Window and filters.</param>
    /// <param name="pageIndex">Zero-based page.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    Task<PixPage<PixRecurrence>> ListRecurrencesPageAsync(PixRecurrenceQuery query, int pageIndex = 0, CancellationToken cancellationToken = default);

    /// <summary>Streams every recurrence in the window, page by page.</summary>
    /// <param name="query">Window and filters.</param>
    /// <param name="cancellationToken">Cancels the enumeration.</param>
    IAsyncEnumerable<PixRecurrence> ListRecurrencesAsync(PixRecurrenceQuery query, CancellationToken cancellationToken = default);

    /// <summary>Revises a recurrence (<c>PATCH /rec/{idRec}</c>). Sent once.</summary>
    /// <param name="recurrenceId">The <c>idRec</c>.</param>
    /// <param name="update">What to change.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    Task<PixRecurrence> UpdateRecurrenceAsync(string recurrenceId, PixRecurrenceUpdate update, CancellationToken cancellationToken = default);

    /// <summary>Cancels a recurrence (<c>PATCH /rec/{idRec}</c> <c>{"status":"CANCELADA"}</c>, or DELETE where the profile says so). Sent once.</summary>
    /// <param name="recurrenceId">The <c>idRec</c>.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    Task<PixRecurrence> CancelRecurrenceAsync(string recurrenceId, CancellationToken cancellationToken = default);

    /// <summary>Journey 1: sends a confirmation request to the payer's bank (<c>POST /solicrec</c>). Sent once.</summary>
    /// <param name="request">The request.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    Task<PixRecurrenceConfirmation> RequestRecurrenceConfirmationAsync(PixRecurrenceConfirmationRequest request, CancellationToken cancellationToken = default);

    /// <summary>Reads a confirmation request (<c>GET /solicrec/{id}</c>).</summary>
    /// <param name="id">The <c>idSolicRec</c>.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    Task<PixRecurrenceConfirmation> GetRecurrenceConfirmationAsync(string id, CancellationToken cancellationToken = default);

    /// <summary>Cancels a pending confirmation request (<c>PATCH /solicrec/{id}</c>). Sent once.</summary>
    /// <param name="id">The <c>idSolicRec</c>.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    Task<PixRecurrenceConfirmation> CancelRecurrenceConfirmationAsync(string id, CancellationToken cancellationToken = default);

    /// <summary>
    /// Creates a recurring charge with your txid (<c>PUT /cobr/{txid}</c>): the idempotent path, retried on transport
    /// errors; when the PSP refuses a repeated txid, the existing charge is returned if it is the same (recurrence, amount, due date).
    /// </summary>
    /// <param name="txid">26 to 35 letters or digits, e.g. from <see cref="PixTxid.ForInvoice"/>.</param>
    /// <param name="request">The charge.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    Task<PixRecurringCharge> CreateRecurringChargeAsync(string txid, PixRecurringChargeRequest request, CancellationToken cancellationToken = default);

    /// <summary>Creates a recurring charge with a PSP txid (<c>POST /cobr</c>). Sent once.</summary>
    /// <param name="request">The charge.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    Task<PixRecurringCharge> CreateRecurringChargeAsync(PixRecurringChargeRequest request, CancellationToken cancellationToken = default);

    /// <summary>Reads a recurring charge with its attempts and payments (<c>GET /cobr/{txid}</c>).</summary>
    /// <param name="txid">The txid.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    Task<PixRecurringCharge> GetRecurringChargeAsync(string txid, CancellationToken cancellationToken = default);

    /// <summary>Reads one page of recurring charges (<c>GET /cobr?inicio&amp;fim&amp;paginacao.*</c>).</summary>
    /// <param name="query">Window and filters.</param>
    /// <param name="pageIndex">Zero-based page.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    Task<PixPage<PixRecurringCharge>> ListRecurringChargesPageAsync(PixRecurringChargeQuery query, int pageIndex = 0, CancellationToken cancellationToken = default);

    /// <summary>Streams every recurring charge in the window, page by page.</summary>
    /// <param name="query">Window and filters.</param>
    /// <param name="cancellationToken">Cancels the enumeration.</param>
    IAsyncEnumerable<PixRecurringCharge> ListRecurringChargesAsync(PixRecurringChargeQuery query, CancellationToken cancellationToken = default);

    /// <summary>
    /// Cancels a recurring charge (<c>PATCH /cobr/{txid}</c> <c>{"status":"CANCELADA"}</c>). Only possible before the
    /// first attempt date: from that day on the PSP answers <c>CobROperacaoInvalida</c> (a
    /// <see cref="Cobranca.Connectors.Abstractions.ConnectorValidationException"/>) and the debit may still happen. Sent once.
    /// </summary>
    /// <param name="txid">The txid.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    Task<PixRecurringCharge> CancelRecurringChargeAsync(string txid, CancellationToken cancellationToken = default);

    /// <summary>
    /// Asks for a new settlement attempt on <paramref name="date"/> (<c>POST /cobr/{txid}/retentativa/{data}</c>): only
    /// with <see cref="PixRetryPolicy.ThreeRetriesInSevenDays"/>, a future date, no pending attempt. Sent once.
    /// </summary>
    /// <param name="txid">The txid.</param>
    /// <param name="date">The new settlement date.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    Task<PixRecurringCharge> RequestRecurringChargeRetryAsync(string txid, DateOnly date, CancellationToken cancellationToken = default);

    /// <summary>Registers the recurrence webhook (<c>PUT /webhookrec</c>); the PSP POSTs to <c>{url}/rec</c>.</summary>
    /// <param name="webhookUrl">Your endpoint.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    Task ConfigureRecurrenceWebhookAsync(Uri webhookUrl, CancellationToken cancellationToken = default);

    /// <summary>Reads the recurrence webhook (<c>GET /webhookrec</c>).</summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    Task<PixWebhook> GetRecurrenceWebhookAsync(CancellationToken cancellationToken = default);

    /// <summary>Removes the recurrence webhook (<c>DELETE /webhookrec</c>).</summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    Task DeleteRecurrenceWebhookAsync(CancellationToken cancellationToken = default);

    /// <summary>Registers the recurring-charge webhook (<c>PUT /webhookcobr</c>); the PSP POSTs to <c>{url}/cobr</c>.</summary>
    /// <param name="webhookUrl">Your endpoint.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    Task ConfigureRecurringChargeWebhookAsync(Uri webhookUrl, CancellationToken cancellationToken = default);

    /// <summary>Reads the recurring-charge webhook (<c>GET /webhookcobr</c>).</summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    Task<PixWebhook> GetRecurringChargeWebhookAsync(CancellationToken cancellationToken = default);

    /// <summary>Removes the recurring-charge webhook (<c>DELETE /webhookcobr</c>).</summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    Task DeleteRecurringChargeWebhookAsync(CancellationToken cancellationToken = default);
}
