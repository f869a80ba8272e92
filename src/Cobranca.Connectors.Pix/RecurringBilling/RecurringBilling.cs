using Cobranca.Connectors.Abstractions;

namespace Cobranca.Connectors.Pix;

/// <summary>
/// Recurring billing with Pix Automático (the workflow lives in the Pix package so that Cobranca.Connectors.Workflows
/// and the stores keep their dependency floor; pass <c>ledgerStore.GetStateStore(tenant, RecurrenceCollection)</c> and
/// <c>…RecurringChargeCollection</c>): enrol customers (journey-2 QR code, or the journey-1 push when the payer's
/// bank account is known), track authorisation, and every month create each enrolled customer's <c>cobr</c> inside the
/// scheduling window, retry failed debits on the configured schedule, and hand what stays unpaid to the régua with a
/// fallback <c>cobv</c>. State lives in two <see cref="IStateStore"/> collections (<c>pix.recurrence</c>,
/// <c>pix.recurring-charge</c>), so a re-run or a restarted job repeats nothing.
/// </summary>
/// <remarks>
/// <para><b>Never twice.</b> A <c>cobr</c> can be cancelled only before its first attempt date; from then on the
/// payer's bank may debit it, and a scheduled retry cannot be cancelled at all. So the fallback cobv is issued only
/// when the cobr can no longer be paid (ended unpaid, or no attempt pending and no retry left), or after the cobr was
/// cancelled before its first attempt date. A fallback asked for too late (<see cref="RequestFallbackAsync"/>) waits
/// for the debit's outcome (<see cref="RecurringInvoiceOutcome.AwaitingOutcome"/>). A cobv issued outside this
/// workflow (<see cref="RecurringInvoice.ExistingDueChargeTxid"/>) is reconciled: when both settle, the cobv payment's
/// devolução is requested and reported (<see cref="RecurringInvoiceOutcome.DoublePaymentRefunded"/>).</para>
/// <para>Writes that are not idempotent (<c>POST /locrec</c>, <c>POST /rec</c>, retries, devoluções) are recorded
/// before they are sent and checked at the PSP before being sent again.</para>
/// </remarks>
public sealed partial class RecurringBilling
{
    /// <summary>The enrolment collection.</summary>
    public const string RecurrenceCollection = "pix.recurrence";

    /// <summary>The per-invoice collection.</summary>
    public const string RecurringChargeCollection = "pix.recurring-charge";

    private readonly IPixClient _pix;
    private readonly IPixRecurrenceClient _recurrence;
    private readonly IPixDueChargeBatchClient? _batches;
    private readonly RecurringBillingOptions _options;
    private readonly RecurringBillingStore _store;
    private readonly TimeProvider _time;

    /// <summary>
    /// Creates the workflow over two state collections, without <c>lotecobv</c>: invoices of customers not enrolled are
    /// reported <see cref="RecurringInvoiceOutcome.NotEnrolled"/> and charged by the caller.
    /// </summary>
    /// <param name="pix">Classic Pix (fallback cobv, devoluções).</param>
    /// <param name="recurrence">Pix Automático.</param>
    /// <param name="enrolments">The <c>pix.recurrence</c> collection.</param>
    /// <param name="charges">The <c>pix.recurring-charge</c> collection.</param>
    /// <param name="options">Settings.</param>
    /// <exception cref="ArgumentException">Invalid options.</exception>
    public RecurringBilling(IPixClient pix, IPixRecurrenceClient recurrence, IStateStore enrolments, IStateStore charges, RecurringBillingOptions options)
        : this(pix, recurrence, null, enrolments, charges, options)
    {
    }

