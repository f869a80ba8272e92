using Cobranca.Connectors.Abstractions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Cobranca.Connectors.Workflows;

/// <summary>
/// Runs a <see cref="DunningSchedule"/> over the whole base: streams the open invoices, groups them by customer, reads
/// in bulk the contracts of the customers whose invoices reach a throttle/block step, plans each customer with a
/// <see cref="DunningPlanner"/> and executes what is due: messages through the host's <see cref="INotificationSender"/>
/// (one per customer and step), throttle/block through the access controllers in order. Every executed action is
/// recorded in the <see cref="IDunningLedger"/>, so running again (the same day or later) repeats nothing.
/// </summary>
/// <remarks>
/// <para><b>ERP traffic is bounded, not per customer.</b> A run makes the pages of one open-invoice listing, the pages
/// of one bulk contract read (<see cref="IBillingSystem.ListContractsAsync"/>, when the billing system has
/// <see cref="BillingCapabilities.ListContracts"/>), and one <see cref="IBillingSystem.GetDebtStatusAsync"/> per customer
/// only where an action is due and the listed data could be stale (the re-read rule):</para>
/// <list type="bullet">
/// <item>before a throttle or block, always: a payment made since the listing must never lead to a suspension, and the
/// contract may have been released on trust meanwhile; the customer is re-planned from the fresh debt;</item>
/// <item>before a message, only when the listing is older than <see cref="DunningRunnerOptions.MaxSnapshotAge"/> at that
/// moment (a long run with a slow channel; <see cref="TimeSpan.Zero"/>: always); otherwise the listed amounts are sent;</item>
/// <item>never for a customer with nothing due (deferred, skipped, already done): a same-day re-run reads the listings,
/// the ledger, and nothing else.</item>
/// </list>
/// <para>Without the bulk contract read, only the customers whose invoices reach a throttle/block step are read one by
/// one. A filtered <see cref="DunningRunnerOptions.Query"/> (customer, due dates, overdue only) lists part of each
/// customer's debt, so those customers are all read one by one, as the plan must see the whole debt.
/// <see cref="DunningReport.DebtReads"/> counts the per-customer reads.</para>
/// <para>The ledger is read once per customer (<see cref="IDunningLedger.GetHistoryAsync"/>, an indexed read).</para>
/// <para>Each action is claimed in the ledger before it is executed and recorded after (claim → execute → complete, or
/// release on failure), so several workers can run the same day over one shared store and each action is executed
/// once. A crash between executing and recording leaves a claim that expires after
/// <see cref="DunningRunnerOptions.ClaimLease"/>; the next run takes it over as unconfirmed and, by
/// <see cref="DunningRunnerOptions.Unconfirmed"/>, re-sends it with the same
/// <see cref="DunningNotification.IdempotencyKey"/> (pass it to your channel so it delivers once) or reports it skipped.
/// The claim is on the action's first ledger key; the other invoices of a grouped message are recorded with it.</para>
/// </remarks>
public sealed class DunningRunner
{
    private readonly IBillingSystem _billing;
    private readonly INotificationSender _sender;
    private readonly IReadOnlyList<IAccessController> _controllers;
    private readonly DunningRunnerOptions _options;
    private readonly DunningPlanner _planner;
    private readonly ILogger _logger;

    /// <summary>Creates a runner.</summary>
    /// <param name="billingSystem">Where open invoices and debt are read.</param>
    /// <param name="schedule">The schedule; validated here.</param>
    /// <param name="notificationSender">The host's message channel.</param>
    /// <param name="accessControllers">Where throttle/block are applied, in order (ERP first, then router). May be empty
    /// when the schedule has no throttle/block step.</param>
    /// <param name="options">Settings; defaults when null.</param>
    /// <param name="logger">Logger; none when null.</param>
    /// <exception cref="ConnectorValidationException">The schedule is invalid.</exception>
    /// <exception cref="ArgumentException">The schedule restricts access but no controller was given, or invalid options.</exception>
    public DunningRunner(IBillingSystem billingSystem, DunningSchedule schedule, INotificationSender notificationSender,
        IReadOnlyList<IAccessController> accessControllers, DunningRunnerOptions? options = null, ILogger? logger = null)
    {
        ArgumentNullException.ThrowIfNull(billingSystem);
        ArgumentNullException.ThrowIfNull(notificationSender);
        ArgumentNullException.ThrowIfNull(accessControllers);
        _options = options ?? new DunningRunnerOptions();
        _options.Validate();
        _planner = new DunningPlanner(schedule, _options.Holidays);
        if (accessControllers.Any(c => c is null)) throw new ArgumentException("Null access controller.", nameof(accessControllers));
        if (accessControllers.Count == 0 && schedule.Steps.Any(s => s.Action != DunningActionKind.Notify))
            throw new ArgumentException("The schedule throttles or blocks, so at least one access controller is needed.", nameof(accessControllers));
        _billing = billingSystem;
        _sender = notificationSender;
        _controllers = accessControllers.ToArray();
        _logger = logger ?? NullLogger.Instance;
    }

