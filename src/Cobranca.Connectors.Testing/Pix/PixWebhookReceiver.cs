using System.Collections.Concurrent;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Cobranca.Connectors.Testing.Pix;

/// <summary>
/// A loopback HTTP endpoint standing in for your application's webhook route: register <see cref="Url"/> at the PSP
/// (e.g. the <see cref="PixPspSandbox"/>); deliveries arrive as <c>POST {Url}/pix</c> and each body is handed to your
/// callback, which returns the status to answer, for example
/// <c>(await handler.HandleCallbackAsync(body, ct)).SuggestedStatusCode</c>.
/// </summary>
public sealed class PixWebhookReceiver : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<PixWebhookDelivery> _deliveries;

    private PixWebhookReceiver(WebApplication app, Uri url, ConcurrentQueue<PixWebhookDelivery> deliveries)
    {
        _app = app;
        Url = url;
        _deliveries = deliveries;
    }

    /// <summary>The URL to register as <c>webhookUrl</c> (without the <c>/pix</c> the PSP appends).</summary>
    public Uri Url { get; }

    /// <summary>Every delivery so far, oldest first.</summary>
    public IReadOnlyList<PixWebhookDelivery> Deliveries => [.. _deliveries];

    /// <summary>Starts a receiver on 127.0.0.1 with an ephemeral port.</summary>
    /// <param name="onDelivery">Gets each body; returns the HTTP status to answer. An exception answers 500.</param>
    /// <param name="cancellationToken">Cancels the start.</param>
    public static async Task<PixWebhookReceiver> StartAsync(Func<string, CancellationToken, Task<int>> onDelivery, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(onDelivery);
        var deliveries = new ConcurrentQueue<PixWebhookDelivery>();
        // /pix for the classic webhook; /rec and /cobr for Pix Automático (webhookrec, webhookcobr on the same URL).
        var (app, root) = await LoopbackHost.StartAsync(a => a.MapPost("/webhook/{kind:regex(^(pix|rec|cobr)$)}", async ctx =>
        {
            using var reader = new StreamReader(ctx.Request.Body, Encoding.UTF8);
            var body = await reader.ReadToEndAsync(ctx.RequestAborted).ConfigureAwait(false);
            int status;
            try
            {
                status = await onDelivery(body, ctx.RequestAborted).ConfigureAwait(false);
            }
            catch (Exception) when (!ctx.RequestAborted.IsCancellationRequested)
            {
                status = StatusCodes.Status500InternalServerError;
            }

            // Recorded before answering, so the sender's await observes it.
            deliveries.Enqueue(new PixWebhookDelivery(body, status));
            ctx.Response.StatusCode = status;
        }), cancellationToken).ConfigureAwait(false);
        return new PixWebhookReceiver(app, new Uri(root, "webhook"), deliveries);
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
    }
}
