using System.Collections.Concurrent;
using System.Globalization;
using Cobranca.Connectors.Abstractions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Cobranca.Connectors.Workflows;

/// <summary>
/// Restores service when a payment lands: locates the customer and invoice, re-reads the debt in the billing system
/// (no unblock while another invoice is overdue), then unblocks through the configured access controllers in order
/// (the ERP first, then e.g. a MikroTik session kick so RADIUS re-applies the state). Idempotent per
/// <see cref="PaymentReceived.PaymentId"/>; an unavailable system leaves the payment pending in the
/// <see cref="IUnblockLedger"/> until <see cref="RetryPendingAsync"/> completes it.
/// </summary>
/// <remarks>
/// Anatel's RGC (Res. 765/2023, art. 78) requires restoring within 1 day of learning of the payment: every outcome and
/// ledger entry carries the <c>RestoreDeadline</c>. Call <see cref="RetryPendingAsync"/> on a timer (every few minutes)
/// so pending payments complete well inside it.
/// </remarks>
public sealed class PaymentToUnblock
{
    private readonly IBillingSystem _billing;
    private readonly IReadOnlyList<IAccessController> _controllers;
    private readonly PaymentToUnblockOptions _options;
    private readonly ILogger _logger;
    private readonly SemaphoreSlim _slots;
    private int _admitted;

    /// <summary>Creates the workflow.</summary>
    /// <param name="billingSystem">Where customers, invoices and debt live.</param>
    /// <param name="accessControllers">Where access is restored, in order (ERP first, then router kick). At least one.</param>
    /// <param name="options">Settings; defaults when null.</param>
    /// <param name="logger">Logger; none when null.</param>
    /// <exception cref="ArgumentException">No access controller, or invalid options.</exception>
    public PaymentToUnblock(IBillingSystem billingSystem, IReadOnlyList<IAccessController> accessControllers,
        PaymentToUnblockOptions? options = null, ILogger? logger = null)
    {
        ArgumentNullException.ThrowIfNull(billingSystem);
        ArgumentNullException.ThrowIfNull(accessControllers);
        if (accessControllers.Count == 0 || accessControllers.Any(c => c is null))
            throw new ArgumentException("Give at least one access controller, and no null ones.", nameof(accessControllers));
        _billing = billingSystem;
        _controllers = accessControllers.ToArray();
        _options = options ?? new PaymentToUnblockOptions();
        _options.Validate();
        _slots = new SemaphoreSlim(_options.MaxConcurrentAttempts, _options.MaxConcurrentAttempts);
        _logger = logger ?? NullLogger.Instance;
    }

    /// <summary>The ledger (dedupe and pending store).</summary>
    public IUnblockLedger Ledger => _options.Ledger;

    /// <summary>Payments accepted by <see cref="ProcessAsync"/> and not finished yet in this instance (running or
    /// waiting for one of the <see cref="PaymentToUnblockOptions.MaxConcurrentAttempts"/> slots).</summary>
    public int InProgress => Volatile.Read(ref _admitted);

