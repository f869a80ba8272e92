using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Cobranca.Connectors.Pix.Tests;

/// <summary>Hosts a PixWebhookHandler in a minimal API, the way an application would.</summary>
internal sealed class WebhookReceiver : IAsyncDisposable
{
    private readonly WebApplication _app;

    private readonly List<PixPaymentBatchResult> _results;

    private WebhookReceiver(WebApplication app, Uri url, List<PixPaymentBatchResult> results)
    {
        _app = app;
        Url = url;
        _results = results;
    }

    /// <summary>The URL to register (the PSP posts to Url + "/pix").</summary>
    public Uri Url { get; }

    public static async Task<WebhookReceiver> StartAsync(PixWebhookHandler handler)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var results = new List<PixPaymentBatchResult>();
        app.MapPost("/hooks/pix/pix", async (HttpRequest request, CancellationToken ct) =>
        {
            using var reader = new StreamReader(request.Body);
            var result = await handler.HandleCallbackAsync(await reader.ReadToEndAsync(ct), ct);
            lock (results) results.Add(result);
            return Results.StatusCode(result.SuggestedStatusCode);
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new WebhookReceiver(app, new Uri(address.TrimEnd('/') + "/hooks/pix"), results);
    }

    public IReadOnlyList<PixPaymentBatchResult> Deliveries
    {
        get
        {
            lock (_results) return [.. _results];
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
