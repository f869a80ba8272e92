using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Cobranca.Connectors.WhatsApp.Tests;

/// <summary>A minimal webhook endpoint on 127.0.0.1, as a host would map it: raw bytes + header → handler; 401 on a bad signature.</summary>
internal sealed class WhatsAppTestReceiver : IAsyncDisposable
{
    private readonly WebApplication _app;

    private WhatsAppTestReceiver(WebApplication app, Uri url)
    {
        _app = app;
        Url = url;
    }

    public Uri Url { get; }

    public WhatsAppWebhookHandler? Handler { get; set; }

    public List<WhatsAppWebhookBatch> Batches { get; } = [];

    public static async Task<WhatsAppTestReceiver> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        WhatsAppTestReceiver? receiver = null;
        app.MapGet("/webhook", (HttpContext c) =>
            receiver!.Handler!.VerifySubscription(c.Request.Query["hub.mode"], c.Request.Query["hub.verify_token"], c.Request.Query["hub.challenge"]) is { } challenge
                ? Results.Text(challenge) : Results.StatusCode(403));
        app.MapPost("/webhook", async (HttpContext c) =>
        {
            using var ms = new MemoryStream();
            await c.Request.Body.CopyToAsync(ms);
            try
            {
                receiver!.Batches.Add(await receiver.Handler!.HandleAsync(ms.ToArray(), c.Request.Headers[WhatsAppWebhookHandler.SignatureHeaderName].FirstOrDefault()));
                return Results.Ok();
            }
            catch (WhatsAppWebhookRejectedException e)
            {
                return Results.StatusCode(e.SignatureProblem ? 401 : 400);
            }
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        receiver = new WhatsAppTestReceiver(app, new Uri(address.TrimEnd('/') + "/webhook"));
        return receiver;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
