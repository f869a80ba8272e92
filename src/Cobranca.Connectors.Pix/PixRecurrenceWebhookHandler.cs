using System.Text.Json;
using Cobranca.Connectors.Abstractions;
using Cobranca.Connectors.Pix.Internal;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Cobranca.Connectors.Pix;

/// <summary>
/// Turns Pix Automático webhook deliveries (<c>POST {webhookUrl}/rec</c> with <c>{"recs":[…]}</c>, <c>POST
/// {webhookUrl}/cobr</c> with <c>{"cobsr":[…]}</c>) into <see cref="PixRecurrenceEvent"/>s like
/// <see cref="PixWebhookHandler"/> does for Pix: every item is re-queried (<c>GET /rec/{idRec}</c>, <c>GET
/// /cobr/{txid}</c>) and only the PSP's record counts; each fact is raised once through the
/// <see cref="IProcessedPaymentLedger"/> (payments by end-to-end id, so a recurring payment also seen on the classic
/// <c>/pix</c> webhook is raised once when both handlers share the ledger).
/// </summary>
/// <remarks>
/// The same path serves sweeps: <see cref="ProcessAsync(PixRecurringCharge, CancellationToken)"/> raises what a charge read
/// from <c>GET /cobr</c> shows (webhooks get lost; sweep daily).
/// </remarks>
public sealed class PixRecurrenceWebhookHandler
{
    private readonly IPixRecurrenceClient _client;
    private readonly Func<PixRecurrenceEvent, CancellationToken, Task> _onEvent;
    private readonly IProcessedPaymentLedger _store;
    private readonly ILogger _logger;
    private readonly TimeProvider _time;
    private readonly PixPaymentOptions _options;
    private readonly string _source;

    /// <summary>Creates a handler.</summary>
    /// <param name="client">The client of the PSP account (used for the re-query).</param>
    /// <param name="onEvent">Called once per fact. If it throws, the fact is released and the delivery reports failure (503).</param>
    /// <param name="options">Source name, txid prefix (to resolve invoice ids), claim lease and item limit.</param>
    /// <param name="store">Dedupe ledger (a durable one in production; share it with the Pix webhook handler). Default: in memory.</param>
    /// <param name="logger">Logger.</param>
    /// <param name="timeProvider">Clock for claims; system by default.</param>
    public PixRecurrenceWebhookHandler(IPixRecurrenceClient client, Func<PixRecurrenceEvent, CancellationToken, Task> onEvent,
        PixPaymentOptions? options = null, IProcessedPaymentLedger? store = null, ILogger<PixRecurrenceWebhookHandler>? logger = null,
        TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(onEvent);
        _client = client;
        _onEvent = onEvent;
        _options = options ?? new PixPaymentOptions();
        if (_options.ClaimLease <= TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(options), "PixPaymentOptions.ClaimLease must be positive.");
        _store = store ?? new InMemoryProcessedPaymentLedger();
        _logger = logger ?? (ILogger)NullLogger.Instance;
        _time = timeProvider ?? TimeProvider.System;
        _source = _options.Source ?? (client as IPixClient)?.ProviderName ?? "pix";
    }

    /// <summary>Handles one delivery body (<c>recs</c> or <c>cobsr</c>). Answer the PSP with <see cref="PixRecurrenceWebhookResult.SuggestedStatusCode"/>.</summary>
    /// <param name="body">The raw request body.</param>
    /// <param name="cancellationToken">Cancels the handling.</param>
    public async Task<PixRecurrenceWebhookResult> HandleCallbackAsync(string body, CancellationToken cancellationToken = default)
    {
        using var activity = PixInstrumentation.Source.StartActivity("webhook.recurrence");
        RecurrenceCallbackDto? dto = null;
        if (!string.IsNullOrWhiteSpace(body))
        {
            try
            {
                dto = JsonSerializer.Deserialize(body, PixJsonContext.Default.RecurrenceCallbackDto);
            }
            catch (JsonException ex)
            {
                PixLog.CallbackMalformed(_logger, ex);
            }
        }

        if (dto is null || (dto.Recs is null && dto.Cobsr is null)) return new PixRecurrenceWebhookResult { IsWellFormed = false };
        var tally = new Tally();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var item in dto.Recs ?? [])
        {
            if (!Admit(item.IdRec, "rec:", seen, tally)) continue;
            PixRecurrence rec;
            try
            {
                rec = await _client.GetRecurrenceAsync(item.IdRec!, null, cancellationToken).ConfigureAwait(false);
            }
            catch (ConnectorNotFoundException)
            {
                PixLog.CallbackRejected(_logger, item.IdRec!, "the PSP does not know this idRec");
                tally.Rejected++;
                continue;
            }
            catch (ConnectorException ex)
            {
                PixLog.RequestFailed(_logger, _source, "webhookrec.requery", ex);
                tally.Failed++;
                continue;
            }

            await RaiseAsync(Facts(rec), tally, cancellationToken).ConfigureAwait(false);
        }

        foreach (var item in dto.Cobsr ?? [])
        {
            if (!Admit(item.Txid, "cobr:", seen, tally)) continue;
            PixRecurringCharge charge;
            try
            {
                charge = await _client.GetRecurringChargeAsync(item.Txid!, cancellationToken).ConfigureAwait(false);
            }
            catch (ConnectorNotFoundException)
            {
                PixLog.CallbackRejected(_logger, item.Txid!, "the PSP does not know this txid");
                tally.Rejected++;
                continue;
            }
            catch (ConnectorException ex)
            {
                PixLog.RequestFailed(_logger, _source, "webhookcobr.requery", ex);
                tally.Failed++;
                continue;
            }

            if (item.IdRec is not null && charge.RecurrenceId is not null && !string.Equals(item.IdRec, charge.RecurrenceId, StringComparison.Ordinal))
            {
                PixLog.CallbackRejected(_logger, item.Txid!, "the callback does not match the PSP's record");
                tally.Rejected++;
                continue;
            }

            await RaiseAsync(Facts(charge), tally, cancellationToken).ConfigureAwait(false);
        }

