using System.Diagnostics.Metrics;
using System.Net;
using System.Net.Http.Headers;
using Cobranca.Connectors.Abstractions;
using Microsoft.Extensions.Logging;

namespace Cobranca.Connectors.Http;

/// <summary>What differs between the packages that send through <see cref="OAuthBearerTransport"/> (Pix, bank boleto APIs).</summary>
internal sealed class OAuthBearerTransportSettings
{
    /// <summary>Name used in errors, logs and telemetry (<c>"pix:efi"</c>, <c>"boleto:inter"</c>).</summary>
    public required string ProviderName { get; init; }

    /// <summary>The package's ActivitySource/Meter name (its <c>{X}Telemetry.ActivitySourceName</c>).</summary>
    public required string TelemetryName { get; init; }

    /// <summary>The DI tenant tagged on spans and metrics; null outside DI.</summary>
    public string? Tenant { get; init; }

    /// <summary>The host's meter factory (DI); null = the package's static meter.</summary>
    public IMeterFactory? MeterFactory { get; init; }

    /// <summary>The client's logger.</summary>
    public required ILogger Logger { get; init; }

    /// <summary>The package's log events (ids 1 to 4, names prefixed with the package's name).</summary>
    public required OAuthBearerLog Log { get; init; }

    /// <summary>The HttpClient to send with (the shared resilience pipeline and the mTLS certificate are on it).</summary>
    public required Func<HttpClient> HttpClient { get; init; }

    /// <summary>The bearer token cache.</summary>
    public required OAuthTokenCache Tokens { get; init; }

    /// <summary>The absolute URL of a call from the path (and query) the package gives (base URL, fixed query parameters).</summary>
    public required Func<string, Uri> BuildUri { get; init; }

    /// <summary>Adds the provider's extra headers after <c>Authorization</c> and <c>Accept</c> (client id, account number…); null = none.</summary>
    public Action<HttpRequestMessage>? AddHeaders { get; init; }

    /// <summary>Maps an error reply (provider, operation, status, body, headers) from the provider's error shapes.</summary>
    public required Func<string, string, HttpStatusCode, string, HttpResponseHeaders, ConnectorException> MapError { get; init; }
}
