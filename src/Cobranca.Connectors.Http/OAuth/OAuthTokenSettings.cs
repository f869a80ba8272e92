using System.Net;
using System.Net.Http.Headers;
using Cobranca.Connectors.Abstractions;

namespace Cobranca.Connectors.Http;

/// <summary>Where and how <see cref="OAuthTokenCache"/> asks for a token.</summary>
internal sealed class OAuthTokenSettings
{
    /// <summary>Name used in errors (<c>"pix:efi"</c>, <c>"boleto:inter"</c>).</summary>
    public required string ProviderName { get; init; }

    /// <summary>The token endpoint.</summary>
    public required Uri TokenUrl { get; init; }

    /// <summary>How the request is written.</summary>
    public OAuthTokenStyle Style { get; init; } = OAuthTokenStyle.BasicForm;

    /// <summary>Scopes sent (space-separated); empty = none.</summary>
    public IReadOnlyList<string> Scopes { get; init; } = [];

    /// <summary>Extra headers on the token request (e.g. an API key).</summary>
    public IReadOnlyDictionary<string, string> Headers { get; init; } = new Dictionary<string, string>();

    /// <summary>Renew this long before expiry.</summary>
    public TimeSpan RefreshMargin { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>Maps a non-auth error reply (5xx…); null = the generic status mapping.</summary>
    public Func<HttpStatusCode, string, HttpResponseHeaders, ConnectorException>? MapError { get; init; }

    /// <summary>Called with the lifetime in seconds of each token obtained (logging).</summary>
    public Action<int>? OnIssued { get; init; }
}