    /// <summary>
    /// Creates the workflow over two state collections. With <paramref name="batches"/>, the monthly run also charges
    /// the customers not enrolled: their invoices go out as cobv in <c>lotecobv</c> batches from the first day of the
    /// window (<see cref="RecurringBillingOptions.ScheduleWindowStartDays"/>), each batch recorded before it is sent.
    /// </summary>
    /// <param name="pix">Classic Pix (fallback cobv, devoluções).</param>
    /// <param name="recurrence">Pix Automático.</param>
    /// <param name="batches">lotecobv (a <see cref="PixClient"/> is all three), or null to leave those invoices to the caller.</param>
    /// <param name="enrolments">The <c>pix.recurrence</c> collection.</param>
    /// <param name="charges">The <c>pix.recurring-charge</c> collection.</param>
    /// <param name="options">Settings.</param>
    /// <exception cref="ArgumentException">Invalid options.</exception>
    public RecurringBilling(IPixClient pix, IPixRecurrenceClient recurrence, IPixDueChargeBatchClient? batches, IStateStore enrolments, IStateStore charges,
        RecurringBillingOptions options)
    {
        ArgumentNullException.ThrowIfNull(pix);
        ArgumentNullException.ThrowIfNull(recurrence);
        ArgumentNullException.ThrowIfNull(enrolments);
        ArgumentNullException.ThrowIfNull(charges);
        ArgumentNullException.ThrowIfNull(options);
        var problems = options.Validate();
        if (problems.Count > 0) throw new ArgumentException("Invalid RecurringBillingOptions: " + string.Join(" ", problems), nameof(options));
        _pix = pix;
        _recurrence = recurrence;
        _batches = batches;
        _options = options;
        _store = new RecurringBillingStore(enrolments, charges);
        _time = options.TimeProvider;
    }

    // ------------------------------------------------------------------ enrolment

    /// <summary>
    /// Enrols a customer, or returns where the existing enrolment stands (safe to call again: nothing is created twice).
    /// Journey 2 (default): a location and a recurrence, and the QR code to send. Journey 4
    /// (<see cref="RecurringEnrolment.DueChargeTxid"/>) and journey 3 (<see cref="RecurringEnrolment.ImmediateChargeTxid"/>):
    /// the same, with a composite QR code that also pays that charge. Journey 1 (bank data given): a recurrence and a
    /// confirmation request pushed to the payer's bank.
    /// </summary>
    /// <param name="enrolment">The customer.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public async Task<RecurringEnrolmentResult> EnrolAsync(RecurringEnrolment enrolment, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(enrolment);
        ArgumentException.ThrowIfNullOrWhiteSpace(enrolment.CustomerId, nameof(enrolment));
        var pushJourney = enrolment.BankIspb is not null && enrolment.BankAccount is not null;
        var compositeTxid = enrolment.DueChargeTxid ?? enrolment.ImmediateChargeTxid;
        if (enrolment.DueChargeTxid is not null && enrolment.ImmediateChargeTxid is not null)
            throw new ArgumentException("Give DueChargeTxid (journey 4) or ImmediateChargeTxid (journey 3), not both.", nameof(enrolment));
        if (compositeTxid is not null && pushJourney)
            throw new ArgumentException("A composite QR code (journey 3 or 4) and the journey-1 push exclude each other.", nameof(enrolment));
        if (compositeTxid is not null && !PixTxid.IsValid(compositeTxid))
            throw new ArgumentException("The charge's txid must be 26 to 35 letters or digits.", nameof(enrolment));
        var (state, _) = await _store.GetEnrolmentAsync(enrolment.CustomerId, cancellationToken).ConfigureAwait(false);
        // An ended enrolment (cancelled, rejected, expired) is history: enrolling again starts a new recurrence.
        if (state is null || IsEnded(state.Status)) state = new EnrolmentState { CustomerId = enrolment.CustomerId, Contract = enrolment.Contract };
        if (state.RecurrenceId is null && state.LocationId is { } pendingLoc)
        {
            // A previous run created the rec but did not record it: the location knows (never POST /rec blindly).
            var loc = await _recurrence.GetRecurrenceLocationAsync(pendingLoc, cancellationToken).ConfigureAwait(false);
            state.RecurrenceId = loc.RecurrenceId;
        }

