using Cobranca.Connectors.Abstractions;
using Cobranca.Connectors.Pix.Internal;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Cobranca.Connectors.Pix;

/// <summary>
/// Catches payments whose webhook never arrived (PSP outage, your endpoint down, static-QR payments that are not
/// notified): lists <c>GET /pix?inicio&amp;fim</c> page by page and raises <see cref="PaymentReceived"/> for every Pix
/// not raised yet, using the same <see cref="IProcessedPaymentLedger"/> as the <see cref="PixWebhookHandler"/>.
/// </summary>
/// <remarks>The list comes from the PSP over the authenticated API, so its items need no re-query.</remarks>
public sealed class PixReconciliationPoller
{
    private readonly IPixClient _client;
    private readonly PixPaymentConfirmer _confirmer;
    private readonly ILogger _logger;
    private readonly TimeProvider _time;

    /// <summary>Creates a poller.</summary>
    /// <param name="client">The PSP account's client.</param>
    /// <param name="onPaymentReceived">Called once per payment not raised before.</param>
    /// <param name="options">Invoice mapping and allowed keys.</param>
    /// <param name="store">Dedupe store, shared with the webhook handler.</param>
    /// <param name="logger">Logger.</param>
    /// <param name="timeProvider">Clock for <see cref="RunAsync"/>; default system.</param>
    public PixReconciliationPoller(IPixClient client, Func<PaymentReceived, CancellationToken, Task> onPaymentReceived,
        PixPaymentOptions? options = null, IProcessedPaymentLedger? store = null, ILogger<PixReconciliationPoller>? logger = null,
        TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(onPaymentReceived);
        _client = client;
        _logger = logger ?? (ILogger)NullLogger.Instance;
        _time = timeProvider ?? TimeProvider.System;
        _confirmer = new PixPaymentConfirmer(client, onPaymentReceived, options ?? new PixPaymentOptions(),
            store ?? new InMemoryProcessedPaymentLedger(), _logger, _time);
    }

    /// <summary>One pass over the window [<paramref name="from"/>, <paramref name="to"/>].</summary>
    /// <param name="from">Window start.</param>
    /// <param name="to">Window end.</param>
    /// <param name="cancellationToken">Cancels the pass.</param>
    public async Task<PixPaymentBatchResult> ReconcileAsync(DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken = default)
    {
        using var activity = PixInstrumentation.Source.StartActivity("pix.reconcile");
        var raised = new List<PaymentReceived>();
        int received = 0, duplicates = 0, rejected = 0;
        var query = new PixPaymentQuery { From = from, To = to };
        await foreach (var payment in _client.ListPaymentsAsync(query, cancellationToken).ConfigureAwait(false))
        {
            received++;
            var (outcome, evt) = await _confirmer.ConfirmAsync(payment, "reconciliation", cancellationToken).ConfigureAwait(false);
            switch (outcome)
            {
                case ConfirmOutcome.Raised: raised.Add(evt!); break;
                case ConfirmOutcome.Duplicate: duplicates++; break;
                default: rejected++; break;
            }
        }

        return new PixPaymentBatchResult { Received = received, Payments = raised, Duplicates = duplicates, Rejected = rejected };
    }

    /// <summary>
    /// Polls every <paramref name="interval"/> over the last <paramref name="lookBack"/> until cancelled. A failed pass
    /// is logged and retried at the next tick. Ends with <see cref="OperationCanceledException"/> when cancelled.
    /// </summary>
    /// <param name="interval">Time between passes (e.g. 5 minutes).</param>
    /// <param name="lookBack">Window length, longer than the interval so passes overlap (e.g. 2 hours).</param>
    /// <param name="cancellationToken">Stops polling.</param>
    public async Task RunAsync(TimeSpan interval, TimeSpan lookBack, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(interval, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfLessThan(lookBack, interval);
        while (true)
        {
            var now = _time.GetUtcNow();
            try
            {
                await ReconcileAsync(now - lookBack, now, cancellationToken).ConfigureAwait(false);
            }
            catch (ConnectorException ex)
            {
                PixLog.ReconciliationFailed(_logger, ex);
            }

            await Task.Delay(interval, _time, cancellationToken).ConfigureAwait(false);
        }
    }
}
