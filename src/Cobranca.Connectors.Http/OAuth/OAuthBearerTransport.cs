using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Cobranca.Connectors.Abstractions;

namespace Cobranca.Connectors.Http;

/// <summary>
/// The send loop of the OAuth2 bearer-token connectors (Pix, bank boleto APIs): one logical operation = a span and the
/// duration/error metrics (<see cref="ConnectorInstrumentation"/>); per attempt a token from the cache, the request
/// (bearer token, <c>Accept: application/json</c>, the provider's extra headers, a JSON body) marked retryable or not
/// for the shared pipeline — which alone retries transient failures, and only of requests marked retryable, so a
/// non-idempotent write is never re-sent after its answer was lost — then the reply: a 401 on the first attempt drops
/// the token and retries once with a fresh one; any other error status goes through the provider's error mapper; a
/// failure with no usable reply becomes a <see cref="ConnectorTransportException"/>; a caller cancellation stays an
/// <see cref="OperationCanceledException"/> (not logged, not counted as an error). Connector exceptions are logged
/// (event 2) with messages and bodies already redacted by the exception types.
/// </summary>
internal sealed class OAuthBearerTransport : IDisposable
{
    private readonly OAuthBearerTransportSettings _settings;
    private readonly ConnectorInstrumentation _instrumentation;

    public OAuthBearerTransport(OAuthBearerTransportSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        _settings = settings;
        _instrumentation = new ConnectorInstrumentation(settings.TelemetryName, settings.ProviderName, settings.MeterFactory);
    }

    public string Provider => _settings.ProviderName;

    /// <summary>Sends one operation and returns what <paramref name="read"/> makes of the success reply's text.</summary>
    /// <param name="method">The HTTP method.</param>
    /// <param name="pathAndQuery">Relative to the API base (see <see cref="OAuthBearerTransportSettings.BuildUri"/>).</param>
    /// <param name="body">The request body (default = none).</param>
    /// <param name="serialize">Writes <paramref name="body"/> as JSON (null = no content); called once, after the span starts.</param>
    /// <param name="retryable">True only when re-sending cannot repeat a side effect (reads, idempotent PUTs).</param>
    /// <param name="operation">The operation name (logs, errors, telemetry).</param>
    /// <param name="read">Turns the success reply's text into the result; runs inside the operation, so its
    /// failure (a reply that is not the expected JSON) is logged and counted like any other.</param>
    /// <param name="cancellationToken">Cancels the call (then <see cref="OperationCanceledException"/>).</param>
    public async Task<TResult> SendAsync<TBody, TResult>(HttpMethod method, string pathAndQuery, TBody body, Func<TBody, string?> serialize,
        bool retryable, string operation, Func<string, TResult> read, CancellationToken cancellationToken)
    {
        var provider = _settings.ProviderName;
        var logger = _settings.Logger;
        var log = _settings.Log;
        var tenant = _settings.Tenant;
        using var activity = _instrumentation.StartOperation(operation, tenant);
        var started = Stopwatch.GetTimestamp();
        var content = serialize(body);
        Exception? failure = null;
        try
        {
            for (var authAttempt = 0; ; authAttempt++)
            {
                var token = await _settings.Tokens.GetTokenAsync(cancellationToken).ConfigureAwait(false);
                using var request = new HttpRequestMessage(method, _settings.BuildUri(pathAndQuery));
                request.MarkRetryable(retryable);
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
                request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
                _settings.AddHeaders?.Invoke(request);
                if (content is not null) request.Content = new StringContent(content, Encoding.UTF8, "application/json");

                HttpResponseMessage response;
                try
                {
                    response = await _settings.HttpClient().SendAsync(request, HttpCompletionOption.ResponseContentRead, cancellationToken).ConfigureAwait(false);
                }
                catch (Exception ex) when (HttpErrorMapper.FromException(provider, operation, ex, cancellationToken) is { } mapped)
                {
                    throw mapped;
                }

                using (response)
                {
                    var status = (int)response.StatusCode;
                    activity?.SetTag("http.response.status_code", status);
                    log.Request(logger, provider, operation, status);
                    string text;
                    try
                    {
                        // The reply is already buffered (ResponseContentRead): reading it cannot fail on the network any
                        // more; mapped anyway, so that nothing unmapped escapes if that ever changes.
                        text = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
                    }
                    catch (Exception ex) when (HttpErrorMapper.FromException(provider, operation, ex, cancellationToken) is { } mapped)
                    {
                        throw mapped;
                    }

                    if (response.StatusCode == HttpStatusCode.Unauthorized && authAttempt == 0)
                    {
                        // Token revoked or expired early: drop it and try once more with a fresh one.
                        log.TokenRejected(logger, provider, operation);
                        _settings.Tokens.Invalidate(token);
                        continue;
                    }

                    if (!response.IsSuccessStatusCode) throw _settings.MapError(provider, operation, response.StatusCode, text, response.Headers);
                    return read(text);
                }
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            failure = ex;
            if (ex is ConnectorException) log.RequestFailed(logger, provider, operation, ex);
            throw;
        }
        finally
        {
            _instrumentation.Record(activity, operation, tenant, started, failure);
        }
    }

    /// <summary>Nothing to release today (see <see cref="ConnectorInstrumentation.Dispose"/>); the token cache belongs to the caller.</summary>
    public void Dispose() => _instrumentation.Dispose();
}