        var existed = state.RecurrenceId is not null;
        if (state.RecurrenceId is null)
        {
            if (!pushJourney && state.LocationId is null)
            {
                var loc = await _recurrence.CreateRecurrenceLocationAsync(cancellationToken).ConfigureAwait(false);
                state.LocationId = loc.Id;
                await _store.SaveEnrolmentAsync(state, cancellationToken).ConfigureAwait(false);
            }
            else if (pushJourney)
            {
                state.RecurrenceId = await FindCreatedRecurrenceAsync(enrolment, cancellationToken).ConfigureAwait(false);
            }

            if (state.RecurrenceId is null)
            {
                var rec = await _recurrence.CreateRecurrenceAsync(new PixRecurrenceRequest
                {
                    Contract = enrolment.Contract,
                    Description = enrolment.Description,
                    Debtor = enrolment.Document,
                    DebtorName = enrolment.Name,
                    StartDate = enrolment.FirstDueDate,
                    Periodicity = PixRecurrencePeriodicity.Monthly,
                    MinimumAmount = enrolment.MinimumAmount,
                    RetryPolicy = _options.RetryPolicy,
                    LocationId = pushJourney ? null : state.LocationId,
                    JourneyTxid = enrolment.ImmediateChargeTxid,
                }, cancellationToken).ConfigureAwait(false);
                state.RecurrenceId = rec.Id;
            }

            state.Status = "CRIADA";
            await _store.SaveEnrolmentAsync(state, cancellationToken).ConfigureAwait(false);
            await _store.Enrolments.SetAsync(RecurringBillingStore.RecKey(state.RecurrenceId), state.CustomerId, cancellationToken).ConfigureAwait(false);
        }

        if (pushJourney && state.ConfirmationId is null)
        {
            var confirmation = await _recurrence.RequestRecurrenceConfirmationAsync(new PixRecurrenceConfirmationRequest
            {
                RecurrenceId = state.RecurrenceId,
                Payer = enrolment.Document,
                Account = enrolment.BankAccount!,
                Ispb = enrolment.BankIspb!,
                Branch = enrolment.BankBranch,
            }, cancellationToken).ConfigureAwait(false);
            state.ConfirmationId = confirmation.Id;
            await _store.SaveEnrolmentAsync(state, cancellationToken).ConfigureAwait(false);
        }

        if (existed && enrolment.ImmediateChargeTxid is { } journey3)
        {
            // A recurrence created before without this immediate charge: point its journey at it while it is pending.
            var before = await _recurrence.GetRecurrenceAsync(state.RecurrenceId, null, cancellationToken).ConfigureAwait(false);
            if (before.Status == PixRecurrenceStatus.Created && before.JourneyTxid != journey3)
                await _recurrence.UpdateRecurrenceAsync(state.RecurrenceId, new PixRecurrenceUpdate { JourneyTxid = journey3 }, cancellationToken).ConfigureAwait(false);
        }

        // With a charge's txid the PSP answers the composite QR code (journey 3 or 4) instead of the journey-2 one.
        var current = await _recurrence.GetRecurrenceAsync(state.RecurrenceId, compositeTxid, cancellationToken).ConfigureAwait(false);
        if (state.Status != current.StatusCode)
        {
            state.Status = current.StatusCode ?? state.Status;
            await _store.SaveEnrolmentAsync(state, cancellationToken).ConfigureAwait(false);
        }

