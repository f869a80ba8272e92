using System.Net.Security;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Cobranca.Connectors.Abstractions;

namespace Cobranca.Connectors.Ixc.Internal;

/// <summary>Builds the HTTP stack of a tenant and maps transport failures.</summary>
internal static class IxcHttp
{
    public static HttpClient CreateHttpClient(IxcClientOptions options, TimeProvider timeProvider)
    {
        var primary = CreatePrimaryHandler(options);
        HttpMessageHandler pipeline = new IxcListingVerbHandler { InnerHandler = primary };
        var client = new HttpClient(pipeline, disposeHandler: true);
        IxcClient.ConfigureHttpClient(client, options);
        _ = timeProvider;
        return client;
    }

    public static SocketsHttpHandler CreatePrimaryHandler(IxcClientOptions options)
    {
        var handler = new SocketsHttpHandler
        {
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
            AutomaticDecompression = System.Net.DecompressionMethods.All,
        };
        if (options.PinnedCertificateThumbprints.Count > 0)
        {
            var pins = NormalisePins(options.PinnedCertificateThumbprints);
            handler.SslOptions.RemoteCertificateValidationCallback = (_, certificate, _, errors) =>
                errors == SslPolicyErrors.None || (certificate is not null && MatchesPin(certificate, pins));
        }
        return handler;
    }

    public static HashSet<string> NormalisePins(IEnumerable<string> pins) =>
        pins.Select(p => p.Replace(":", string.Empty, StringComparison.Ordinal).Replace(" ", string.Empty, StringComparison.Ordinal).ToUpperInvariant())
            .ToHashSet(StringComparer.Ordinal);

    public static bool MatchesPin(X509Certificate certificate, HashSet<string> pins)
    {
        var raw = certificate.GetRawCertData();
        return pins.Contains(Convert.ToHexString(SHA256.HashData(raw)))
#pragma warning disable CA5350 // SHA-1 thumbprints are what IXC admins read in their browser; compared, not used for security decisions alone.
            || pins.Contains(Convert.ToHexString(SHA1.HashData(raw)));
#pragma warning restore CA5350
    }

    /// <summary>True for the failures of the HTTP stack (network, TLS, timeouts, resilience rejections), not for programming errors.</summary>
    public static bool IsTransportFailure(Exception ex) =>
        ex is HttpRequestException or IOException or SocketException or OperationCanceledException or TimeoutException
            or Refit.ApiRequestException
        || ex.GetType().FullName?.StartsWith("Polly.", StringComparison.Ordinal) == true;

    public static ConnectorException ToTransportException(string operation, Exception ex) => ex switch
    {
        ConnectorException c => c,
        HttpRequestException { InnerException: System.Security.Authentication.AuthenticationException } =>
            new ConnectorTransportException(IxcClient.ProviderName, operation,
                "TLS with IXC failed: the server certificate is not trusted. For an on-premise IXC with a self-signed certificate, pin its thumbprint in IxcClientOptions.PinnedCertificateThumbprints.", ex)
            { RequestNotSent = true },
        HttpRequestException { HttpRequestError: HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError } =>
            new ConnectorTransportException(IxcClient.ProviderName, operation, $"Could not connect to IXC: {ex.Message}", ex) { RequestNotSent = true },
        HttpRequestException or IOException or SocketException =>
            new ConnectorTransportException(IxcClient.ProviderName, operation, $"The connection to IXC failed: {ex.Message}", ex),
        OperationCanceledException or TimeoutException =>
            new ConnectorTransportException(IxcClient.ProviderName, operation, "IXC did not answer in time.", ex),
        _ when ex.GetType().FullName?.StartsWith("Polly.", StringComparison.Ordinal) == true =>
            new ConnectorTransportException(IxcClient.ProviderName, operation, $"IXC call rejected by the resilience pipeline: {ex.Message}", ex),
        _ => new ConnectorTransportException(IxcClient.ProviderName, operation, $"IXC call failed: {ex.Message}", ex),
    };
}
