using System.Diagnostics.Metrics;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Cobranca.Connectors.Abstractions;
using Cobranca.Connectors.Http;
using Microsoft.Extensions.Logging;

namespace Cobranca.Connectors.Pix.Internal;

/// <summary>
/// Sends one BACEN API call over the shared <see cref="OAuthBearerTransport"/> loop (token, 401 renewal, retry flag for
/// the shared pipeline, error mapping, logs and telemetry): what is Pix's own is here — the URL (base + escaped path +
/// the options' extra query parameters), the extra headers (the options' headers, the profile's account and
/// <c>client_id</c> headers), the BACEN error mapping and the typed JSON bodies.
/// </summary>
internal sealed class PixTransport : IDisposable
{
    private readonly PixClientOptions _options;
    private readonly ConnectorCredential _credential;
    private readonly Uri _baseUrl;
    private readonly OAuthBearerTransport _sender;

    public PixTransport(PixClientOptions options, ConnectorCredential credential, Func<HttpClient> httpClient, PixTokenProvider tokens,
        ILogger logger, string? tenant, IMeterFactory? meterFactory)
    {
        _options = options;
        _credential = credential;
        var baseUrl = options.EffectiveBaseUrl!;
        _baseUrl = baseUrl.AbsoluteUri.EndsWith('/') ? baseUrl : new Uri(baseUrl.AbsoluteUri + "/");
        _sender = new OAuthBearerTransport(new OAuthBearerTransportSettings
        {
            ProviderName = options.ProviderName,
            TelemetryName = PixTelemetry.ActivitySourceName,
            Tenant = tenant,
            MeterFactory = meterFactory,
            Logger = logger,
            Log = PixLog.Bearer,
            HttpClient = httpClient,
            Tokens = tokens.Cache,
            BuildUri = BuildUri,
            AddHeaders = AddHeaders,
            MapError = PixErrorMapper.Map,
        });
    }

    public string Provider => _options.ProviderName;

    public PixProviderProfile? Profile => _options.EffectiveProvider;

    public Task<TResponse?> SendAsync<TRequest, TResponse>(HttpMethod method, string path, TRequest? body,
        JsonTypeInfo<TRequest>? requestType, JsonTypeInfo<TResponse>? responseType, bool retryable, string operation,
        CancellationToken cancellationToken)
        where TRequest : class
        where TResponse : class =>
        _sender.SendAsync(method, path, (Body: body, Type: requestType),
            static b => b.Body is null || b.Type is null ? null : JsonSerializer.Serialize(b.Body, b.Type),
            retryable, operation, text => responseType is null ? null : Deserialize(text, responseType, operation), cancellationToken);

    private T Deserialize<T>(string text, JsonTypeInfo<T> type, string operation)
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

    private void AddHeaders(HttpRequestMessage request)
    {
        foreach (var (name, value) in _options.Headers) request.Headers.TryAddWithoutValidation(name, value);
        if (_options.AccountNumber is { Length: > 0 } account && _options.EffectiveProvider?.AccountHeaderName is { Length: > 0 } accountHeader)
            request.Headers.TryAddWithoutValidation(accountHeader, account);
        if (_options.EffectiveProvider?.SendsClientIdHeader == true) request.Headers.TryAddWithoutValidation("client_id", _credential.User);
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

    public void Dispose() => _sender.Dispose();
}
