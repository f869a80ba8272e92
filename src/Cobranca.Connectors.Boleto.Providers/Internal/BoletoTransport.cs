using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Cobranca.Connectors.Abstractions;
using Cobranca.Connectors.Http;
using Microsoft.Extensions.Logging;

namespace Cobranca.Connectors.Boleto.Providers.Internal;

/// <summary>
/// Sends one bank API call: bearer token from the shared <see cref="OAuthTokenCache"/>, the bank's extra headers and
/// query parameters, JSON body, retry flag for the shared pipeline (reads only), errors mapped from the banks' error
/// shapes, and one token renewal on a 401.
/// </summary>
internal sealed class BoletoTransport : IDisposable
{
    private readonly BoletoBankClientOptions _options;
    private readonly Func<HttpClient> _httpClient;
    private readonly OAuthTokenCache _tokens;
    private readonly ConnectorCredential _credential;
    private readonly ILogger _logger;
    private readonly Uri _base;
    private readonly ConnectorInstrumentation _instrumentation;
    private readonly string? _tenant;

    public BoletoTransport(BoletoBankClientOptions options, ConnectorCredential credential, Func<HttpClient> httpClient, TimeProvider time,
        ILogger logger, string? tenant, IMeterFactory? meterFactory)
    {
        _options = options;
        _credential = credential;
        _httpClient = httpClient;
        _logger = logger;
        _tenant = tenant;
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
            OnIssued = seconds => BoletoLog.TokenIssued(logger, provider, seconds),
        }, credential, httpClient, time);
        _instrumentation = new ConnectorInstrumentation(BoletoBankTelemetry.ActivitySourceName, provider, meterFactory);
    }

    public string Provider { get; }

    public int TokensRequested => _tokens.TokensRequested;

    /// <summary>Sends and returns the parsed JSON reply (null for an empty reply: 204).</summary>
    public async Task<JsonNode?> SendAsync(HttpMethod method, string pathAndQuery, JsonNode? body, bool retryable, string operation,
        CancellationToken cancellationToken)
    {
        var text = await SendRawAsync(method, pathAndQuery, body, retryable, operation, cancellationToken).ConfigureAwait(false);
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
    public async Task<string> SendRawAsync(HttpMethod method, string pathAndQuery, JsonNode? body, bool retryable, string operation,
        CancellationToken cancellationToken)
    {
        using var activity = _instrumentation.StartOperation(operation, _tenant);
        var started = Stopwatch.GetTimestamp();
        var content = body?.ToJsonString();
        Exception? failure = null;
        try
        {
            for (var authAttempt = 0; ; authAttempt++)
            {
                var token = await _tokens.GetTokenAsync(cancellationToken).ConfigureAwait(false);
                using var request = new HttpRequestMessage(method, BuildUri(pathAndQuery));
                request.MarkRetryable(retryable);
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
                request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
                if (_options.Bank == BoletoBank.Sicoob) request.Headers.TryAddWithoutValidation("client_id", _credential.User);
                if (_options.Bank == BoletoBank.Inter && !string.IsNullOrWhiteSpace(_options.AccountNumber))
                    request.Headers.TryAddWithoutValidation("x-conta-corrente", _options.AccountNumber);
                if (content is not null) request.Content = new StringContent(content, Encoding.UTF8, "application/json");

                HttpResponseMessage response;
                try
                {
                    response = await _httpClient().SendAsync(request, HttpCompletionOption.ResponseContentRead, cancellationToken).ConfigureAwait(false);
                }
                catch (Exception ex) when (HttpErrorMapper.FromException(Provider, operation, ex, cancellationToken) is { } mapped)
                {
                    throw mapped;
                }

                using (response)
                {
                    var status = (int)response.StatusCode;
                    activity?.SetTag("http.response.status_code", status);
                    BoletoLog.Request(_logger, Provider, operation, status);
                    string text;
                    try
                    {
                        text = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
                    }
                    catch (Exception ex) when (HttpErrorMapper.FromException(Provider, operation, ex, cancellationToken) is { } mapped)
                    {
                        throw mapped;
                    }

                    if (response.StatusCode == HttpStatusCode.Unauthorized && authAttempt == 0)
                    {
                        BoletoLog.TokenRejected(_logger, Provider, operation);
                        _tokens.Invalidate(token);
                        continue;
                    }

                    if (!response.IsSuccessStatusCode) throw BankErrorMapper.Map(Provider, operation, response.StatusCode, text, response.Headers);
                    return text;
                }
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            failure = ex;
            if (ex is ConnectorException) BoletoLog.RequestFailed(_logger, Provider, operation, ex);
            throw;
        }
        finally
        {
            _instrumentation.Record(activity, operation, _tenant, started, failure);
        }
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
        _instrumentation.Dispose();
    }
}
