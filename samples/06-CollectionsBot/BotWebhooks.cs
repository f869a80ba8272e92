using Cobranca.Connectors.Pix;
using Cobranca.Connectors.WhatsApp;
using CollectionsBot.Bot;

namespace CollectionsBot;

/// <summary>The app's routes: the WhatsApp webhook (handshake + signed deliveries), the Pix webhook, and hand-offs.</summary>
public sealed class BotWebhooks
{
    private IWhatsAppClient? _whatsApp;
    private ConversationEngine? _engine;
    private PixWebhookHandler? _pix;
    private NoticeFallbacks? _notices;

    /// <summary>Failures while handling inbound messages (the scripted run fails on any).</summary>
    public static int Failures;

    public void Attach(IWhatsAppClient whatsApp, ConversationEngine engine, PixWebhookHandler pix, NoticeFallbacks? notices = null)
    {
        _whatsApp = whatsApp;
        _engine = engine;
        _pix = pix;
        _notices = notices;
    }

    public void Map(WebApplication app)
    {
        // Meta's subscription handshake: echo hub.challenge when the verify token matches.
        app.MapGet("/webhooks/whatsapp", (HttpRequest r) =>
            _whatsApp?.Webhooks.VerifySubscription(r.Query["hub.mode"], r.Query["hub.verify_token"], r.Query["hub.challenge"]) is { } challenge
                ? Results.Text(challenge)
                : Results.StatusCode(StatusCodes.Status403Forbidden));

        app.MapPost("/webhooks/whatsapp", async (HttpRequest request, ILogger<BotWebhooks> logger, CancellationToken ct) =>
        {
            if (_whatsApp is null || _engine is null) return Results.StatusCode(StatusCodes.Status503ServiceUnavailable);
            using var buffer = new MemoryStream();
            await request.Body.CopyToAsync(buffer, ct); // the signature is over these exact bytes
            WhatsAppWebhookBatch batch;
            try
            {
                batch = await _whatsApp.Webhooks.HandleAsync(buffer.ToArray(), request.Headers[WhatsAppWebhookHandler.SignatureHeaderName].FirstOrDefault(), ct);
            }
            catch (WhatsAppWebhookRejectedException ex)
            {
                return Results.StatusCode(ex.SignatureProblem ? StatusCodes.Status401Unauthorized : StatusCodes.Status400BadRequest);
            }
            foreach (var message in batch.Messages.OrderBy(m => m.Timestamp)) // new messages only: the handler dedupes by id
            {
                if (WhatsAppBotChannel.ToInbound(message) is not { } inbound) continue;
                try
                {
                    await _engine.HandleAsync(inbound, ct);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    // Already marked seen by the handler, so a redelivery would not help: log and move on.
                    Interlocked.Increment(ref Failures);
                    logger.LogError(ex, "The bot failed on inbound message {MessageId}.", message.MessageId);
                }
            }
            // Statuses of the bot's own messages (new ones only: the handler dedupes by wamid + status). A payment notice
            // Meta accepted as text and then failed with 131047 (window closed by its clock) goes out as the template.
            foreach (var status in batch.Statuses)
            {
                if (_notices is null) break;
                try
                {
                    await _notices.HandleStatusAsync(status, ct);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    Interlocked.Increment(ref Failures);
                    logger.LogError(ex, "The bot failed on the status {Status} of {MessageId}.", status.Status, status.MessageId);
                }
            }
            return Results.Ok();
        });

        // The PSP appends "/pix" to the registered URL.
        app.MapPost("/webhooks/pix/pix", async (HttpRequest request, CancellationToken ct) =>
        {
            if (_pix is null) return Results.StatusCode(StatusCodes.Status503ServiceUnavailable);
            using var reader = new StreamReader(request.Body);
            var result = await _pix.HandleCallbackAsync(await reader.ReadToEndAsync(ct), ct);
            return Results.StatusCode(result.SuggestedStatusCode);
        });

        // For the people who take over: who is waiting, and give a conversation back to the bot.
        app.MapGet("/handoffs", async (CancellationToken ct) =>
            _engine is null ? Results.StatusCode(503) : Results.Json(await _engine.ListHandedOffAsync(ct)));
        app.MapPost("/handoffs/{waId}/release", async (string waId, CancellationToken ct) =>
            _engine is not null && await _engine.ReleaseAsync(waId, ct) ? Results.NoContent() : Results.NotFound());
    }
}
