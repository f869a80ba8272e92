using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Cobranca.Connectors.Abstractions;
using Cobranca.Connectors.Http;
using Microsoft.Extensions.Logging;

namespace Cobranca.Connectors.Pix.Internal;

/// <summary>
/// Sends one BACEN API call: builds the URL (base + escaped path + extra query), adds the bearer token and extra
/// headers, marks the request retryable or not for the shared pipeline, maps errors, and renews the token once on a 401.
/// </summary>
internal sealed class PixTransport : IDisposable
{
    private readonly PixClientOptions _options;
    private readonly Func<HttpClient> _httpClient;
    private readonly PixTokenProvider _tokens;
    private readonly ILogger _logger;
    private readonly Uri _baseUrl;
    private readonly ConnectorInstrumentation _instrumentation;
    private readonly ConnectorCredential _credential;
    private readonly string? _tenant;

    public PixTransport(PixClientOptions options, ConnectorCredential credential, Func<HttpClient> httpClient, PixTokenProvider tokens,
        ILogger logger, string? tenant, IMeterFactory? meterFactory)
    {
        _options = options;
        _credential = credential;
        _httpClient = httpClient;
        _tokens = tokens;
        _logger = logger;
        _tenant = tenant;
        var baseUrl = options.EffectiveBaseUrl!;
        _baseUrl = baseUrl.AbsoluteUri.EndsWith('/') ? baseUrl : new Uri(baseUrl.AbsoluteUri + "/");
        _instrumentation = new ConnectorInstrumentation(PixTelemetry.ActivitySourceName, options.ProviderName, meterFactory);
    }

    public string Provider => _options.ProviderName;

    public PixProviderProfile? Profile => _options.EffectiveProvider;

    public async Task<TResponse?> SendAsync<TRequest, TResponse>(HttpMethod method, string path, TRequest? body,
        JsonTypeInfo<TRequest>? requestType, JsonTypeInfo<TResponse>? responseType, bool retryable, string operation,
        CancellationToken cancellationToken)
        where TRequest : class
        where TResponse : class
    {
        using var activity = _instrumentation.StartOperation(operation, _tenant);
        var started = Stopwatch.GetTimestamp();
        var content = body is null || requestType is null ? null : JsonSerializer.Serialize(body, requestType);
        Exception? failure = null;
        try
        {
            for (var authAttempt = 0; ; authAttempt++)
            {
                var token = await _tokens.GetTokenAsync(cancellationToken).ConfigureAwait(false);
                using var request = new HttpRequestMessage(method, BuildUri(path));
                request.MarkRetryable(retryable);
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
                request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
                foreach (var (name, value) in _options.Headers) request.Headers.TryAddWithoutValidation(name, value);
                if (_options.AccountNumber is { Length: > 0 } account && _options.EffectiveProvider?.AccountHeaderName is { Length: > 0 } accountHeader)
                    request.Headers.TryAddWithoutValidation(accountHeader, account);
                if (_options.EffectiveProvider?.SendsClientIdHeader == true) request.Headers.TryAddWithoutValidation("client_id", _credential.User);
                if (content is not null) request.Content = new StringContent(content, Encoding.UTF8, "application/json");

                using var response = await SendOnceAsync(request, operation, cancellationToken).ConfigureAwait(false);
                var status = (int)response.StatusCode;
                activity?.SetTag("http.response.status_code", status);
                PixLog.Request(_logger, Provider, operation, status);
                var text = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
                if (response.StatusCode == HttpStatusCode.Unauthorized && authAttempt == 0)
                {
                    // Token revoked or expired early: drop it and try once more with a fresh one.
                    PixLog.TokenRejected(_logger, Provider, operation);
                    _tokens.Invalidate(token);
                    continue;
                }

                if (!response.IsSuccessStatusCode) throw PixErrorMapper.Map(Provider, operation, response.StatusCode, text, response.Headers);
                if (responseType is null) return null;
                return Deserialize(text, responseType, operation);
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            failure = ex;
            if (ex is ConnectorException) PixLog.RequestFailed(_logger, Provider, operation, ex);
            throw;
        }
        finally
        {
            _instrumentation.Record(activity, operation, _tenant, started, failure);
        }
    }

    /// <summary>Sends through the shared pipeline; a reply-less failure becomes ConnectorTransportException, caller cancellation stays.</summary>
    internal async Task<HttpResponseMessage> SendOnceAsync(HttpRequestMessage request, string operation, CancellationToken cancellationToken)
    {
        try
        {
            return await _httpClient().SendAsync(request, HttpCompletionOption.ResponseContentRead, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (HttpErrorMapper.FromException(Provider, operation, ex, cancellationToken) is { } mapped)
        {
            throw mapped;
        }
    }

    internal T Deserialize<T>(string text, JsonTypeInfo<T> type, string operation)
        where T : class
    {
        try
        {
            return JsonSerializer.Deserialize(text, type) ?? throw new JsonException("Empty reply.");
        }
        catch (JsonException ex)
        {
            throw HttpErrorMapper.FromException(Provider, operation, ex, CancellationToken.None)!;
        }
    }

    private Uri BuildUri(string path)
    {
        if (_options.QueryParameters.Count == 0) return new Uri(_baseUrl, path);
        var sb = new StringBuilder(path);
        var separator = path.Contains('?', StringComparison.Ordinal) ? '&' : '?';
        foreach (var (name, value) in _options.QueryParameters)
        {
            sb.Append(separator).Append(Uri.EscapeDataString(name)).Append('=').Append(Uri.EscapeDataString(value));
            separator = '&';
        }

        return new Uri(_baseUrl, sb.ToString());
    }

    public void Dispose() => _instrumentation.Dispose();
}