        return new RecurringEnrolmentResult
        {
            CustomerId = state.CustomerId,
            RecurrenceId = state.RecurrenceId,
            Status = current.Status,
            QrCode = current.Status == PixRecurrenceStatus.Created ? current.QrCode : null,
            ConfirmationId = state.ConfirmationId,
        };
    }

    /// <summary>Reads the enrolment's recurrence at the PSP and records its status (use it to track authorisation).</summary>
    /// <param name="customerId">The customer.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The enrolment, or null when the customer was never enrolled.</returns>
    public async Task<RecurringEnrolmentResult?> RefreshEnrolmentAsync(string customerId, CancellationToken cancellationToken = default)
    {
        var (state, _) = await _store.GetEnrolmentAsync(customerId, cancellationToken).ConfigureAwait(false);
        if (state?.RecurrenceId is null) return null;
        var rec = await _recurrence.GetRecurrenceAsync(state.RecurrenceId, null, cancellationToken).ConfigureAwait(false);
        state.Status = rec.StatusCode ?? state.Status;
        await _store.SaveEnrolmentAsync(state, cancellationToken).ConfigureAwait(false);
        return new RecurringEnrolmentResult
        {
            CustomerId = customerId,
            RecurrenceId = rec.Id,
            Status = rec.Status,
            QrCode = rec.Status == PixRecurrenceStatus.Created ? rec.QrCode : null,
            ConfirmationId = state.ConfirmationId,
        };
    }

    /// <summary>
    /// Applies a confirmed recurrence event (from <see cref="PixRecurrenceWebhookHandler"/>): authorised or ended.
    /// Charge events need nothing here (the monthly run reads the PSP).
    /// </summary>
    /// <param name="recurrenceEvent">The event.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>True when an enrolment was updated.</returns>
    public async Task<bool> ApplyAsync(PixRecurrenceEvent recurrenceEvent, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(recurrenceEvent);
        var rec = recurrenceEvent switch
        {
            RecurrenceAuthorized a => a.Recurrence,
            RecurrenceCancelled c => c.Recurrence,
            _ => null,
        };
        if (rec is null) return false;
        var owner = await _store.Enrolments.GetAsync(RecurringBillingStore.RecKey(rec.Id), cancellationToken).ConfigureAwait(false);
        if (owner is null) return false;
        var (state, _) = await _store.GetEnrolmentAsync(owner.Value, cancellationToken).ConfigureAwait(false);
        if (state is null || state.RecurrenceId != rec.Id) return false;
        state.Status = rec.StatusCode ?? state.Status;
        await _store.SaveEnrolmentAsync(state, cancellationToken).ConfigureAwait(false);
        return true;
    }

    /// <summary>
    /// Ends a customer's Pix Automático (the contract ended, or the customer asked the ISP): cancels the recurrence at
    /// the PSP (<c>PATCH /rec</c>, status <c>CANCELADA</c>) and records it. Later invoices go to the régua (by
    /// <c>lotecobv</c> when the workflow has a batch client); enrolling again starts a new recurrence. A cobr already
    /// created for this cycle is left to the rules above: call <see cref="RequestFallbackAsync"/> for that invoice to
    /// cancel it while it can still be cancelled, or to wait for its outcome when it cannot.
    /// </summary>
    /// <param name="customerId">The customer.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The enrolment as it ends, or null when the customer was never enrolled.</returns>
    public async Task<RecurringEnrolmentResult?> CancelEnrolmentAsync(string customerId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(customerId);
        var (state, _) = await _store.GetEnrolmentAsync(customerId, cancellationToken).ConfigureAwait(false);
        if (state?.RecurrenceId is null) return null;
        PixRecurrence rec;
        try
        {
            rec = await _recurrence.CancelRecurrenceAsync(state.RecurrenceId, cancellationToken).ConfigureAwait(false);
        }
        catch (ConnectorException ex) when (ex is ConnectorValidationException or ConnectorTransportException)
        {
            // Refused (already ended?) or the answer was lost: the PSP's record decides.
            rec = await _recurrence.GetRecurrenceAsync(state.RecurrenceId, null, cancellationToken).ConfigureAwait(false);
            if (!rec.IsFinished) throw;
        }

        state.Status = rec.StatusCode ?? "CANCELADA";
        await _store.SaveEnrolmentAsync(state, cancellationToken).ConfigureAwait(false);
        return new RecurringEnrolmentResult { CustomerId = customerId, RecurrenceId = rec.Id, Status = rec.Status, ConfirmationId = state.ConfirmationId };
    }

    /// <summary>The stored status code of an ended recurrence (what <see cref="PixRecurrence.IsFinished"/> says of a read one).</summary>
    private static bool IsEnded(string? status) => status is "CANCELADA" or "REJEITADA" or "EXPIRADA";

    private async Task<string?> FindCreatedRecurrenceAsync(RecurringEnrolment enrolment, CancellationToken cancellationToken)
    {
        var now = _time.GetUtcNow();
        await foreach (var rec in _recurrence.ListRecurrencesAsync(new PixRecurrenceQuery
        {
            From = now.AddDays(-30), To = now.AddMinutes(5), Debtor = enrolment.Document, Status = PixRecurrenceStatus.Created,
        }, cancellationToken).ConfigureAwait(false))
        {
            if (rec.Contract == enrolment.Contract) return rec.Id;
        }

        return null;
    }

    // ------------------------------------------------------------------ monthly run

    /// <summary>
    /// One pass over the month's invoices (run it daily): creates each enrolled customer's cobr inside the window,
    /// follows the PSP's record, requests retries on the schedule, hands what stays unpaid to the régua and reconciles
    /// double payments. With a <c>lotecobv</c> client, also sends the invoices of customers not enrolled as cobv in
    /// batches and reports each charge's outcome. Errors are reported per invoice and retried by the next pass.
    /// </summary>
    /// <param name="invoices">The invoices (each with a letters-and-digits id).</param>
    /// <param name="cancellationToken">Cancels the pass.</param>
    public async Task<RecurringCycleReport> RunAsync(IEnumerable<RecurringInvoice> invoices, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(invoices);
        // An entry a crash left half-claimed keeps its invoices before new candidates are picked.
        if (_batches is not null) await DriveBatchesAsync(claimOnly: true, cancellationToken).ConfigureAwait(false);
        var results = new List<RecurringInvoiceResult>();
        var batchLines = new List<(int Index, RecurringInvoice Invoice)>();
        var candidates = new List<RecurringInvoice>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var invoice in invoices)
        {
            cancellationToken.ThrowIfCancellationRequested();
            ArgumentNullException.ThrowIfNull(invoice, nameof(invoices));
            RecurringInvoiceResult line;
            try
            {
                line = await ProcessAsync(invoice, fallbackNow: false, cancellationToken).ConfigureAwait(false);
            }
            catch (ConnectorException ex)
            {
                line = Result(invoice, RecurringInvoiceOutcome.Failed, null, ex.Message);
            }
            catch (ArgumentException ex)
            {
                line = Result(invoice, RecurringInvoiceOutcome.Failed, null, ex.Message);
            }

            if (_batches is not null && line.Outcome is RecurringInvoiceOutcome.NotEnrolled or RecurringInvoiceOutcome.DueChargeBatched)
            {
                batchLines.Add((results.Count, invoice));
                if (line.Outcome == RecurringInvoiceOutcome.NotEnrolled && seen.Add(invoice.InvoiceId)) candidates.Add(invoice);
            }

            results.Add(line);
        }

        if (_batches is null) return new RecurringCycleReport { Invoices = results };

        // Open entries are driven even when no line of this pass needs them (one a crash left unrecorded).
        var failures = candidates.Count == 0 ? [] : await StartBatchesAsync(candidates, cancellationToken).ConfigureAwait(false);
        var pass = await DriveBatchesAsync(claimOnly: false, cancellationToken).ConfigureAwait(false);
        foreach (var (index, invoice) in batchLines)
        {
            results[index] = failures.TryGetValue(invoice.InvoiceId, out var failure)
                ? Result(invoice, RecurringInvoiceOutcome.Failed, null, failure)
                : await BatchLineAsync(invoice, pass, cancellationToken).ConfigureAwait(false);
        }

        return new RecurringCycleReport { Invoices = results };
    }

    /// <summary>
    /// The customer (or an operator) wants the invoice by the régua now (e.g. asked the bot for a Pix code). Cancels the
    /// cobr when it still can be cancelled and issues the fallback cobv; when the cobr can no longer be cancelled the
    /// request is recorded and the fallback waits for the debit's outcome (<see cref="RecurringInvoiceOutcome.AwaitingOutcome"/>).
    /// </summary>
    /// <param name="invoice">The invoice.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public Task<RecurringInvoiceResult> RequestFallbackAsync(RecurringInvoice invoice, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(invoice);
        return ProcessAsync(invoice, fallbackNow: true, cancellationToken);
    }

    private async Task<RecurringInvoiceResult> ProcessAsync(RecurringInvoice invoice, bool fallbackNow, CancellationToken ct)
    {
        var (state, version) = await _store.GetChargeAsync(invoice.InvoiceId, ct).ConfigureAwait(false);
        var today = BrazilTime.Today(_time);
        if (state is null)
        {
            var (enrolment, _) = await _store.GetEnrolmentAsync(invoice.CustomerId, ct).ConfigureAwait(false);
            var enrolled = enrolment is { RecurrenceId: not null, Status: "APROVADA" };
            if (!enrolled && !fallbackNow && _batches is null) return Result(invoice, RecurringInvoiceOutcome.NotEnrolled, null, null);
            var tooLate = today > invoice.DueDate.AddDays(-_options.ScheduleWindowEndDays);
            if (!fallbackNow && today < invoice.DueDate.AddDays(-_options.ScheduleWindowStartDays))
                return Result(invoice, RecurringInvoiceOutcome.NotYetInWindow, null, null);

            // Not enrolled, window open: RunAsync sends it in a lotecobv batch.
            if (!enrolled && !fallbackNow) return Result(invoice, RecurringInvoiceOutcome.NotEnrolled, null, null);
            state = new ChargeState
            {
                InvoiceId = invoice.InvoiceId,
                CustomerId = invoice.CustomerId,
                RecurrenceId = enrolment?.RecurrenceId,
                DueDate = invoice.DueDate,
                Amount = invoice.Amount,
                Stage = enrolled && !tooLate && !fallbackNow ? "creating" : "fallback",
                Txid = enrolled && !tooLate && !fallbackNow ? PixTxid.ForInvoice(_options.TxidPrefix, invoice.InvoiceId) : null,
            };
            if (!await _store.TryAddChargeAsync(state, ct).ConfigureAwait(false))
                return Result(invoice, RecurringInvoiceOutcome.Failed, null, "another worker is handling this invoice; the next pass continues");
            (state, version) = await _store.GetChargeAsync(invoice.InvoiceId, ct).ConfigureAwait(false);
        }

        switch (state!.Stage)
        {
            case "creating":
                await _recurrence.CreateRecurringChargeAsync(state.Txid!, new PixRecurringChargeRequest
                {
                    RecurrenceId = state.RecurrenceId!,
                    DueDate = state.DueDate,
                    Amount = state.Amount,
                    ReceiverAccount = _options.ReceiverAccount,
                    ReceiverAccountType = _options.ReceiverAccountType,
                }, ct).ConfigureAwait(false);
                state.Stage = "created";
                if (!fallbackNow)
                {
                    await SaveAsync(state, version, ct).ConfigureAwait(false);
                    return Result(invoice, RecurringInvoiceOutcome.Created, state, null);
                }

                version = await SaveAsync(state, version, ct).ConfigureAwait(false);
                return await FollowAsync(invoice, state, version, today, fallbackNow, ct).ConfigureAwait(false);
            case "created":
                return await FollowAsync(invoice, state, version, today, fallbackNow, ct).ConfigureAwait(false);
            case "fallback":
                return await HandOverAsync(invoice, state, version, ct).ConfigureAwait(false);
            case "paid":
            case "refunding":
                return await ReconcileAsync(invoice, state, version, ct).ConfigureAwait(false);
            case "refunded":
                return Result(invoice, RecurringInvoiceOutcome.DoublePaymentRefunded, state, null);
            case "denied" when fallbackNow:
                // The batch refused it: issue it on its own (the data may have been fixed since).
                state.Stage = "fallback";
                version = await SaveAsync(state, version, ct).ConfigureAwait(false);
                return await HandOverAsync(invoice, state, version, ct).ConfigureAwait(false);
            case "batched":
            case "issued":
            case "denied":
                return StateLine(invoice, state);
            default:
                return Result(invoice, RecurringInvoiceOutcome.Failed, state, "unknown stage " + state.Stage);
        }
    }

    private async Task<RecurringInvoiceResult> FollowAsync(RecurringInvoice invoice, ChargeState state, long version, DateOnly today, bool fallbackNow, CancellationToken ct)
    {
        if (fallbackNow && !state.FallbackRequested)
        {
            state.FallbackRequested = true;
            version = await SaveAsync(state, version, ct).ConfigureAwait(false);
        }

        var charge = await _recurrence.GetRecurringChargeAsync(state.Txid!, ct).ConfigureAwait(false);
        if (charge.IsPaid)
        {
            state.Stage = "paid";
            version = await SaveAsync(state, version, ct).ConfigureAwait(false);
            return await ReconcileAsync(invoice, state, version, ct).ConfigureAwait(false);
        }

        if (charge.IsFailed)
            return await StartFallbackAsync(invoice, state, version, charge.EndCode, ct).ConfigureAwait(false);

        if (state.FallbackRequested)
        {
            // The customer wants the régua now: possible only while the cobr can still be cancelled.
            if (charge.FirstAttemptDate is { } first && today < first)
            {
                try
                {
                    await _recurrence.CancelRecurringChargeAsync(state.Txid!, ct).ConfigureAwait(false);
                }
                catch (ConnectorValidationException)
                {
                    // The PSP says it is too late (its clock may differ): wait for the outcome.
                    return Result(invoice, RecurringInvoiceOutcome.AwaitingOutcome, state, "the cobr can no longer be cancelled");
                }
                catch (ConnectorTransportException)
                {
                    // Outcome unknown: re-read rather than assume.
                    var reread = await _recurrence.GetRecurringChargeAsync(state.Txid!, ct).ConfigureAwait(false);
                    if (reread.Status != PixRecurringChargeStatus.Cancelled)
                        return Result(invoice, RecurringInvoiceOutcome.AwaitingOutcome, state, "cancellation outcome unknown; re-checked next pass");
                }

                return await StartFallbackAsync(invoice, state, version, "SLCR", ct).ConfigureAwait(false);
            }

            if (charge.HasPendingAttempt) return Result(invoice, RecurringInvoiceOutcome.AwaitingOutcome, state, "a debit attempt is scheduled and cannot be cancelled");
        }

        if (charge.Status == PixRecurringChargeStatus.Created || charge.HasPendingAttempt)
            return Result(invoice, RecurringInvoiceOutcome.Scheduled, state, null);

        // Active, the last attempt failed, nothing pending: retry on the schedule, else hand over.
        var canRetry = charge.RetryPolicy == PixRetryPolicy.ThreeRetriesInSevenDays
            && !charge.Attempts.Any(a => a.Status == PixChargeAttemptStatus.Rejected && PixRejectionCodes.IsFinal(a.RejectionCode));
        if (canRetry && !state.FallbackRequested)
        {
            var used = charge.Attempts.Where(a => a.SettlementDate is not null).Select(a => a.SettlementDate!.Value).ToHashSet();
            foreach (var offset in _options.RetryOffsetsDays.Order())
            {
                var date = state.DueDate.AddDays(offset);
                if (date <= today || used.Contains(date)) continue;
                if (state.Retries.Contains(date))
                {
                    // Recorded but not visible at the PSP: the request was lost; sending again is safe now.
                }
                else
                {
                    state.Retries.Add(date);
                    version = await SaveAsync(state, version, ct).ConfigureAwait(false);
                }

                try
                {
                    await _recurrence.RequestRecurringChargeRetryAsync(state.Txid!, date, ct).ConfigureAwait(false);
                }
                catch (ConnectorValidationException ex)
                {
                    return Result(invoice, RecurringInvoiceOutcome.Failed, state, "retry refused: " + ex.ProviderErrorCode);
                }

                return Result(invoice, RecurringInvoiceOutcome.RetryRequested, state, date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
            }
        }

        // No attempt pending and none will be requested: the cobr can no longer be debited.
        return await StartFallbackAsync(invoice, state, version, charge.Attempts.LastOrDefault()?.RejectionCode ?? charge.Attempts.LastOrDefault()?.StatusCode, ct).ConfigureAwait(false);
    }

    private async Task<RecurringInvoiceResult> StartFallbackAsync(RecurringInvoice invoice, ChargeState state, long version, string? why, CancellationToken ct)
    {
        state.Stage = "fallback";
        version = await SaveAsync(state, version, ct).ConfigureAwait(false);
        var result = await HandOverAsync(invoice, state, version, ct).ConfigureAwait(false);
        return why is null ? result : Result(invoice, result.Outcome, state, why);
    }

    private async Task<RecurringInvoiceResult> HandOverAsync(RecurringInvoice invoice, ChargeState state, long version, CancellationToken ct)
    {
        var txid = state.FallbackTxid ?? PixTxid.ForInvoice(_options.FallbackTxidPrefix, invoice.InvoiceId);
        var today = BrazilTime.Today(_time);
        var due = invoice.DueDate > today ? invoice.DueDate : today.AddDays(_options.FallbackDueInDays);
        // PUT /cobv/{txid} is idempotent: a re-run gets the same charge.
        await _pix.CreateDueChargeAsync(txid, new PixDueChargeRequest
        {
            Key = _options.PixKey,
            Amount = invoice.Amount,
            DueDate = state.FallbackTxid is null ? due : (await _pix.GetDueChargeAsync(txid, ct).ConfigureAwait(false)).DueDate ?? due,
            ValidityAfterDueDays = _options.FallbackValidityDays,
            Debtor = new PixDebtor { Document = invoice.Document, Name = invoice.Name },
            PayerMessage = "Fatura " + invoice.InvoiceId,
        }, ct).ConfigureAwait(false);
        var first = !state.HandedOver;
        state.FallbackTxid = txid;
        state.HandedOver = true;
        version = await SaveAsync(state, version, ct).ConfigureAwait(false);
        var result = Result(invoice, RecurringInvoiceOutcome.HandedToDunning, state, null);
        if (first && _options.OnHandedToDunning is { } notify) await notify(result, ct).ConfigureAwait(false);

        // A cobr paid after all (a race outside these rules) makes a double payment: reconcile.
        if (state.Txid is not null && state.RecurrenceId is not null)
        {
            var charge = await _recurrence.GetRecurringChargeAsync(state.Txid, ct).ConfigureAwait(false);
            if (charge.IsPaid)
            {
                state.Stage = "paid";
                version = await SaveAsync(state, version, ct).ConfigureAwait(false);
                return await ReconcileAsync(invoice, state, version, ct).ConfigureAwait(false);
            }
        }

        return result;
    }

    /// <summary>The cobr is paid: if a cobv for the same invoice was paid too, refund the cobv payment (once).</summary>
    private async Task<RecurringInvoiceResult> ReconcileAsync(RecurringInvoice invoice, ChargeState state, long version, CancellationToken ct)
    {
        var other = state.FallbackTxid ?? invoice.ExistingDueChargeTxid;
        if (other is null) return Result(invoice, RecurringInvoiceOutcome.Paid, state, null);
        PixCharge cobv;
        try
        {
            cobv = await _pix.GetDueChargeAsync(other, ct).ConfigureAwait(false);
        }
        catch (ConnectorNotFoundException)
        {
            return Result(invoice, RecurringInvoiceOutcome.Paid, state, null);
        }

        var payment = cobv.Payments.FirstOrDefault();
        if (payment is null)
        {
            if (!cobv.Status.IsPaid && cobv.Status == PixChargeStatus.Active && state.FallbackTxid is not null)
            {
                // Our own fallback is still open while the cobr paid: withdraw it so it cannot be paid too.
                await _pix.UpdateDueChargeAsync(other, PixChargeUpdate.Cancel, ct).ConfigureAwait(false);
            }

            return Result(invoice, RecurringInvoiceOutcome.Paid, state, null);
        }

        var refundId = state.RefundId ?? ("D" + invoice.InvoiceId)[..Math.Min(35, invoice.InvoiceId.Length + 1)];
        if (state.Stage != "refunding")
        {
            state.Stage = "refunding";
            state.RefundId = refundId;
            state.RefundedEndToEndId = payment.EndToEndId;
            version = await SaveAsync(state, version, ct).ConfigureAwait(false);
        }
        else
        {
            try
            {
                await _pix.GetRefundAsync(payment.EndToEndId, refundId, ct).ConfigureAwait(false);
                state.Stage = "refunded";
                await SaveAsync(state, version, ct).ConfigureAwait(false);
                return Result(invoice, RecurringInvoiceOutcome.DoublePaymentRefunded, state, null);
            }
            catch (ConnectorNotFoundException)
            {
                // not sent (or lost): sending now is safe
            }
        }

        await _pix.RefundAsync(payment.EndToEndId, refundId, new PixRefundRequest
        {
            Amount = payment.Amount,
            Nature = "ORIGINAL",
            Description = "Fatura paga em duplicidade (Pix Automático)",
        }, ct).ConfigureAwait(false);
        state.Stage = "refunded";
        await SaveAsync(state, version, ct).ConfigureAwait(false);
        var result = Result(invoice, RecurringInvoiceOutcome.DoublePaymentRefunded, state, null);
        if (_options.OnDoublePayment is { } notify) await notify(result, ct).ConfigureAwait(false);
        return result;
    }

    private async Task<long> SaveAsync(ChargeState state, long version, CancellationToken ct)
    {
        if (!await _store.TryUpdateChargeAsync(state, version, ct).ConfigureAwait(false))
            throw new ConnectorTransportException("workflow", "recurring-billing", "The invoice's state changed meanwhile (another worker); the next pass continues from the stored state.");
        return version + 1;
    }

    private static RecurringInvoiceResult Result(RecurringInvoice invoice, RecurringInvoiceOutcome outcome, ChargeState? state, string? detail,
        string? batchId = null) => new()
    {
        InvoiceId = invoice.InvoiceId,
        CustomerId = invoice.CustomerId,
        Outcome = outcome,
        Txid = state?.Txid,
        FallbackTxid = state?.FallbackTxid ?? (state?.Stage == "issued" ? state.BatchTxid : null),
        BatchId = batchId ?? state?.BatchId,
        RefundedEndToEndId = state?.Stage is "refunded" or "refunding" ? state.RefundedEndToEndId : null,
        Detail = detail,
    };
}
