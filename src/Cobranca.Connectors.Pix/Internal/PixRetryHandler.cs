using System.Net;
using Microsoft.Extensions.Logging;

namespace Cobranca.Connectors.Pix.Internal;

/// <summary>
/// Per-attempt timeout for every request; jittered exponential retry only for requests marked retryable
/// (<see cref="PixRequestOptions.Retryable"/>), on transport errors, attempt timeouts, 408, 429, 500, 502, 503 and 504.
/// <c>Retry-After</c> is honoured (seconds or HTTP date) up to <see cref="PixClientOptions.MaxRetryAfter"/>.
/// Caller cancellation is never retried.
/// </summary>
internal sealed class PixRetryHandler(PixClientOptions options, ILogger logger) : DelegatingHandler
{
    private readonly TimeProvider _time = options.TimeProvider ?? TimeProvider.System;

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var retryable = request.IsRetryable();
        var maxRetries = retryable ? options.MaxRetries : 0;
        for (var attempt = 0; ; attempt++)
        {
            HttpResponseMessage response;
            using (var attemptCts = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
            {
                attemptCts.CancelAfter(options.AttemptTimeout);
                try
                {
                    response = await base.SendAsync(request, attemptCts.Token).ConfigureAwait(false);
                }
                catch (OperationCanceledException ex) when (!cancellationToken.IsCancellationRequested)
                {
                    if (attempt >= maxRetries)
                        throw new TimeoutException($"No reply within {options.AttemptTimeout.TotalSeconds:0.#} s.", ex);
                    await DelayAsync(request, attempt, "timeout", Backoff(attempt), cancellationToken).ConfigureAwait(false);
                    continue;
                }
                catch (HttpRequestException) when (attempt < maxRetries && !cancellationToken.IsCancellationRequested)
                {
                    await DelayAsync(request, attempt, "transport", Backoff(attempt), cancellationToken).ConfigureAwait(false);
                    continue;
                }
            }

            if (attempt >= maxRetries || !IsTransient(response.StatusCode)) return response;
            var delay = RetryAfter(response) ?? Backoff(attempt);
            if (delay > options.MaxRetryAfter) return response;
            var reason = ((int)response.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture);
            response.Dispose();
            await DelayAsync(request, attempt, reason, delay, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task DelayAsync(HttpRequestMessage request, int attempt, string reason, TimeSpan delay, CancellationToken cancellationToken)
    {
        request.Options.TryGetValue(PixRequestOptions.Operation, out var operation);
        PixLog.Retry(logger, operation ?? request.Method.Method, attempt + 1, reason, (long)delay.TotalMilliseconds);
        if (delay > TimeSpan.Zero) await Task.Delay(delay, _time, cancellationToken).ConfigureAwait(false);
    }

    private static bool IsTransient(HttpStatusCode status) => status is HttpStatusCode.RequestTimeout
        or HttpStatusCode.TooManyRequests or HttpStatusCode.InternalServerError or HttpStatusCode.BadGateway
        or HttpStatusCode.ServiceUnavailable or HttpStatusCode.GatewayTimeout;

    private TimeSpan Backoff(int attempt)
    {
        // Exponential with full jitter between 50 % and 100 % of the step.
        var step = options.RetryBaseDelay.TotalMilliseconds * Math.Pow(2, attempt);
        return TimeSpan.FromMilliseconds(step * (0.5 + (Random.Shared.NextDouble() / 2)));
    }

    internal TimeSpan? RetryAfter(HttpResponseMessage response)
    {
        var header = response.Headers.RetryAfter;
        if (header?.Delta is { } delta) return delta < TimeSpan.Zero ? TimeSpan.Zero : delta;
        if (header?.Date is { } date)
        {
            var wait = date - _time.GetUtcNow();
            return wait < TimeSpan.Zero ? TimeSpan.Zero : wait;
        }

        return null;
    }
}
