using Cobranca.Connectors.Abstractions;
using Cobranca.Connectors.Http;
using Microsoft.Extensions.Logging;

namespace Cobranca.Connectors.Pix.Internal;

/// <summary>
/// The PSP account's OAuth2 <c>client_credentials</c> token: the shared <see cref="OAuthTokenCache"/> of
/// Cobranca.Connectors.Http (cached until <c>expires_in</c> minus the refresh margin, single flight, dropped when the
/// credential rotates), configured from <see cref="PixClientOptions"/> with the BACEN error mapping.
/// </summary>
internal sealed class PixTokenProvider : IDisposable
{
    private readonly OAuthTokenCache _cache;

    public PixTokenProvider(PixClientOptions options, ConnectorCredential credential, Func<HttpClient> httpClient, TimeProvider time, ILogger logger)
    {
        var provider = options.ProviderName;
        _cache = new OAuthTokenCache(new OAuthTokenSettings
        {
            ProviderName = provider,
            TokenUrl = options.EffectiveTokenUrl!,
            Style = (OAuthTokenStyle)(int)options.EffectiveAuthStyle,
            Scopes = options.EffectiveScopes,
            RefreshMargin = options.TokenRefreshMargin,
            MapError = (status, body, headers) => PixErrorMapper.Map(provider, "oauth.token", status, body, headers),
            OnIssued = seconds => PixLog.Bearer.TokenIssued(logger, provider, seconds),
        }, credential, httpClient, time);
    }

    /// <summary>The cache itself, for the shared send loop (<see cref="OAuthBearerTransport"/>).</summary>
    public OAuthTokenCache Cache => _cache;

    public void Dispose() => _cache.Dispose();
}