    /// <summary>
    /// Handles a confirmed payment. The payment is first recorded in the ledger (so it is never lost), then worked under
    /// a claim. A payment already seen (same <see cref="PaymentReceived.PaymentId"/>) does nothing and returns the
    /// ledger's state with <see cref="UnblockOutcome.IsDuplicate"/> set; a pending one is completed by
    /// <see cref="RetryPendingAsync"/>, not by redelivery.
    /// </summary>
    /// <remarks>
    /// Back-pressure: at most <see cref="PaymentToUnblockOptions.MaxConcurrentAttempts"/> payments are worked at once;
    /// further calls wait for a slot. When more than <see cref="PaymentToUnblockOptions.MaxWaitingPayments"/> are already
    /// waiting, the call returns at once with <see cref="UnblockStatus.Pending"/> and
    /// <see cref="UnblockReason.IntakeLimitReached"/>: the payment is in the ledger and the retry loop completes it.
    /// </remarks>
    /// <param name="payment">The payment, confirmed at its source.</param>
    /// <param name="cancellationToken">Cancels the attempt; the payment then stays pending in the ledger.</param>
    public async Task<UnblockOutcome> ProcessAsync(PaymentReceived payment, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(payment);
        ArgumentException.ThrowIfNullOrWhiteSpace(payment.PaymentId, nameof(payment));
        var started = _options.TimeProvider.GetTimestamp();
        var now = _options.TimeProvider.GetUtcNow();
        var entry = new UnblockLedgerEntry
        {
            Payment = payment,
            Status = UnblockStatus.Pending,
            Message = "Received; not processed yet.",
            SeenAt = now,
            RestoreDeadline = now + _options.RestoreWithin,
            UpdatedAt = now,
            CustomerId = payment.CustomerId,
            InvoiceId = payment.InvoiceId,
        };

        var claim = LedgerClaim.Create(_options.TimeProvider, _options.ClaimLease);
        if (!await _options.Ledger.TryAddAsync(entry, claim, cancellationToken).ConfigureAwait(false))
        {
            var existing = await _options.Ledger.GetAsync(payment.PaymentId, cancellationToken).ConfigureAwait(false) ?? entry;
            Log.Duplicate(_logger, payment.PaymentId, existing.Status);
            Instrumentation.Unblocks.Add(1, new KeyValuePair<string, object?>("status", "duplicate"));
            return ToOutcome(existing, [], _options.TimeProvider.GetElapsedTime(started), duplicate: true);
        }

        var admitted = Interlocked.Increment(ref _admitted);
        try
        {
            if (admitted > _options.MaxConcurrentAttempts + _options.MaxWaitingPayments)
                return await DeferAsync(entry, claim, admitted, started).ConfigureAwait(false);
            try
            {
                await _slots.WaitAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                await _options.Ledger.SaveAttemptAsync(entry, claim, CancellationToken.None).ConfigureAwait(false); // pending, unclaimed
                throw;
            }
            var slot = new SlotLease(_slots);
            try
            {
                return await AttemptAsync(entry, claim, started, slot, cancellationToken).ConfigureAwait(false);
            }
            finally
            {
                slot.Release();
            }
        }
        finally
        {
            Interlocked.Decrement(ref _admitted);
        }
    }

    /// <summary>
    /// Claims the pending payments in the ledger (those no other attempt holds, on this worker or another one sharing the
    /// store), least recently attempted first, and works them with at most
    /// <see cref="PaymentToUnblockOptions.MaxConcurrentAttempts"/> at once; returns one outcome per payment attempted.
    /// Each pending payment is attempted at most once per call. Controller calls that already succeeded are not repeated.
    /// </summary>
    /// <param name="cancellationToken">Cancels the retries; unfinished payments stay pending.</param>
    public async Task<IReadOnlyList<UnblockOutcome>> RetryPendingAsync(CancellationToken cancellationToken = default)
    {
        var outcomes = new ConcurrentBag<UnblockOutcome>();
        var attempted = new HashSet<string>(StringComparer.Ordinal);
        var batchSize = _options.MaxConcurrentAttempts * 4;
        while (true)
        {
            var claim = LedgerClaim.Create(_options.TimeProvider, _options.ClaimLease);
            var batch = await _options.Ledger.ClaimPendingAsync(batchSize, claim, cancellationToken).ConfigureAwait(false);
            var fresh = new List<UnblockLedgerEntry>(batch.Count);
            foreach (var entry in batch)
            {
                if (attempted.Add(entry.PaymentId)) fresh.Add(entry);
                else await _options.Ledger.SaveAttemptAsync(entry, claim, CancellationToken.None).ConfigureAwait(false); // back, untouched
            }
            var parallel = new ParallelOptions { MaxDegreeOfParallelism = _options.MaxConcurrentAttempts, CancellationToken = cancellationToken };
            await Parallel.ForEachAsync(fresh, parallel, async (entry, ct) =>
            {
                await _slots.WaitAsync(ct).ConfigureAwait(false);
                var slot = new SlotLease(_slots);
                try
                {
                    outcomes.Add(await AttemptAsync(entry, claim, _options.TimeProvider.GetTimestamp(), slot, ct).ConfigureAwait(false));
                }
                finally
                {
                    slot.Release();
                }
            }).ConfigureAwait(false);
            if (batch.Count < batchSize || fresh.Count < batch.Count) break;
        }
        return outcomes.OrderBy(o => o.SeenAt).ThenBy(o => o.PaymentId, StringComparer.Ordinal).ToList();
    }

