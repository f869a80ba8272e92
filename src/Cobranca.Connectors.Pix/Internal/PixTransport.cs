using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Cobranca.Connectors.Abstractions;
using Microsoft.Extensions.Logging;

namespace Cobranca.Connectors.Pix.Internal;

/// <summary>
/// Sends one BACEN API call: builds the URL (base + escaped path + extra query), adds the bearer token and extra
/// headers, marks the request retryable or not, maps errors, and renews the token once on a 401.
/// </summary>
internal sealed class PixTransport(PixClientOptions options, Func<HttpClient> httpClient, PixTokenProvider tokens, ILogger logger)
{
    private readonly Uri _baseUrl = EnsureTrailingSlash(options.EffectiveBaseUrl!);

    public string Provider => options.ProviderName;

    public async Task<TResponse?> SendAsync<TRequest, TResponse>(HttpMethod method, string path, TRequest? body,
        JsonTypeInfo<TRequest>? requestType, JsonTypeInfo<TResponse>? responseType, bool retryable, string operation,
        CancellationToken cancellationToken)
        where TRequest : class
        where TResponse : class
    {
        using var activity = PixInstrumentation.Source.StartActivity(operation, ActivityKind.Client);
        activity?.SetTag("cobranca.provider", Provider);
        activity?.SetTag("cobranca.operation", operation);
        var content = body is null || requestType is null ? null : JsonSerializer.Serialize(body, requestType);
        var outcome = "error";
        try
        {
            for (var authAttempt = 0; ; authAttempt++)
            {
                var token = await tokens.GetTokenAsync(cancellationToken).ConfigureAwait(false);
                using var request = new HttpRequestMessage(method, BuildUri(path));
                request.MarkRetryable(retryable);
                request.Options.Set(PixRequestOptions.Operation, operation);
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
                request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
                foreach (var (name, value) in options.Headers) request.Headers.TryAddWithoutValidation(name, value);
                if (options.Provider?.SendsClientIdHeader == true) request.Headers.TryAddWithoutValidation("client_id", options.ClientId);
                if (content is not null) request.Content = new StringContent(content, Encoding.UTF8, "application/json");

                HttpResponseMessage response;
                try
                {
                    response = await httpClient().SendAsync(request, HttpCompletionOption.ResponseContentRead, cancellationToken).ConfigureAwait(false);
                }
                catch (Exception ex) when (ex is HttpRequestException or TimeoutException && !cancellationToken.IsCancellationRequested)
                {
                    throw new ConnectorTransportException(Provider, operation, $"{Provider} {operation}: {ex.Message}", ex)
                    { TenantId = options.TenantId };
                }

                using (response)
                {
                    var status = (int)response.StatusCode;
                    activity?.SetTag("http.response.status_code", status);
                    PixLog.Request(logger, Provider, operation, status);
                    var text = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
                    if (response.StatusCode == HttpStatusCode.Unauthorized && authAttempt == 0)
                    {
                        // Token revoked or expired early: drop it and try once more with a fresh one.
                        PixLog.TokenRejected(logger, Provider, operation);
                        tokens.Invalidate(token);
                        continue;
                    }

                    if (!response.IsSuccessStatusCode)
                    {
                        throw PixErrorMapper.Map(Provider, operation, response.StatusCode, text, RetryAfter(response), options.TenantId);
                    }

                    outcome = "ok";
                    if (responseType is null) return null;
                    try
                    {
                        return JsonSerializer.Deserialize(text, responseType)
                            ?? throw new JsonException("Empty reply.");
                    }
                    catch (JsonException ex)
                    {
                        outcome = "malformed";
                        throw new ConnectorTransportException(Provider, operation,
                            $"{Provider} {operation}: the reply ({status}) is not the expected JSON.", ex)
                        { TenantId = options.TenantId };
                    }
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            outcome = "cancelled";
            throw;
        }
        catch (ConnectorException ex)
        {
            activity?.SetStatus(ActivityStatusCode.Error, ex.GetType().Name);
            PixLog.RequestFailed(logger, Provider, operation, ex);
            throw;
        }
        finally
        {
            PixInstrumentation.Requests.Add(1, new("operation", operation), new("outcome", outcome));
        }
    }

    private static TimeSpan? RetryAfter(HttpResponseMessage response)
    {
        var header = response.Headers.RetryAfter;
        if (header?.Delta is { } delta) return delta;
        return header?.Date is { } date ? date - DateTimeOffset.UtcNow : null;
    }

    private Uri BuildUri(string path)
    {
        if (options.QueryParameters.Count == 0) return new Uri(_baseUrl, path);
        var sb = new StringBuilder(path);
        var separator = path.Contains('?', StringComparison.Ordinal) ? '&' : '?';
        foreach (var (name, value) in options.QueryParameters)
        {
            sb.Append(separator).Append(Uri.EscapeDataString(name)).Append('=').Append(Uri.EscapeDataString(value));
            separator = '&';
        }

        return new Uri(_baseUrl, sb.ToString());
    }

    private static Uri EnsureTrailingSlash(Uri uri) =>
        uri.AbsoluteUri.EndsWith('/') ? uri : new Uri(uri.AbsoluteUri + "/");
}
