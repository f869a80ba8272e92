using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Cobranca.Connectors.Abstractions;
using Cobranca.Connectors.Http;
using Microsoft.Extensions.Logging;

namespace Cobranca.Connectors.Pix.Internal;

/// <summary>
/// OAuth2 <c>client_credentials</c> token cache for one credential set: the token is reused until
/// <c>expires_in</c> minus the refresh margin, and concurrent callers share a single token request (single flight).
/// The credential is read on every call: a rotated client id or secret (<see cref="ConnectorCredential.Update"/>)
/// drops the cached token, so the next request authenticates with the new pair.
/// </summary>
internal sealed class PixTokenProvider(PixClientOptions options, ConnectorCredential credential, Func<HttpClient> httpClient,
    TimeProvider time, ILogger logger) : IDisposable
{
    private const string Operation = "oauth.token";
    private readonly SemaphoreSlim _gate = new(1, 1);
    private CachedToken? _cached;

    public async ValueTask<string> GetTokenAsync(CancellationToken cancellationToken)
    {
        var (clientId, secret) = credential;
        if (Fresh(Volatile.Read(ref _cached), clientId, secret) is { } token) return token;
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            (clientId, secret) = credential;
            if (Fresh(_cached, clientId, secret) is { } other) return other; // another caller refreshed it meanwhile
            var (fresh, lifetime) = await RequestTokenAsync(clientId, secret, cancellationToken).ConfigureAwait(false);
            var margin = options.TokenRefreshMargin;
            if (margin * 2 > lifetime) margin = lifetime / 2;
            Volatile.Write(ref _cached, new CachedToken(fresh, time.GetUtcNow() + lifetime - margin, clientId, secret));
            return fresh;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Drops <paramref name="token"/> if it is still the cached one (the PSP refused it).</summary>
    public void Invalidate(string token)
    {
        var current = Volatile.Read(ref _cached);
        if (current is not null && current.Value == token) Interlocked.CompareExchange(ref _cached, null, current);
    }

    /// <summary>The cached token while it is fresh and was issued for this very credential.</summary>
    private string? Fresh(CachedToken? cached, string clientId, string secret) =>
        cached is not null && time.GetUtcNow() < cached.RefreshAt
        && string.Equals(cached.ClientId, clientId, StringComparison.Ordinal) && string.Equals(cached.Secret, secret, StringComparison.Ordinal)
            ? cached.Value : null;

    // Holds the pair the token was issued for, to notice a rotation; never printed (ToString is overridden).
    private sealed record CachedToken(string Value, DateTimeOffset RefreshAt, string ClientId, string Secret)
    {
        public override string ToString() => "token";
    }

    private async Task<(string Token, TimeSpan Lifetime)> RequestTokenAsync(string clientId, string secret, CancellationToken cancellationToken)
    {
        var provider = options.ProviderName;
        using var request = BuildRequest(clientId, secret);
        request.MarkRetryable(true); // asking for a token has no side effect worth protecting
        HttpResponseMessage response;
        try
        {
            response = await httpClient().SendAsync(request, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (HttpErrorMapper.FromException(provider, Operation, ex, cancellationToken) is { } mapped)
        {
            throw mapped;
        }

        using (response)
        {
            var body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
            if (response.StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden)
            {
                // OAuth errors (invalid_client, invalid_scope…) are configuration problems whatever the status.
                throw new ConnectorAuthenticationException(provider, Operation,
                    $"{provider} refused the token request (HTTP {(int)response.StatusCode}): check client id/secret, scopes and the mTLS certificate.",
                    (int)response.StatusCode, null, body);
            }

            if (!response.IsSuccessStatusCode) throw PixErrorMapper.Map(provider, Operation, response.StatusCode, body, response.Headers);

            TokenResponseDto? dto;
            try
            {
                dto = JsonSerializer.Deserialize(body, PixJsonContext.Default.TokenResponseDto);
            }
            catch (JsonException ex)
            {
                throw HttpErrorMapper.FromException(provider, Operation, ex, CancellationToken.None)!;
            }

            if (string.IsNullOrEmpty(dto?.AccessToken))
                throw new ConnectorTransportException(provider, Operation, $"{provider} token reply has no access_token.");
            var seconds = dto.ExpiresIn is > 0 ? dto.ExpiresIn.Value : 300;
            PixLog.TokenIssued(logger, provider, seconds);
            return (dto.AccessToken, TimeSpan.FromSeconds(seconds));
        }
    }

    private HttpRequestMessage BuildRequest(string clientId, string secret)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, options.EffectiveTokenUrl);
        var scope = options.EffectiveScopes.Count == 0 ? null : string.Join(' ', options.EffectiveScopes);
        var style = options.EffectiveAuthStyle;
        if (style != PixAuthStyle.FormCredentials)
        {
            var basic = Convert.ToBase64String(Encoding.UTF8.GetBytes($"{clientId}:{secret}"));
            request.Headers.Authorization = new AuthenticationHeaderValue("Basic", basic);
        }

        if (style == PixAuthStyle.BasicJson)
        {
            var json = JsonSerializer.Serialize(new TokenRequestDto { Scope = scope }, PixJsonContext.Default.TokenRequestDto);
            request.Content = new StringContent(json, Encoding.UTF8, "application/json");
            return request;
        }

        var form = new List<KeyValuePair<string, string>> { new("grant_type", "client_credentials") };
        if (scope is not null) form.Add(new("scope", scope));
        if (style == PixAuthStyle.FormCredentials)
        {
            form.Add(new("client_id", clientId));
            if (!string.IsNullOrEmpty(secret)) form.Add(new("client_secret", secret));
        }

        request.Content = new FormUrlEncodedContent(form);
        return request;
    }

    public void Dispose() => _gate.Dispose();
}
