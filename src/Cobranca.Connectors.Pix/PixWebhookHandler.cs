using System.Text.Json;
using Cobranca.Connectors.Abstractions;
using Cobranca.Connectors.Pix.Internal;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Cobranca.Connectors.Pix;

/// <summary>
/// Turns a BACEN webhook delivery (<c>POST {webhookUrl}/pix</c> with <c>{"pix":[…]}</c>) into
/// <see cref="PaymentReceived"/> events, without trusting the body: every item is re-queried at the PSP with
/// <c>GET /pix/{e2eid}</c> (forged callbacks exist), checked against your keys, and deduplicated by
/// <c>endToEndId</c> through the <see cref="IProcessedPaymentLedger"/>.
/// </summary>
/// <remarks>
/// No ASP.NET dependency. In a minimal API:
/// <code>
/// app.MapPost("/pix/webhook/pix", async (HttpRequest req, PixWebhookHandler handler, CancellationToken ct) =>
/// {
///     using var reader = new StreamReader(req.Body);
///     var result = await handler.HandleCallbackAsync(await reader.ReadToEndAsync(ct), ct);
///     return Results.StatusCode(result.SuggestedStatusCode);
/// });
/// </code>
/// mTLS on the webhook endpoint is the host's job (reverse proxy); the re-query makes the handler safe even without it.
/// </remarks>
public sealed class PixWebhookHandler
{
    private readonly IPixClient _client;
    private readonly PixPaymentConfirmer _confirmer;
    private readonly ILogger _logger;
    private readonly int _maxItems;

    /// <summary>Creates a handler.</summary>
    /// <param name="client">The client of the PSP account that received the payments (used for the re-query).</param>
    /// <param name="onPaymentReceived">Called once per confirmed payment. If it throws, the payment is released and the delivery reports failure.</param>
    /// <param name="options">Invoice mapping and allowed keys.</param>
    /// <param name="store">Dedupe ledger; share it with the <see cref="PixReconciliationPoller"/> (a durable one — SQLite, PostgreSQL — in production). Default: a new <see cref="InMemoryProcessedPaymentLedger"/>.</param>
    /// <param name="logger">Logger.</param>
    public PixWebhookHandler(IPixClient client, Func<PaymentReceived, CancellationToken, Task> onPaymentReceived,
        PixPaymentOptions? options = null, IProcessedPaymentLedger? store = null, ILogger<PixWebhookHandler>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(onPaymentReceived);
        _client = client;
        _logger = logger ?? (ILogger)NullLogger.Instance;
        options ??= new PixPaymentOptions();
        _maxItems = options.MaxItemsPerCallback;
        _confirmer = new PixPaymentConfirmer(client, onPaymentReceived, options, store ?? new InMemoryProcessedPaymentLedger(), _logger, TimeProvider.System);
    }

    /// <summary>Handles one delivery body. Answer the PSP with <see cref="PixPaymentBatchResult.SuggestedStatusCode"/>.</summary>
    /// <param name="body">The raw request body.</param>
    /// <param name="cancellationToken">Cancels the handling (propagates as <see cref="OperationCanceledException"/>).</param>
    public async Task<PixPaymentBatchResult> HandleCallbackAsync(string body, CancellationToken cancellationToken = default)
    {
        using var activity = PixInstrumentation.Source.StartActivity("webhook.handle");
        var items = Parse(body);
        if (items is null) return new PixPaymentBatchResult { IsWellFormed = false };

        var raised = new List<PaymentReceived>();
        int duplicates = 0, rejected = 0, failed = 0;
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var item in items)
        {
            if (item.EndToEndId is not null && seen.Contains(item.EndToEndId))
            {
                duplicates++; // the same Pix twice in one body: one re-query
                continue;
            }

            if (string.IsNullOrWhiteSpace(item.EndToEndId) || seen.Count >= _maxItems)
            {
                rejected++;
                continue;
            }

            seen.Add(item.EndToEndId);

            PixPayment confirmed;
            try
            {
                confirmed = await _client.GetPaymentAsync(item.EndToEndId, cancellationToken).ConfigureAwait(false);
            }
            catch (ConnectorNotFoundException)
            {
                PixLog.CallbackRejected(_logger, item.EndToEndId, "the PSP does not know this endToEndId");
                rejected++;
                continue;
            }
            catch (ConnectorException ex)
            {
                PixLog.RequestFailed(_logger, _client.ProviderName, "webhook.requery", ex);
                failed++;
                continue;
            }

            if (!string.Equals(confirmed.EndToEndId, item.EndToEndId, StringComparison.Ordinal)
                || (item.Txid is not null && !string.Equals(confirmed.Txid, item.Txid, StringComparison.Ordinal)))
            {
                PixLog.CallbackRejected(_logger, item.EndToEndId, "the callback does not match the PSP's record");
                rejected++;
                continue;
            }

            var (outcome, evt) = await _confirmer.ConfirmAsync(confirmed, "webhook", cancellationToken).ConfigureAwait(false);
            switch (outcome)
            {
                case ConfirmOutcome.Raised: raised.Add(evt!); break;
                case ConfirmOutcome.Duplicate: duplicates++; break;
                default: rejected++; break;
            }
        }

        return new PixPaymentBatchResult
        {
            Received = items.Count,
            Payments = raised,
            Duplicates = duplicates,
            Rejected = rejected,
            Failed = failed,
        };
    }

    private List<WebhookItemDto>? Parse(string body)
    {
        if (string.IsNullOrWhiteSpace(body)) return null;
        try
        {
            var dto = JsonSerializer.Deserialize(body, PixJsonContext.Default.WebhookCallbackDto);
            if (dto?.Pix is null) PixLog.CallbackMalformed(_logger, null);
            return dto?.Pix;
        }
        catch (JsonException ex)
        {
            PixLog.CallbackMalformed(_logger, ex);
            return null;
        }
    }
}
