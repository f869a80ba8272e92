using System.Diagnostics.Metrics;
using System.Text.Json;
using System.Text.Json.Nodes;
using Cobranca.Connectors.Abstractions;
using Cobranca.Connectors.Http;
using Microsoft.Extensions.Logging;

namespace Cobranca.Connectors.Boleto.Providers.Internal;

/// <summary>
/// Sends one bank API call over the shared <see cref="OAuthBearerTransport"/> loop (token, 401 renewal, retry flag for
/// the shared pipeline — reads only, error mapping, logs and telemetry): what is the banks' own is here — the token
/// cache set up from the bank's endpoints, the extra headers and query parameters (Sicoob's <c>client_id</c>, Inter's
/// account, BB's <c>gw-dev-app-key</c>), the banks' error shapes and JSON bodies.
/// </summary>
internal sealed class BoletoTransport : IDisposable
{
    private readonly BoletoBankClientOptions _options;
    private readonly OAuthTokenCache _tokens;
    private readonly ConnectorCredential _credential;
    private readonly Uri _base;
    private readonly OAuthBearerTransport _sender;

    public BoletoTransport(BoletoBankClientOptions options, ConnectorCredential credential, Func<HttpClient> httpClient, TimeProvider time,
        ILogger logger, string? tenant, IMeterFactory? meterFactory)
    {
        _options = options;
        _credential = credential;
        var endpoints = BankEndpoints.For(options);
        _base = endpoints.ApiBase!;
        Provider = options.ProviderName;
        var provider = Provider;
        _tokens = new OAuthTokenCache(new OAuthTokenSettings
        {
            ProviderName = provider,
            TokenUrl = endpoints.TokenUrl!,
            Style = endpoints.Style,
            Scopes = endpoints.Scopes,
            RefreshMargin = options.TokenRefreshMargin,
            MapError = (status, body, headers) => BankErrorMapper.Map(provider, "oauth.token", status, body, headers),
            OnIssued = seconds => BoletoLog.Bearer.TokenIssued(logger, provider, seconds),
        }, credential, httpClient, time);
        _sender = new OAuthBearerTransport(new OAuthBearerTransportSettings
        {
            ProviderName = provider,
            TelemetryName = BoletoBankTelemetry.ActivitySourceName,
            Tenant = tenant,
            MeterFactory = meterFactory,
            Logger = logger,
            Log = BoletoLog.Bearer,
            HttpClient = httpClient,
            Tokens = _tokens,
            BuildUri = BuildUri,
            AddHeaders = AddHeaders,
            MapError = BankErrorMapper.Map,
        });
    }

    public string Provider { get; }

    public int TokensRequested => _tokens.TokensRequested;

    /// <summary>Sends and returns the parsed JSON reply (null for an empty reply: 204).</summary>
    /// <remarks>
    /// The reply is parsed inside the operation, as Pix does: a reply that is not JSON throws the mapped
    /// <see cref="ConnectorTransportException"/>, logged as a failed request and counted as an operation error.
    /// </remarks>
    public Task<JsonNode?> SendAsync(HttpMethod method, string pathAndQuery, JsonNode? body, bool retryable, string operation,
        CancellationToken cancellationToken) =>
        _sender.SendAsync(method, pathAndQuery, body, static b => b?.ToJsonString(), retryable, operation, text => Parse(text, operation), cancellationToken);

    private JsonNode? Parse(string text, string operation)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        try
        {
            return JsonNode.Parse(text);
        }
        catch (JsonException ex)
        {
            throw HttpErrorMapper.FromException(Provider, operation, ex, CancellationToken.None)!;
        }
    }

    /// <summary>Sends and returns the reply text.</summary>
    public Task<string> SendRawAsync(HttpMethod method, string pathAndQuery, JsonNode? body, bool retryable, string operation,
        CancellationToken cancellationToken) =>
        _sender.SendAsync(method, pathAndQuery, body, static b => b?.ToJsonString(), retryable, operation, static text => text, cancellationToken);

    private void AddHeaders(HttpRequestMessage request)
    {
        if (_options.Bank == BoletoBank.Sicoob) request.Headers.TryAddWithoutValidation("client_id", _credential.User);
        if (_options.Bank == BoletoBank.Inter && !string.IsNullOrWhiteSpace(_options.AccountNumber))
            request.Headers.TryAddWithoutValidation("x-conta-corrente", _options.AccountNumber);
    }

    private Uri BuildUri(string pathAndQuery)
    {
        if (_options.Bank != BoletoBank.BancoDoBrasil || string.IsNullOrEmpty(_options.ApplicationKey)) return new Uri(_base, pathAndQuery);
        var separator = pathAndQuery.Contains('?', StringComparison.Ordinal) ? '&' : '?';
        return new Uri(_base, $"{pathAndQuery}{separator}gw-dev-app-key={Uri.EscapeDataString(_options.ApplicationKey)}");
    }

    public void Dispose()
    {
        _tokens.Dispose();
        _sender.Dispose();
    }
}
