using Cobranca.Connectors.Abstractions;
using Cobranca.Connectors.Boleto.Providers.Internal;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Cobranca.Connectors.Boleto.Providers;

/// <summary>
/// The paid signal of a bank account's boletos, as <see cref="PaymentReceived"/> events — the same event (and so the
/// same <c>PaymentToUnblock</c> path) as a Pix payment. Webhooks are hints: every boleto a delivery names is re-queried
/// at the bank and raised only when the bank says it is paid; a daily reconciliation raises whatever the webhooks
/// missed. Both channels dedupe through one <see cref="IProcessedPaymentLedger"/> (payment id
/// <c>{provider}:{providerId}</c>), so a redelivered webhook, or a boleto seen by both, is raised once.
/// </summary>
/// <remarks>
/// The event names the invoice and customer the <see cref="BoletoRegistrar"/> recorded for the boleto's reference
/// (<see cref="PaymentReceived.InvoiceId"/>, <see cref="PaymentReceived.CustomerId"/>), and carries the reference in
/// <see cref="PaymentReceived.Reference"/> for a host's <c>IPaymentTargetResolver</c>. A hybrid boleto paid by Pix is
/// raised here with the boleto's id; if you also run the Pix webhook on the same account, the Pix path raises it with
/// its endToEndId — <c>PaymentToUnblock</c> re-reads the debt either way, so the second one changes nothing.
/// </remarks>
public sealed class BoletoPaymentHandler
{
    private readonly IBoletoBankClient _client;
    private readonly BoletoRegistrar? _registrar;
    private readonly Func<PaymentReceived, CancellationToken, Task> _onPaymentReceived;
    private readonly IProcessedPaymentLedger _ledger;
    private readonly ILogger _logger;
    private readonly TimeProvider _time;
    private readonly TimeSpan _lease;