    private async Task<UnblockOutcome> DeferAsync(UnblockLedgerEntry entry, LedgerClaim claim, int waiting, long started)
    {
        var deferred = entry with
        {
            Reason = UnblockReason.IntakeLimitReached,
            Message = string.Create(CultureInfo.InvariantCulture,
                $"Intake limit reached ({waiting - 1} payments in progress): recorded as pending; the retry loop restores it."),
        };
        await _options.Ledger.SaveAttemptAsync(deferred, claim, CancellationToken.None).ConfigureAwait(false);
        Log.IntakeDeferred(_logger, entry.PaymentId, waiting - 1);
        Instrumentation.Unblocks.Add(1, new KeyValuePair<string, object?>("status", "deferred"));
        return ToOutcome(deferred, [], _options.TimeProvider.GetElapsedTime(started), duplicate: false);
    }

    /// <summary>A slot released once: after the controller calls (so the next payment starts while this one's result is
    /// written to the ledger), or at the end at the latest.</summary>
    private sealed class SlotLease(SemaphoreSlim slots)
    {
        private int _released;

        public void Release()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0) slots.Release();
        }
    }

    private async Task<UnblockOutcome> AttemptAsync(UnblockLedgerEntry entry, LedgerClaim claim, long started, SlotLease slot, CancellationToken cancellationToken)
    {
        using var activity = Instrumentation.ActivitySource.StartActivity("workflows.payment-to-unblock");
        activity?.SetTag("cobranca.payment.source", entry.Payment.Source);

        var steps = new List<UnblockStep>();
        var attempt = entry with { Attempts = entry.Attempts + 1 };
        UnblockLedgerEntry result;
        try
        {
            result = await RunStepsAsync(attempt, steps, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // The caller stopped: give the payment back, still pending, so the next retry pass (here or elsewhere) takes it
            // at once instead of waiting for the claim to expire. A controller call cut short is redone (idempotent).
            await _options.Ledger.SaveAttemptAsync(entry with { UpdatedAt = _options.TimeProvider.GetUtcNow(), Message = "Cancelled by the caller; will be retried." },
                claim, CancellationToken.None).ConfigureAwait(false);
            throw;
        }

        // The billing system and the controllers are done with this payment: the slot goes to the next one while the
        // result is written (the claim still holds the payment until the write releases it).
        slot.Release();
        var now = _options.TimeProvider.GetUtcNow();
        result = result with { UpdatedAt = now };
        if (result.Status == UnblockStatus.Restored) result = result with { RestoredAt = now };
        if (!await _options.Ledger.SaveAttemptAsync(result, claim, CancellationToken.None).ConfigureAwait(false))
            Log.UnblockClaimLost(_logger, result.PaymentId); // the other holder resumes from the stored steps; unblock is idempotent

        activity?.SetTag("cobranca.unblock.status", result.Status.ToString());
        Instrumentation.Unblocks.Add(1, new KeyValuePair<string, object?>("status", result.Status.ToString()));
        switch (result.Status)
        {
            case UnblockStatus.Restored:
                var latency = (now - result.SeenAt).TotalSeconds;
                Instrumentation.RestoreLatency.Record(latency);
                Log.Restored(_logger, result.PaymentId, result.CustomerId, latency, result.RestoreDeadline);
                break;
            case UnblockStatus.Pending:
                Log.Pending(_logger, result.PaymentId, result.Reason, result.RestoreDeadline, result.Message ?? string.Empty);
                if (now > result.RestoreDeadline) Log.DeadlineMissed(_logger, result.PaymentId, result.RestoreDeadline);
                break;
            default:
                Log.NotRestored(_logger, result.PaymentId, result.Reason, result.Message ?? string.Empty);
                break;
        }

        return ToOutcome(result, steps, _options.TimeProvider.GetElapsedTime(started), duplicate: false);
    }

    private async Task<UnblockLedgerEntry> RunStepsAsync(UnblockLedgerEntry entry, List<UnblockStep> steps, CancellationToken cancellationToken)
    {
        // 1. Locate the invoice and the customer.
        string? invoiceId, customerId;
        try
        {
            (invoiceId, customerId) = await LocateAsync(entry, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (!IsCallerCancellation(ex, cancellationToken))
        {
            var error = Describe(ex);
            steps.Add(new UnblockStep(UnblockStepKind.Locate, false, "Could not locate the invoice/customer.", Error: error));
            return entry with { Status = UnblockStatus.Pending, Reason = UnblockReason.BillingSystemFailed, Message = error };
        }

        entry = entry with { InvoiceId = invoiceId, CustomerId = customerId };
        if (customerId is null)
        {
            var why = invoiceId is null
                ? "The payment names no invoice or customer and the reference could not be resolved (configure an IPaymentTargetResolver)."
                : $"Invoice {invoiceId} is not open in the billing system and the payment names no customer (have the resolver return the customer id).";
            steps.Add(new UnblockStep(UnblockStepKind.Locate, false, why));
            return entry with { Status = UnblockStatus.NotRestored, Reason = UnblockReason.TargetNotFound, Message = why };
        }
        steps.Add(new UnblockStep(UnblockStepKind.Locate, true,
            invoiceId is null ? $"Customer {customerId} (invoice not named)." : $"Invoice {invoiceId} of customer {customerId}."));

        // 2. Re-read the debt: never trust the payment alone.
        DebtStatus debt;
        try
        {
            debt = await _billing.GetDebtStatusAsync(customerId, cancellationToken).ConfigureAwait(false);
        }
        catch (ConnectorNotFoundException ex)
        {
            var error = Describe(ex);
            steps.Add(new UnblockStep(UnblockStepKind.ReadDebt, false, $"Customer {customerId} does not exist in the billing system.", Error: error));
            return entry with { Status = UnblockStatus.NotRestored, Reason = UnblockReason.TargetNotFound, Message = error };
        }
        catch (Exception ex) when (!IsCallerCancellation(ex, cancellationToken))
        {
            var error = Describe(ex);
            steps.Add(new UnblockStep(UnblockStepKind.ReadDebt, false, "Could not re-read the debt status.", Error: error));
            return entry with { Status = UnblockStatus.Pending, Reason = UnblockReason.BillingSystemFailed, Message = error };
        }

        var others = debt.Overdue.Where(i => !string.Equals(i.Id, invoiceId, StringComparison.Ordinal)).ToList();
        if (others.Count > 0)
        {
            var why = invoiceId is null
                ? $"The customer still has {Describe(others)} overdue; the debt is not settled, so access stays as it is."
                : $"Invoice {invoiceId} is paid but the customer still has {Describe(others)} overdue; the debt is not settled, so access stays as it is.";
            steps.Add(new UnblockStep(UnblockStepKind.ReadDebt, false, why));
            return entry with
            {
                Status = UnblockStatus.NotRestored,
                Reason = invoiceId is null ? UnblockReason.OverdueInvoicesRemain : UnblockReason.OtherOverdueInvoices,
                Message = why,
            };
        }

        if (debt.Overdue.Count > 0)
        {
            var waited = _options.TimeProvider.GetUtcNow() - entry.SeenAt;
            var expired = waited > _options.SettlementWait;
            var why = expired
                ? $"Invoice {invoiceId} is still open in the billing system {waited.TotalHours:0} h after the payment (partial payment, or the payment was never registered): check it by hand."
                : $"Invoice {invoiceId} is still open in the billing system: it has not registered the payment yet; will retry.";
            steps.Add(new UnblockStep(UnblockStepKind.ReadDebt, false, why));
            return entry with
            {
                Status = expired ? UnblockStatus.NotRestored : UnblockStatus.Pending,
                Reason = expired ? UnblockReason.PaymentNotRegistered : UnblockReason.PaymentNotYetRegistered,
                Message = why,
            };
        }

        var contracts = debt.Contracts.Where(_options.ShouldRestore).OrderBy(c => c.Id, StringComparer.Ordinal).ToList();
        steps.Add(new UnblockStep(UnblockStepKind.ReadDebt, true,
            string.Create(CultureInfo.InvariantCulture, $"Nothing overdue; {contracts.Count} contract(s) to restore.")));
        if (contracts.Count == 0)
        {
            const string why = "The customer has no contract to restore.";
            return entry with { Status = UnblockStatus.NotRestored, Reason = UnblockReason.NoContracts, Message = why };
        }

        // 3. Unblock, controller by controller, in order; resume where an earlier attempt stopped.
        var completed = new List<string>(entry.CompletedSteps);
        string? failure = null;
        foreach (var contract in contracts)
        {
            // The contract as the debt re-read just reported it: an access controller of the same ERP need not read it again.
            var subscriber = contract.ToSubscriber() with { Contract = contract };
            for (var i = 0; i < _controllers.Count; i++)
            {
                var controller = _controllers[i];
                var name = controller.Info.Name;
                var key = string.Create(CultureInfo.InvariantCulture, $"{contract.Id}|{i}:{name}");
                if (completed.Contains(key, StringComparer.Ordinal))
                {
                    steps.Add(new UnblockStep(UnblockStepKind.Unblock, true, "Already done by an earlier attempt.", name, contract.Id));
                    continue;
                }
                if (!controller.Info.Supports(AccessCapabilities.Unblock))
                {
                    steps.Add(new UnblockStep(UnblockStepKind.Unblock, true, "Skipped: this controller cannot unblock.", name, contract.Id));
                    completed.Add(key);
                    continue;
                }

                try
                {
                    var change = await controller.UnblockAsync(subscriber, cancellationToken).ConfigureAwait(false);
                    steps.Add(new UnblockStep(UnblockStepKind.Unblock, true,
                        change.Changed ? "Restored." : "Already active.", name, contract.Id, change));
                    completed.Add(key);
                }
                catch (Exception ex) when (!IsCallerCancellation(ex, cancellationToken))
                {
                    var error = Describe(ex);
                    steps.Add(new UnblockStep(UnblockStepKind.Unblock, false,
                        "Failed; later controllers for this contract wait for it.", name, contract.Id, Error: error));
                    failure ??= $"{name} failed for contract {contract.Id}: {error}";
                    break; // a router kick before the ERP is restored would just re-apply the block
                }
            }
        }

        entry = entry with { CompletedSteps = completed };
        return failure is null
            ? entry with { Status = UnblockStatus.Restored, Reason = UnblockReason.None, Message = "Service restored." }
            : entry with { Status = UnblockStatus.Pending, Reason = UnblockReason.AccessControllerFailed, Message = failure };
    }

    private async Task<(string? InvoiceId, string? CustomerId)> LocateAsync(UnblockLedgerEntry entry, CancellationToken cancellationToken)
    {
        var invoiceId = entry.InvoiceId ?? entry.Payment.InvoiceId;
        var customerId = entry.CustomerId ?? entry.Payment.CustomerId;
        // The resolver also supplies the customer when the payment names only its invoice: once the ERP has registered
        // the payment, the invoice is no longer among the open ones and cannot lead to its customer.
        if ((invoiceId is null || customerId is null) && _options.TargetResolver is { } resolver && !string.IsNullOrWhiteSpace(entry.Payment.Reference))
        {
            var target = await resolver.ResolveAsync(entry.Payment, cancellationToken).ConfigureAwait(false);
            invoiceId ??= target?.InvoiceId;
            customerId ??= target?.CustomerId;
        }

        if (customerId is null && invoiceId is not null)
        {
            // Fallback: find the invoice among the open ones (it is still open when the ERP has not registered the payment).
            await foreach (var invoice in _billing.ListOpenInvoicesAsync(InvoiceQuery.All, cancellationToken).ConfigureAwait(false))
            {
                if (string.Equals(invoice.Id, invoiceId, StringComparison.Ordinal))
                {
                    customerId = invoice.CustomerId;
                    break;
                }
            }
        }
        return (invoiceId, customerId);
    }

    private static UnblockOutcome ToOutcome(UnblockLedgerEntry entry, IReadOnlyList<UnblockStep> steps, TimeSpan elapsed, bool duplicate) => new()
    {
        PaymentId = entry.PaymentId,
        Status = entry.Status,
        Reason = entry.Reason,
        Message = duplicate ? $"Payment already seen; nothing done. Ledger: {entry.Status}. {entry.Message}" : entry.Message ?? string.Empty,
        IsDuplicate = duplicate,
        CustomerId = entry.CustomerId,
        InvoiceId = entry.InvoiceId,
        SeenAt = entry.SeenAt,
        RestoreDeadline = entry.RestoreDeadline,
        RestoredAt = entry.RestoredAt,
        Elapsed = elapsed,
        Attempts = entry.Attempts,
        Steps = steps,
    };

    private static string Describe(List<Invoice> invoices) =>
        string.Join(", ", invoices.Select(i => string.Create(CultureInfo.InvariantCulture,
            $"invoice {i.Id} due {i.DueDate:yyyy-MM-dd} ({Money.Format(i.OpenAmount)})")));

    internal static string Describe(Exception ex) => SensitiveData.RedactAndTruncate($"{ex.GetType().Name}: {ex.Message}", 500);

    internal static bool IsCallerCancellation(Exception ex, CancellationToken cancellationToken) =>
        ex is OperationCanceledException && cancellationToken.IsCancellationRequested;
}
