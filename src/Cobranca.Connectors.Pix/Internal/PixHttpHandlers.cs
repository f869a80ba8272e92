using Microsoft.Extensions.Logging;

namespace Cobranca.Connectors.Pix.Internal;

internal static class PixHttpHandlers
{
    /// <summary>The primary handler: a pooled socket handler presenting the account's mTLS certificate.</summary>
    public static SocketsHttpHandler CreatePrimary(PixClientOptions options)
    {
        var handler = new SocketsHttpHandler
        {
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
            AutomaticDecompression = System.Net.DecompressionMethods.All,
        };
        if (PixCertificateLoader.Load(options) is { } cert)
        {
            handler.SslOptions.ClientCertificates = [cert];
        }

        return handler;
    }

    /// <summary>Primary handler wrapped in the per-operation retry handler.</summary>
    public static HttpMessageHandler Create(PixClientOptions options, ILogger logger) =>
        new PixRetryHandler(options, logger) { InnerHandler = CreatePrimary(options) };
}