        return tally.Result((dto.Recs?.Count ?? 0) + (dto.Cobsr?.Count ?? 0));
    }

    /// <summary>Raises what a recurrence read from the PSP shows (authorised or ended), once per fact.</summary>
    /// <param name="recurrence">A recurrence from <see cref="IPixRecurrenceClient"/> (never from a webhook body).</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public async Task<PixRecurrenceWebhookResult> ProcessAsync(PixRecurrence recurrence, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(recurrence);
        var tally = new Tally();
        await RaiseAsync(Facts(recurrence), tally, cancellationToken).ConfigureAwait(false);
        return tally.Result(1);
    }

    /// <summary>Raises what a recurring charge read from the PSP shows (paid, an attempt failed, ended unpaid), once per fact.</summary>
    /// <param name="charge">A charge from <see cref="IPixRecurrenceClient"/> (never from a webhook body).</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public async Task<PixRecurrenceWebhookResult> ProcessAsync(PixRecurringCharge charge, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(charge);
        var tally = new Tally();
        await RaiseAsync(Facts(charge), tally, cancellationToken).ConfigureAwait(false);
        return tally.Result(1);
    }

    private bool Admit(string? id, string kind, HashSet<string> seen, Tally tally)
    {
        if (string.IsNullOrWhiteSpace(id) || seen.Count >= _options.MaxItemsPerCallback)
        {
            tally.Rejected++;
            return false;
        }

        if (!seen.Add(kind + id))
        {
            tally.Duplicates++;
            return false;
        }

        return true;
    }

    private static List<PixRecurrenceEvent> Facts(PixRecurrence rec)
    {
        var key = $"rec:{rec.Id}:{rec.StatusCode}";
        return rec.Status switch
        {
            PixRecurrenceStatus.Approved => [new RecurrenceAuthorized { RecurrenceId = rec.Id, EventId = key, Recurrence = rec }],
            PixRecurrenceStatus.Cancelled or PixRecurrenceStatus.Rejected or PixRecurrenceStatus.Expired =>
                [new RecurrenceCancelled { RecurrenceId = rec.Id, EventId = key, Recurrence = rec }],
            _ => [],
        };
    }

    private List<PixRecurrenceEvent> Facts(PixRecurringCharge charge)
    {
        var facts = new List<PixRecurrenceEvent>();
        var recId = charge.RecurrenceId ?? string.Empty;
        foreach (var p in charge.Payments)
        {
            string? invoiceId = null;
            if (_options.TxidPrefix is { } prefix && PixTxid.TryGetInvoiceId(p.Txid ?? charge.Txid, prefix, out var id, out _)) invoiceId = id;
            facts.Add(new RecurringChargeSettled
            {
                RecurrenceId = recId,
                EventId = p.EndToEndId,
                Charge = charge,
                Payment = new PaymentReceived
                {
                    PaymentId = p.EndToEndId,
                    Source = _source,
                    Reference = p.Txid ?? charge.Txid,
                    InvoiceId = invoiceId,
                    Amount = p.Amount,
                    PaidAt = p.PaidAt,
                    PayerMasked = p.Payer?.Masked,
                },
            });
        }

        for (var i = 0; i < charge.Attempts.Count; i++)
        {
            var a = charge.Attempts[i];
            if (a.Status is not (PixChargeAttemptStatus.Expired or PixChargeAttemptStatus.Rejected)) continue;
            facts.Add(new RecurringChargeFailed
            {
                RecurrenceId = recId,
                EventId = $"cobr:{charge.Txid}:attempt:{i}:{a.StatusCode}",
                Charge = charge,
                IsFinal = false,
                Code = a.RejectionCode,
            });
        }

        if (charge.IsFailed)
        {
            facts.Add(new RecurringChargeFailed
            {
                RecurrenceId = recId,
                EventId = $"cobr:{charge.Txid}:{charge.StatusCode}",
                Charge = charge,
                IsFinal = true,
                Code = charge.EndCode,
            });
        }

        return facts;
    }

    private async Task RaiseAsync(List<PixRecurrenceEvent> facts, Tally tally, CancellationToken cancellationToken)
    {
        if (facts.Count == 0)
        {
            tally.Duplicates++;
            return;
        }

        foreach (var fact in facts)
        {
            var claim = LedgerClaim.Create(_time, _options.ClaimLease);
            if (!await _store.TryClaimAsync(fact.EventId, claim, cancellationToken).ConfigureAwait(false))
            {
                tally.Duplicates++;
                continue;
            }

            try
            {
                await _onEvent(fact, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                // Not raised: give it back so a redelivery or a sweep raises it (never lost silently).
                await _store.ReleaseAsync(fact.EventId, claim, CancellationToken.None).ConfigureAwait(false);
                PixLog.RequestFailed(_logger, _source, "recurrence.event", ex);
                tally.Failed++;
                continue;
            }

            await _store.CompleteAsync(fact.EventId, claim, CancellationToken.None).ConfigureAwait(false);
            tally.Events.Add(fact);
        }
    }

    private sealed class Tally
    {
        public List<PixRecurrenceEvent> Events { get; } = [];
        public int Duplicates { get; set; }
        public int Rejected { get; set; }
        public int Failed { get; set; }

        public PixRecurrenceWebhookResult Result(int received) => new()
        {
            Received = received,
            Events = Events,
            Duplicates = Duplicates,
            Rejected = Rejected,
            Failed = Failed,
        };
    }
}