    /// <summary>The planner this runner uses (same schedule and holidays).</summary>
    public DunningPlanner Planner => _planner;

    /// <summary>Runs the schedule once over every customer with open invoices.</summary>
    /// <param name="progress">Progress after each customer.</param>
    /// <param name="cancellationToken">Cancels the run; executed actions stay recorded, the rest is done by the next run.</param>
    /// <returns>The report.</returns>
    /// <exception cref="ConnectorException">The open invoices (or, in bulk, the contracts) could not be listed (nothing was done).</exception>
    public async Task<DunningReport> RunAsync(IProgress<DunningProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        var started = _options.TimeProvider.GetTimestamp();
        var at = BrazilTime.Now(_options.TimeProvider);
        var today = DateOnly.FromDateTime(at.DateTime);
        using var activity = Instrumentation.ActivitySource.StartActivity("workflows.dunning.run");
        activity?.SetTag("cobranca.dunning.dry_run", _options.DryRun);

        // The snapshot: every open invoice, grouped by customer (one streamed listing, paged by the backend).
        var snapshotAt = _options.TimeProvider.GetUtcNow();
        var invoicesOf = new Dictionary<string, List<Invoice>>(StringComparer.Ordinal);
        await foreach (var invoice in _billing.ListOpenInvoicesAsync(_options.Query, cancellationToken).ConfigureAwait(false))
        {
            if (!invoicesOf.TryGetValue(invoice.CustomerId, out var list)) invoicesOf[invoice.CustomerId] = list = [];
            list.Add(invoice);
        }
        var customers = invoicesOf.Keys.Order(StringComparer.Ordinal).ToArray();

        // A filtered query lists only part of each customer's debt: plan those customers from a fresh read instead.
        var snapshot = IsWholeBase(_options.Query);
        var contractsOf = snapshot
            ? await ListContractsAsync(customers.Where(c => _planner.ReachesAccessStep(invoicesOf[c], today)).ToList(), cancellationToken).ConfigureAwait(false)
            : null;

        var perCustomer = new List<DunningActionResult>[customers.Length];
        var failures = new DunningCustomerFailure?[customers.Length];
        int completed = 0, executed = 0, failed = 0, debtReads = 0;
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = _options.MaxConcurrency, CancellationToken = cancellationToken };
        await Parallel.ForEachAsync(Enumerable.Range(0, customers.Length), parallel, async (index, ct) =>
        {
            var customerId = customers[index];
            var results = new List<DunningActionResult>();
            try
            {
                var known = snapshot ? new CustomerSnapshot(invoicesOf[customerId], contractsOf, snapshotAt) : null;
                if (await ProcessCustomerAsync(customerId, known, at, results, ct).ConfigureAwait(false)) Interlocked.Increment(ref debtReads);
            }
            catch (Exception ex) when (!PaymentToUnblock.IsCallerCancellation(ex, ct))
            {
                var error = PaymentToUnblock.Describe(ex);
                failures[index] = new DunningCustomerFailure(customerId, error);
                Log.DunningCustomerFailed(_logger, customerId, error);
                Interlocked.Increment(ref failed);
            }
            perCustomer[index] = results;
            Interlocked.Add(ref executed, results.Count(r => r.Status is DunningResultStatus.Executed or DunningResultStatus.Planned));
            Interlocked.Add(ref failed, results.Count(r => r.Status == DunningResultStatus.Failed));
            progress?.Report(new DunningProgress(Interlocked.Increment(ref completed), customers.Length,
                Volatile.Read(ref executed), Volatile.Read(ref failed)));
        }).ConfigureAwait(false);