    /// <summary>Creates a handler.</summary>
    /// <param name="client">The bank account (used for every re-query).</param>
    /// <param name="onPaymentReceived">Called once per confirmed payment (e.g. <c>PaymentToUnblock.ProcessAsync</c>). If it throws, the payment is released and raised again by a later delivery or pass.</param>
    /// <param name="registrar">Maps references to invoices (null: events carry only the reference).</param>
    /// <param name="ledger">Dedupe ledger shared by both channels (a durable one in production). Default: in memory.</param>
    /// <param name="logger">Logger.</param>
    /// <param name="timeProvider">Clock.</param>
    /// <param name="claimLease">How long a claim holds before another worker may raise the payment (default 5 minutes).</param>
    public BoletoPaymentHandler(IBoletoBankClient client, Func<PaymentReceived, CancellationToken, Task> onPaymentReceived, BoletoRegistrar? registrar = null,
        IProcessedPaymentLedger? ledger = null, ILogger<BoletoPaymentHandler>? logger = null, TimeProvider? timeProvider = null, TimeSpan? claimLease = null)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(onPaymentReceived);
        _client = client;
        _registrar = registrar;
        _onPaymentReceived = onPaymentReceived;
        _ledger = ledger ?? new InMemoryProcessedPaymentLedger();
        _logger = logger ?? (ILogger)NullLogger.Instance;
        _time = timeProvider ?? TimeProvider.System;
        _lease = claimLease ?? TimeSpan.FromMinutes(5);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(_lease, TimeSpan.Zero, nameof(claimLease));
    }

    /// <summary>Maximum boletos one delivery may name (the rest are rejected).</summary>
    public int MaxHintsPerDelivery { get; init; } = 100;

    /// <summary>Handles one webhook delivery body: every boleto it names is re-queried; only paid ones are raised.</summary>
    /// <param name="body">The raw request body (JSON, or Efí's <c>notification=</c> form).</param>
    /// <param name="cancellationToken">Cancels the handling.</param>
    public async Task<BoletoPaymentBatchResult> HandleWebhookAsync(string body, CancellationToken cancellationToken = default)
    {
        IReadOnlyList<string> hints;
        try
        {
            hints = await _client.ReadWebhookHintsAsync(body ?? string.Empty, cancellationToken).ConfigureAwait(false);
        }
        catch (ConnectorException ex)
        {
            BoletoLog.RequestFailed(_logger, _client.ProviderName, "webhook.read", ex);
            return new BoletoPaymentBatchResult { Received = 1, Failed = 1 };
        }

        if (hints.Count == 0) BoletoLog.WebhookMalformed(_logger, _client.ProviderName);
        var raised = new List<PaymentReceived>();
        int duplicates = 0, rejected = 0, failed = 0, seen = 0;
        foreach (var id in hints.Distinct(StringComparer.Ordinal))
        {
            if (++seen > MaxHintsPerDelivery)
            {
                rejected++;
                continue;
            }

            BoletoRecord boleto;
            try
            {
                boleto = await _client.GetAsync(id, cancellationToken).ConfigureAwait(false);
            }
            catch (ConnectorNotFoundException)
            {
                BoletoLog.HintRejected(_logger, _client.ProviderName, id, "the bank does not know this boleto");
                rejected++;
                continue;
            }
            catch (ConnectorException ex)
            {
                BoletoLog.RequestFailed(_logger, _client.ProviderName, "webhook.requery", ex);
                failed++;
                continue;
            }

            if (!boleto.IsPaid)
            {
                BoletoLog.HintRejected(_logger, _client.ProviderName, id, $"the bank says {boleto.Status}, not paid");
                rejected++;
                continue;
            }

            var (isNew, evt) = await ConfirmAsync(boleto, "webhook", cancellationToken).ConfigureAwait(false);
            if (isNew) raised.Add(evt!);
            else duplicates++;
        }

        return new BoletoPaymentBatchResult { Received = hints.Count, Payments = raised, Duplicates = duplicates, Rejected = rejected, Failed = failed };
    }

    /// <summary>
    /// The daily "paid on day D" pass: the bank's paid listing for <paramref name="day"/> where it has one
    /// (<see cref="BoletoCapabilities.PaidListing"/>); otherwise every boleto the registrar issued that was not raised
    /// yet is re-queried (needs a registrar). Raises each payment not raised before.
    /// </summary>
    /// <param name="day">The São Paulo date.</param>
    /// <param name="cancellationToken">Cancels the pass.</param>
    public async Task<BoletoPaymentBatchResult> ReconcileDayAsync(DateOnly day, CancellationToken cancellationToken = default)
    {
        var raised = new List<PaymentReceived>();
        int received = 0, duplicates = 0, failed = 0;
        if (_client.Capabilities.HasFlag(BoletoCapabilities.PaidListing))
        {
            await foreach (var boleto in _client.ListPaidAsync(day, cancellationToken).ConfigureAwait(false))
            {
                received++;
                if (!boleto.IsPaid) continue;
                var (isNew, evt) = await ConfirmAsync(boleto, "reconciliation", cancellationToken).ConfigureAwait(false);
                if (isNew) raised.Add(evt!);
                else duplicates++;
            }
        }
        else
        {
            if (_registrar is null)
                throw new NotSupportedException($"{_client.ProviderName} has no paid listing: the reconciliation re-queries the registrar's boletos, and none was given.");
            await foreach (var link in _registrar.ListAsync(cancellationToken).ConfigureAwait(false))
            {
                if (link.ProviderId is not { } id) continue;
                if (await _ledger.IsCompletedAsync(PaymentId(id), cancellationToken).ConfigureAwait(false)) continue;
                received++;
                BoletoRecord boleto;
                try
                {
                    boleto = await _client.GetAsync(id, cancellationToken).ConfigureAwait(false);
                }
                catch (ConnectorException ex) when (ex is not ConnectorAuthenticationException)
                {
                    BoletoLog.RequestFailed(_logger, _client.ProviderName, "reconcile.requery", ex);
                    failed++;
                    continue;
                }

                if (!boleto.IsPaid) continue;
                var (isNew, evt) = await ConfirmAsync(boleto, "reconciliation", cancellationToken).ConfigureAwait(false);
                if (isNew) raised.Add(evt!);
                else duplicates++;
            }
        }

        return new BoletoPaymentBatchResult { Received = received, Payments = raised, Duplicates = duplicates, Failed = failed };
    }

    private string PaymentId(string providerId) => _client.ProviderName + ":" + providerId;

    private async Task<(bool IsNew, PaymentReceived? Event)> ConfirmAsync(BoletoRecord boleto, string channel, CancellationToken cancellationToken)
    {
        var paymentId = PaymentId(boleto.ProviderId);
        var claim = LedgerClaim.Create(_time, _lease);
        if (!await _ledger.TryClaimAsync(paymentId, claim, cancellationToken).ConfigureAwait(false))
        {
            BoletoLog.Duplicate(_logger, _client.ProviderName, boleto.ProviderId);
            return (false, null);
        }

        PaymentReceived evt;
        try
        {
            var link = boleto.Reference is { } reference && _registrar is not null
                ? await _registrar.FindInvoiceAsync(reference, cancellationToken).ConfigureAwait(false)
                : null;
            evt = new PaymentReceived
            {
                PaymentId = paymentId,
                Source = _client.ProviderName,
                Reference = boleto.Reference,
                InvoiceId = link?.InvoiceId,
                CustomerId = link?.CustomerId,
                Amount = boleto.AmountPaid ?? boleto.Amount,
                PaidAt = boleto.PaidAt ?? _time.GetUtcNow(),
            };
            await _onPaymentReceived(evt, cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            // Not raised: give it back so the next delivery or pass tries again (never lost silently).
            await _ledger.ReleaseAsync(paymentId, claim, CancellationToken.None).ConfigureAwait(false);
            throw;
        }

        await _ledger.CompleteAsync(paymentId, claim, CancellationToken.None).ConfigureAwait(false);
        BoletoLog.Confirmed(_logger, _client.ProviderName, boleto.ProviderId, channel);
        return (true, evt);
    }
}
