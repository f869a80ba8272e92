using Cobranca.Connectors.Abstractions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Cobranca.Connectors.Workflows;

/// <summary>
/// Runs a <see cref="DunningSchedule"/> over the whole base: streams the open invoices, groups them by customer,
/// re-reads each customer's debt, plans with a <see cref="DunningPlanner"/> and executes what is due: messages through
/// the host's <see cref="INotificationSender"/>, throttle/block through the access controllers in order. Every executed
/// action is recorded in the <see cref="IDunningLedger"/>, so running again (the same day or later) repeats nothing.
/// </summary>
/// <remarks>
/// Each action is claimed in the ledger before it is executed and recorded after (claim → execute → complete, or
/// release on failure), so several workers can run the same day over one shared store and each action is executed
/// once. A crash between executing and recording leaves a claim that expires after
/// <see cref="DunningRunnerOptions.ClaimLease"/>; the next run takes it over as unconfirmed and, by
/// <see cref="DunningRunnerOptions.Unconfirmed"/>, re-sends it with the same
/// <see cref="DunningNotification.IdempotencyKey"/> (pass it to your channel so it delivers once) or reports it skipped.
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
    /// <exception cref="ConnectorException">The open invoices could not be listed (nothing was done).</exception>
    public async Task<DunningReport> RunAsync(IProgress<DunningProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        var started = _options.TimeProvider.GetTimestamp();
        var at = BrazilTime.Now(_options.TimeProvider);
        using var activity = Instrumentation.ActivitySource.StartActivity("workflows.dunning.run");
        activity?.SetTag("cobranca.dunning.dry_run", _options.DryRun);

        var customerIds = new HashSet<string>(StringComparer.Ordinal);
        await foreach (var invoice in _billing.ListOpenInvoicesAsync(_options.Query, cancellationToken).ConfigureAwait(false))
            customerIds.Add(invoice.CustomerId);
        var customers = customerIds.Order(StringComparer.Ordinal).ToArray();

        var perCustomer = new List<DunningActionResult>[customers.Length];
        var failures = new DunningCustomerFailure?[customers.Length];
        int completed = 0, executed = 0, failed = 0;
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = _options.MaxConcurrency, CancellationToken = cancellationToken };
        await Parallel.ForEachAsync(Enumerable.Range(0, customers.Length), parallel, async (index, ct) =>
        {
            var customerId = customers[index];
            var results = new List<DunningActionResult>();
            try
            {
                await ProcessCustomerAsync(customerId, at, results, ct).ConfigureAwait(false);
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
            Results = perCustomer.SelectMany(r => r).ToList(),
            CustomerFailures = failures.OfType<DunningCustomerFailure>().ToList(),
        };
        Log.DunningRunCompleted(_logger, report.DryRun ? "dry-run" : "live", report.Customers, report.Count(DunningResultStatus.Executed),
            report.Count(DunningResultStatus.Planned), report.Count(DunningResultStatus.Deferred), report.Count(DunningResultStatus.Skipped),
            report.Count(DunningResultStatus.Failed));
        return report;
    }

    private async Task ProcessCustomerAsync(string customerId, DateTimeOffset at, List<DunningActionResult> results, CancellationToken cancellationToken)
    {
        var debt = await _billing.GetDebtStatusAsync(customerId, cancellationToken).ConfigureAwait(false);
        var optOut = _options.OptOut is { } source
            ? await source.GetOptOutAsync(customerId, cancellationToken).ConfigureAwait(false)
            : DunningOptOut.None;
        var history = await _options.Ledger.GetHistoryAsync(customerId, cancellationToken).ConfigureAwait(false);

        foreach (var action in _planner.Plan(debt, at, optOut, history))
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
    }

    private async Task<DunningActionResult> ExecuteAsync(DunningPlannedAction action, DebtStatus debt, DateTimeOffset at, CancellationToken cancellationToken)
    {
        // Claim before acting: two workers never execute the same action, and a crash leaves a claim that expires.
        var ledger = _options.Ledger;
        var entry = new DunningLedgerEntry
        {
            CustomerId = action.CustomerId,
            StepKey = action.Step.Key,
            InvoiceId = action.Invoice.Id,
            ScheduledDate = action.ScheduledDate,
            Action = action.Step.Action,
            IsSuspensionNotice = action.Step.IsSuspensionNotice,
            ExecutedAt = _options.TimeProvider.GetUtcNow(),
        };
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
