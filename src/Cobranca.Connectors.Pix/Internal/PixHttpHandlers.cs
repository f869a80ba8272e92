using System.Security.Cryptography.X509Certificates;
using Cobranca.Connectors.Http;

namespace Cobranca.Connectors.Pix.Internal;

internal static class PixHttpHandlers
{
    /// <summary>The primary handler: the shared pooled socket handler (optional pinning) presenting the account's mTLS certificate.</summary>
    public static SocketsHttpHandler CreatePrimary(PixClientOptions options, X509Certificate2? certificate)
    {
        var handler = ConnectorHttpClientFactory.CreatePrimaryHandler([.. options.PinnedCertificateThumbprints]);
        if (certificate is not null)
        {
            handler.SslOptions.ClientCertificates = [certificate];
        }

        return handler;
    }

    /// <summary>A client for <c>new PixClient(options)</c>: shared resilience pipeline over the mTLS handler.</summary>
    public static HttpClient CreateClient(PixClientOptions options, X509Certificate2? certificate, TimeProvider timeProvider) =>
        ConnectorHttpClientFactory.Create(options.EffectiveBaseUrl!, options.Resilience, timeProvider, CreatePrimary(options, certificate));
}
