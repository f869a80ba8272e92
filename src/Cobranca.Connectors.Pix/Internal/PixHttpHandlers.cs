using Cobranca.Connectors.Http;

namespace Cobranca.Connectors.Pix.Internal;

internal static class PixHttpHandlers
{
    /// <summary>The primary handler: the shared pooled socket handler (optional pinning) presenting the account's mTLS certificate.</summary>
    public static SocketsHttpHandler CreatePrimary(PixClientOptions options)
    {
        var handler = ConnectorHttpClientFactory.CreatePrimaryHandler(
            options.PinnedServerCertificates.Count == 0 ? null : [.. options.PinnedServerCertificates]);
        if (options.GetOrLoadCertificate(PixCertificateLoader.Load) is { } cert)
        {
            handler.SslOptions.ClientCertificates = [cert];
        }

        return handler;
    }

    /// <summary>A client for <c>new PixClient(options)</c>: shared resilience pipeline over the mTLS handler.</summary>
    public static HttpClient CreateClient(PixClientOptions options) =>
        ConnectorHttpClientFactory.Create(options.EffectiveBaseUrl!, options.Resilience, options.TimeProvider, CreatePrimary(options));
}