        var report = new DunningReport
        {
            DryRun = _options.DryRun,
            At = at,
            Elapsed = _options.TimeProvider.GetElapsedTime(started),
            Customers = customers.Length,
            DebtReads = debtReads,
            Results = perCustomer.SelectMany(r => r).ToList(),
            CustomerFailures = failures.OfType<DunningCustomerFailure>().ToList(),
        };
        // Release the snapshot (every open invoice with its raw row, ≈ 150 MB at 100 000 invoices) before completing: the
        // caller's continuation runs inline on top of this method's frame, whose locals the runtime clears only after that
        // continuation returns, so a caller that starts the next run (or anything else) right away kept it alive.
        invoicesOf.Clear();
        invoicesOf.TrimExcess();
        contractsOf?.Clear();
        Array.Clear(perCustomer);
        customers = [];
        activity?.SetTag("cobranca.dunning.customers", report.Customers);
        activity?.SetTag("cobranca.dunning.debt_reads", report.DebtReads);
        Log.DunningRunCompleted(_logger, report.DryRun ? "dry-run" : "live", report.Customers, report.Count(DunningResultStatus.Executed),
            report.Count(DunningResultStatus.Planned), report.Count(DunningResultStatus.Deferred), report.Count(DunningResultStatus.Skipped),
            report.Count(DunningResultStatus.Failed));
        return report;
    }

    private static bool IsWholeBase(InvoiceQuery query) =>
        query is { CustomerId: null, DueFrom: null, DueTo: null, OverdueOnly: false };

    /// <summary>
    /// The contracts of <paramref name="customerIds"/> in bulk when the billing system can list them
    /// (<see cref="BillingCapabilities.ListContracts"/>); null when it cannot (those customers are then read one by one).
    /// </summary>
    private async Task<Dictionary<string, List<Contract>>?> ListContractsAsync(IReadOnlyCollection<string> customerIds, CancellationToken cancellationToken)
    {
        var contracts = new Dictionary<string, List<Contract>>(StringComparer.Ordinal);
        if (customerIds.Count == 0) return contracts;
        if (!_billing.Info.Supports(BillingCapabilities.ListContracts)) return null;
        try
        {
            var query = new ContractQuery { CustomerIds = customerIds, PageSize = _options.Query.PageSize };
            await foreach (var contract in _billing.ListContractsAsync(query, cancellationToken).ConfigureAwait(false))
            {
                if (!contracts.TryGetValue(contract.CustomerId, out var list)) contracts[contract.CustomerId] = list = [];
                list.Add(contract);
            }
            return contracts;
        }
        catch (NotSupportedException)
        {
            return null; // a decorator that forwards Info but not the default-implemented member
        }
    }

    /// <summary>What the run's listing knows about one customer.</summary>
    private sealed record CustomerSnapshot(List<Invoice> Invoices, Dictionary<string, List<Contract>>? ContractsOf, DateTimeOffset ReadAt);

    /// <summary>
    /// Plans one customer and executes what is due. With a snapshot, the plan starts from the listed invoices (and the
    /// bulk-read contracts); the debt is re-read from the billing system, and the customer re-planned, only when an action
    /// is due and the snapshot could be stale: before any throttle/block (a payment since the listing must never be
    /// suspended), and before a message once the snapshot is older than <see cref="DunningRunnerOptions.MaxSnapshotAge"/>.
    /// Without a snapshot (a filtered query) the debt is read first, as before.
    /// </summary>
    /// <returns>True when the debt was read from the billing system for this customer.</returns>
    private async Task<bool> ProcessCustomerAsync(string customerId, CustomerSnapshot? snapshot, DateTimeOffset at,
        List<DunningActionResult> results, CancellationToken cancellationToken)
    {
        var today = DateOnly.FromDateTime(at.DateTime);
        DebtStatus debt;
        var fresh = false;
        if (snapshot is null || (snapshot.ContractsOf is null && _planner.ReachesAccessStep(snapshot.Invoices, today)))
        {
            debt = await _billing.GetDebtStatusAsync(customerId, cancellationToken).ConfigureAwait(false);
            fresh = true;
        }
        else
        {
            var contracts = snapshot.ContractsOf?.GetValueOrDefault(customerId) ?? [];
            debt = DebtStatus.FromInvoices(customerId, today, snapshot.Invoices, contracts);
        }
        var optOut = _options.OptOut is { } source
            ? await source.GetOptOutAsync(customerId, cancellationToken).ConfigureAwait(false)
            : DunningOptOut.None;
        var history = await _options.Ledger.GetHistoryAsync(customerId, cancellationToken).ConfigureAwait(false);

        var plan = _planner.Plan(debt, at, optOut, history);
        if (!fresh && plan.Any(a => a.Disposition == DunningDisposition.Due && (a.Step.Action != DunningActionKind.Notify
                || _options.TimeProvider.GetUtcNow() - snapshot!.ReadAt >= _options.MaxSnapshotAge)))
        {
            debt = await _billing.GetDebtStatusAsync(customerId, cancellationToken).ConfigureAwait(false);
            fresh = true;
            plan = _planner.Plan(debt, at, optOut, history);
        }

        foreach (var action in plan)
        {
            var result = action.Disposition switch
            {
                DunningDisposition.Deferred => new DunningActionResult(action, DunningResultStatus.Deferred, action.Reason),
                DunningDisposition.Skipped => new DunningActionResult(action, DunningResultStatus.Skipped, action.Reason),
                _ when _options.DryRun => new DunningActionResult(action, DunningResultStatus.Planned, "Dry run: nothing done."),
                _ => await ExecuteAsync(action, debt, at, cancellationToken).ConfigureAwait(false),
            };
            if (result.Status == DunningResultStatus.Failed)
                Log.DunningActionFailed(_logger, action.Step.Key, customerId, action.Invoice.Id, result.Error ?? string.Empty);
            Instrumentation.DunningActions.Add(1, new KeyValuePair<string, object?>("kind", action.Step.Action.ToString()),
                new KeyValuePair<string, object?>("status", result.Status.ToString()));
            results.Add(result);
        }
        return fresh;
    }

    private async Task<DunningActionResult> ExecuteAsync(DunningPlannedAction action, DebtStatus debt, DateTimeOffset at, CancellationToken cancellationToken)
    {
        // Claim before acting: two workers never execute the same action, and a crash leaves a claim that expires.
        var ledger = _options.Ledger;
        var entry = action.ToLedgerEntries(_options.TimeProvider.GetUtcNow()).First();
        var claim = LedgerClaim.Create(_options.TimeProvider, _options.ClaimLease);
        DunningClaimStatus claimed;
        try
        {
            claimed = await ledger.TryClaimAsync(entry, claim, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (!PaymentToUnblock.IsCallerCancellation(ex, cancellationToken))
        {
            return new DunningActionResult(action, DunningResultStatus.Failed, Error: "The ledger could not claim it (nothing done): " + PaymentToUnblock.Describe(ex));
        }

        var detail = new List<string>();
        switch (claimed)
        {
            case DunningClaimStatus.AlreadyDone:
                return new DunningActionResult(action, DunningResultStatus.Skipped, "Already done (recorded by another worker or run).");
            case DunningClaimStatus.Busy:
                return new DunningActionResult(action, DunningResultStatus.Deferred, "Another worker is executing it now; a later run sees it done or takes it over.");
            case DunningClaimStatus.ClaimedUnconfirmed:
                Log.DunningActionUnconfirmed(_logger, action.Key, _options.Unconfirmed.ToString());
                if (action.Step.Action == DunningActionKind.Notify && _options.Unconfirmed == DunningUnconfirmedPolicy.Skip)
                {
                    const string why = "An earlier attempt stopped before recording whether it was sent; not sent again (policy Skip): check the channel.";
                    return await CompleteAsync(action, entry, claim, DunningResultStatus.Skipped, why, detail, cancellationToken).ConfigureAwait(false);
                }
                detail.Add(action.Step.Action == DunningActionKind.Notify
                    ? "An earlier attempt stopped before recording whether it was sent: re-sent with the same idempotency key."
                    : "An earlier attempt stopped before recording its outcome: re-applied (idempotent at the controllers).");
                break;
        }

        string? error = null;
        try
        {
            if (action.Step.Action == DunningActionKind.Notify)
            {
                var today = DateOnly.FromDateTime(at.DateTime);
                await _sender.SendAsync(new DunningNotification
                {
                    CustomerId = action.CustomerId,
                    Step = action.Step,
                    Invoice = action.Invoice,
                    Invoices = action.Invoices,
                    Debt = debt,
                    ScheduledDate = action.ScheduledDate,
                    SuspensionNotBefore = action.Step.IsSuspensionNotice ? _planner.EarliestRestriction(today) : null,
                    IdempotencyKey = action.Key,
                }, cancellationToken).ConfigureAwait(false);
                detail.Add($"Sent template '{action.Step.TemplateKey}'.");
            }
            else
            {
                error = await ApplyAccessAsync(action, detail, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (Exception ex) when (!PaymentToUnblock.IsCallerCancellation(ex, cancellationToken))
        {
            error = PaymentToUnblock.Describe(ex);
        }
        catch (OperationCanceledException)
        {
            // Cancelled mid-action: whether it went out is unknown, so the claim is kept; it expires and the next run
            // takes it over as unconfirmed.
            throw;
        }
        if (error is not null)
        {
            try
            {
                await ledger.ReleaseAsync(action.Key, claim, CancellationToken.None).ConfigureAwait(false);
            }
            catch (Exception ex)
            {
                detail.Add("The claim could not be released (it expires after the lease): " + PaymentToUnblock.Describe(ex));
            }
            return new DunningActionResult(action, DunningResultStatus.Failed, Error: error, Detail: detail);
        }

        return await CompleteAsync(action, entry with { ExecutedAt = _options.TimeProvider.GetUtcNow() }, claim,
            DunningResultStatus.Executed, null, detail, cancellationToken).ConfigureAwait(false);
    }

    private async Task<DunningActionResult> CompleteAsync(DunningPlannedAction action, DunningLedgerEntry entry, LedgerClaim claim,
        DunningResultStatus status, string? reason, List<string> detail, CancellationToken cancellationToken)
    {
        try
        {
            if (!await _options.Ledger.CompleteAsync(entry, claim, CancellationToken.None).ConfigureAwait(false))
            {
                // Done, but our lease lapsed and another worker took the action over: it may have been done twice.
                Log.DunningClaimLost(_logger, action.Key);
                detail.Add("Done, but the claim had expired and another worker took the action over (same idempotency key): raise ClaimLease.");
            }
            // The other invoices of a grouped message: recorded with the claimed one (TryRecord: idempotent).
            foreach (var other in action.ToLedgerEntries(entry.ExecutedAt).Skip(1))
                await _options.Ledger.TryRecordAsync(other, CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception ex) when (!PaymentToUnblock.IsCallerCancellation(ex, cancellationToken))
        {
            return new DunningActionResult(action, DunningResultStatus.Failed,
                Error: "Done, but the ledger could not record it (after the claim expires the next run treats it as unconfirmed): "
                    + PaymentToUnblock.Describe(ex), Detail: detail);
        }
        return new DunningActionResult(action, status, reason, Detail: detail);
    }

    /// <returns>The first error, or null when every controller succeeded for every contract.</returns>
    private async Task<string?> ApplyAccessAsync(DunningPlannedAction action, List<string> detail, CancellationToken cancellationToken)
    {
        var step = action.Step;
        var needed = step.Action == DunningActionKind.Block ? AccessCapabilities.Block : AccessCapabilities.Throttle;
        string? firstError = null;
        foreach (var subscriber in action.Subscribers)
        {
            foreach (var controller in _controllers)
            {
                var name = controller.Info.Name;
                if (!controller.Info.Supports(needed))
                {
                    detail.Add($"{name} {Who(subscriber)}: skipped, cannot {needed}.");
                    continue;
                }
                try
                {
                    var change = step.Action == DunningActionKind.Block
                        ? await controller.BlockAsync(subscriber, new BlockRequest(BlockReason.Overdue, $"dunning {step.Key}"), cancellationToken).ConfigureAwait(false)
                        : await controller.ThrottleAsync(subscriber, step.Limit!.Value, cancellationToken).ConfigureAwait(false);
                    detail.Add($"{name} {Who(subscriber)}: {change.Outcome}.");
                }
                catch (Exception ex) when (!PaymentToUnblock.IsCallerCancellation(ex, cancellationToken))
                {
                    var error = PaymentToUnblock.Describe(ex);
                    detail.Add($"{name} {Who(subscriber)}: failed, {error}");
                    firstError ??= $"{name} failed for {Who(subscriber)}: {error}";
                    break; // keep the order: the next controller relies on this one
                }
            }
        }
        return firstError;
    }

    // Contract id only: a PPPoE login is often the customer's CPF.
    private static string Who(Subscriber subscriber) => subscriber.ContractId is { } id ? $"contract {id}" : "subscriber";
}
