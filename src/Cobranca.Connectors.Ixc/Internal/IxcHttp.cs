using Cobranca.Connectors.Abstractions;
using Cobranca.Connectors.Http;

namespace Cobranca.Connectors.Ixc.Internal;

/// <summary>Builds the HTTP stack of a tenant (shared resilience pipeline, listing-verb switch, certificate pins) and maps transport failures.</summary>
internal static class IxcHttp
{
    /// <summary>
    /// The stack of a client built with <c>new</c>: resilience -> credentials (read per request) -> verb switch -> reply
    /// reader (per attempt) -> sockets (with the tenant's pins).
    /// </summary>
    public static HttpClient CreateHttpClient(IxcClientOptions options, ConnectorCredential credential, TimeProvider timeProvider)
    {
        var inner = new IxcAuthenticationHandler(credential)
        {
            InnerHandler = new IxcListingVerbHandler
            {
                InnerHandler = new IxcReplyHandler
                {
                    InnerHandler = ConnectorHttpClientFactory.CreatePrimaryHandler([.. options.PinnedCertificateThumbprints]),
                },
            },
        };
        var client = ConnectorHttpClientFactory.Create(IxcClientOptions.NormalizeBaseAddress(options.BaseAddress), options.Resilience, timeProvider, inner);
        IxcClient.ConfigureHttpClient(client, options);
        return client;
    }

    /// <summary>Maps a failure with no usable reply; null for caller cancellation and for programming errors (rethrow those untouched).</summary>
    public static ConnectorException? ToTransportException(string operation, Exception ex, CancellationToken callerToken)
    {
        if (ex is Refit.ApiRequestException { InnerException: { } wrapped }) ex = wrapped;
        if (ex is IxcReplyException reply)
            return new ConnectorTransportException(IxcClient.ProviderName, operation, reply.Message, reply);
        if (ex is HttpRequestException { HttpRequestError: HttpRequestError.SecureConnectionError }
            or HttpRequestException { InnerException: System.Security.Authentication.AuthenticationException })
        {
            return new ConnectorTransportException(IxcClient.ProviderName, operation,
                "TLS with IXC failed: the server certificate is not trusted. For an on-premise IXC with a self-signed certificate, pin its SHA-256 thumbprint in IxcClientOptions.PinnedCertificateThumbprints.", ex)
            { RequestNotSent = true };
        }
        if (ex is HttpRequestException { HttpRequestError: HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError })
        {
            return new ConnectorTransportException(IxcClient.ProviderName, operation,
                $"Could not connect to IXC ({((HttpRequestException)ex).HttpRequestError}); check the base URL and the network.", ex) { RequestNotSent = true };
        }
        return HttpErrorMapper.FromException(IxcClient.ProviderName, operation, ex, callerToken);
    }
}
