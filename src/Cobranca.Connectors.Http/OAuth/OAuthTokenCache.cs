using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Cobranca.Connectors.Abstractions;

namespace Cobranca.Connectors.Http;

/// <summary>
/// OAuth2 <c>client_credentials</c> token cache for one credential set, shared by the Pix and boleto clients: the token
/// is reused until <c>expires_in</c> minus the refresh margin, concurrent callers share a single token request (single
/// flight), and the credential is read on every call — a rotated client id or secret
/// (<see cref="ConnectorCredential.Update"/>) drops the cached token, so the next request authenticates with the new pair.
/// </summary>
/// <remarks>The token request goes over the caller's <see cref="HttpClient"/> (so it carries the mTLS certificate) and is marked retryable.</remarks>
internal sealed class OAuthTokenCache : IDisposable
{
    private const string Operation = "oauth.token";
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly OAuthTokenSettings _settings;
    private readonly ConnectorCredential _credential;
    private readonly Func<HttpClient> _httpClient;
    private readonly TimeProvider _time;
    private CachedToken? _cached;

    public OAuthTokenCache(OAuthTokenSettings settings, ConnectorCredential credential, Func<HttpClient> httpClient, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(credential);
        ArgumentNullException.ThrowIfNull(httpClient);
        _settings = settings;
        _credential = credential;
        _httpClient = httpClient;
        _time = time ?? TimeProvider.System;
    }

    /// <summary>How many tokens this cache obtained (for tests and diagnostics).</summary>
    public int TokensRequested => Volatile.Read(ref _requested);

    private int _requested;

    public async ValueTask<string> GetTokenAsync(CancellationToken cancellationToken)
    {
        var (clientId, secret) = _credential;
        if (Fresh(Volatile.Read(ref _cached), clientId, secret) is { } token) return token;
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            (clientId, secret) = _credential;
            if (Fresh(_cached, clientId, secret) is { } other) return other; // another caller refreshed it meanwhile
            var (fresh, lifetime) = await RequestTokenAsync(clientId, secret, cancellationToken).ConfigureAwait(false);
            var margin = _settings.RefreshMargin;
            if (margin * 2 > lifetime) margin = lifetime / 2;
            Volatile.Write(ref _cached, new CachedToken(fresh, _time.GetUtcNow() + lifetime - margin, clientId, secret));
            return fresh;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Drops <paramref name="token"/> if it is still the cached one (the server refused it).</summary>
    public void Invalidate(string token)
    {
        var current = Volatile.Read(ref _cached);
        if (current is not null && current.Value == token) Interlocked.CompareExchange(ref _cached, null, current);
    }

    private string? Fresh(CachedToken? cached, string clientId, string secret) =>
        cached is not null && _time.GetUtcNow() < cached.RefreshAt
        && string.Equals(cached.ClientId, clientId, StringComparison.Ordinal) && string.Equals(cached.Secret, secret, StringComparison.Ordinal)
            ? cached.Value : null;

    // Holds the pair the token was issued for, to notice a rotation; never printed (ToString is overridden).
    private sealed record CachedToken(string Value, DateTimeOffset RefreshAt, string ClientId, string Secret)
    {
        public override string ToString() => "token";
    }

    private async Task<(string Token, TimeSpan Lifetime)> RequestTokenAsync(string clientId, string secret, CancellationToken cancellationToken)
    {
        var provider = _settings.ProviderName;
        using var request = BuildRequest(clientId, secret);
        request.MarkRetryable(true); // asking for a token has no side effect worth protecting
        Interlocked.Increment(ref _requested);
        HttpResponseMessage response;
        try
        {
            response = await _httpClient().SendAsync(request, cancellationToken).ConfigureAwait(false);
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

            if (!response.IsSuccessStatusCode)
            {
                throw _settings.MapError?.Invoke(response.StatusCode, body, response.Headers)
                    ?? HttpErrorMapper.FromStatus(provider, Operation, response.StatusCode, body, response.Headers);
            }

            string? accessToken;
            int? expiresIn;
            try
            {
                var node = JsonNode.Parse(body) as JsonObject ?? throw new JsonException("The token reply is not a JSON object.");
                accessToken = node["access_token"] is JsonValue t && t.TryGetValue<string>(out var s) ? s : null;
                expiresIn = node["expires_in"] switch
                {
                    JsonValue v when v.TryGetValue<int>(out var i) => i,
                    JsonValue v when v.TryGetValue<string>(out var text) && int.TryParse(text, System.Globalization.NumberStyles.Integer,
                        System.Globalization.CultureInfo.InvariantCulture, out var parsed) => parsed,
                    _ => null,
                };
            }
            catch (JsonException ex)
            {
                throw HttpErrorMapper.FromException(provider, Operation, ex, CancellationToken.None)!;
            }

            if (string.IsNullOrEmpty(accessToken))
                throw new ConnectorTransportException(provider, Operation, $"{provider} token reply has no access_token.");
            var seconds = expiresIn is > 0 ? expiresIn.Value : 300;
            _settings.OnIssued?.Invoke(seconds);
            return (accessToken, TimeSpan.FromSeconds(seconds));
        }
    }

    private HttpRequestMessage BuildRequest(string clientId, string secret)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, _settings.TokenUrl);
        var scope = _settings.Scopes.Count == 0 ? null : string.Join(' ', _settings.Scopes);
        var style = _settings.Style;
        if (style != OAuthTokenStyle.FormCredentials)
        {
            var basic = Convert.ToBase64String(Encoding.UTF8.GetBytes($"{clientId}:{secret}"));
            request.Headers.Authorization = new AuthenticationHeaderValue("Basic", basic);
        }

        foreach (var (name, value) in _settings.Headers) request.Headers.TryAddWithoutValidation(name, value);

        if (style == OAuthTokenStyle.BasicJson)
        {
            var json = new JsonObject { ["grant_type"] = "client_credentials" };
            if (scope is not null) json["scope"] = scope;
            request.Content = new StringContent(json.ToJsonString(), Encoding.UTF8, "application/json");
            return request;
        }

        var form = new List<KeyValuePair<string, string>> { new("grant_type", "client_credentials") };
        if (scope is not null) form.Add(new("scope", scope));
        if (style == OAuthTokenStyle.FormCredentials)
        {
            form.Add(new("client_id", clientId));
            if (!string.IsNullOrEmpty(secret)) form.Add(new("client_secret", secret));
        }

        request.Content = new FormUrlEncodedContent(form);
        return request;
    }

    public void Dispose() => _gate.Dispose();
}
