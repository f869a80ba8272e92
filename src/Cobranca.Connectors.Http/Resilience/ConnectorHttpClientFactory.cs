using System.Net.Security;
using Microsoft.Extensions.Http.Resilience;

namespace Cobranca.Connectors.Http;

/// <summary>Creates a resilient <see cref="HttpClient"/> for clients constructed with <c>new</c> (no DI).</summary>
internal static class ConnectorHttpClientFactory
{
    /// <summary>
    /// Creates an <see cref="HttpClient"/> whose handler chain is: resilience pipeline -> <paramref name="innerHandler"/>
    /// (or a <see cref="SocketsHttpHandler"/> with the given TLS pins). <see cref="HttpClient.Timeout"/> is infinite:
    /// the pipeline's timeouts rule.
    /// </summary>
    public static HttpClient Create(Uri baseAddress, ConnectorResilienceOptions resilience, TimeProvider? timeProvider = null,
        HttpMessageHandler? innerHandler = null, IReadOnlyCollection<string>? pinnedCertificateThumbprints = null)
    {
        ArgumentNullException.ThrowIfNull(baseAddress);
        var inner = innerHandler ?? CreatePrimaryHandler(pinnedCertificateThumbprints);
        var handler = new ResilienceHandler(ConnectorHttpPipeline.Build(resilience, timeProvider)) { InnerHandler = inner };
        return new HttpClient(handler, disposeHandler: true) { BaseAddress = baseAddress, Timeout = Timeout.InfiniteTimeSpan };
    }

    /// <summary>A sockets handler with pooled-connection lifetime (DNS changes) and optional certificate pinning (pins are exclusive: see <see cref="Abstractions.CertificatePinning"/>).</summary>
    public static SocketsHttpHandler CreatePrimaryHandler(IReadOnlyCollection<string>? pinnedCertificateThumbprints = null)
    {
        var handler = new SocketsHttpHandler
        {
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
            AutomaticDecompression = System.Net.DecompressionMethods.All,
        };
        // Pins are exclusive (Abstractions.CertificatePinning): only a pinned certificate is accepted; no pins, platform validation.
        if (Abstractions.CertificatePinning.CreateValidationCallback(pinnedCertificateThumbprints) is { } callback)
        {
            handler.SslOptions = new SslClientAuthenticationOptions { RemoteCertificateValidationCallback = callback };
        }
        return handler;
    }
}
