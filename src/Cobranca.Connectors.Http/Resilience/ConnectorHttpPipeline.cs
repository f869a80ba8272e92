using System.Net;
using System.Threading.RateLimiting;
using Microsoft.Extensions.Http.Resilience;
using Polly;
using Polly.CircuitBreaker;
using Polly.RateLimiting;
using Polly.Retry;
using Polly.Timeout;

namespace Cobranca.Connectors.Http;

/// <summary>
/// Builds the resilience pipeline every HTTP provider client uses: concurrency limiter -> total timeout -> circuit
/// breaker -> retry (only requests marked retryable, plus 429 for any request) -> attempt timeout.
/// </summary>
/// <remarks>
/// The circuit breaker sits <b>outside</b> the retry, so it counts logical calls (the outcome after the retries), not
/// attempts: transient failures the retries absorb do not open it (with the breaker inside the retry, 50 % random 504s
/// opened the circuit and failed most calls that the retries would have saved).
/// </remarks>
internal static class ConnectorHttpPipeline
{
    /// <summary>Adds the strategies to <paramref name="builder"/>.</summary>
    public static ResiliencePipelineBuilder<HttpResponseMessage> Configure(
        ResiliencePipelineBuilder<HttpResponseMessage> builder, ConnectorResilienceOptions options, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(options);
        var problems = options.Validate();
        if (problems.Count > 0) throw new ArgumentException("Invalid resilience options: " + string.Join(" ", problems), nameof(options));
        if (timeProvider is not null) builder.TimeProvider = timeProvider;

        builder.AddConcurrencyLimiter(new ConcurrencyLimiterOptions
        {
            PermitLimit = options.MaxConcurrentRequests,
            QueueLimit = options.MaxQueuedRequests,
            QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
        });
        builder.AddTimeout(options.TotalTimeout);
        builder.AddCircuitBreaker(new HttpCircuitBreakerStrategyOptions
        {
            FailureRatio = options.CircuitBreakerFailureRatio,
            MinimumThroughput = options.CircuitBreakerMinimumThroughput,
            SamplingDuration = options.CircuitBreakerSamplingDuration,
            BreakDuration = options.CircuitBreakerBreakDuration,
        });
        if (options.MaxRetryAttempts > 0)
        {
            builder.AddRetry(new HttpRetryStrategyOptions
            {
                MaxRetryAttempts = options.MaxRetryAttempts,
                Delay = options.RetryBaseDelay,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                ShouldRetryAfterHeader = false, // handled below, capped by MaxRetryAfter
                ShouldHandle = args => ValueTask.FromResult(ShouldRetry(args.Outcome, args.Context, options.MaxRetryAfter)),
                DelayGenerator = args => ValueTask.FromResult(RetryAfter(args.Outcome, options.MaxRetryAfter)),
            });
        }
        builder.AddTimeout(options.AttemptTimeout);
        return builder;
    }

    /// <summary>Builds a standalone pipeline (for clients constructed without DI).</summary>
    public static ResiliencePipeline<HttpResponseMessage> Build(ConnectorResilienceOptions options, TimeProvider? timeProvider = null) =>
        Configure(new ResiliencePipelineBuilder<HttpResponseMessage>(), options, timeProvider).Build();

    internal static bool ShouldRetry(Outcome<HttpResponseMessage> outcome, ResilienceContext context, TimeSpan maxRetryAfter)
    {
        if (context.CancellationToken.IsCancellationRequested) return false;
        // 429: refused before any work was done, so safe to repeat for any operation; but a server asking for a
        // longer pause than we accept fails fast (ConnectorRateLimitedException carries its Retry-After).
        if (outcome.Result is { StatusCode: HttpStatusCode.TooManyRequests } rateLimited)
            return RetryAfterOf(rateLimited) is not { } wait || wait <= maxRetryAfter;
        if (!context.GetRequestMessage().IsRetryable()) return false;
        return outcome switch
        {
            { Exception: HttpRequestException or TimeoutRejectedException } => true,
            { Exception: OperationCanceledException } => false,
            { Result: { } response } => IsTransient(response.StatusCode),
            _ => false,
        };
    }

    internal static bool IsTransient(HttpStatusCode status) =>
        status is HttpStatusCode.RequestTimeout or HttpStatusCode.InternalServerError or HttpStatusCode.BadGateway
            or HttpStatusCode.ServiceUnavailable or HttpStatusCode.GatewayTimeout;

    /// <summary>Returns the server's Retry-After (capped) for 429/503, or null to use the exponential backoff.</summary>
    internal static TimeSpan? RetryAfter(Outcome<HttpResponseMessage> outcome, TimeSpan max)
    {
        if (outcome.Result is not { } response) return null;
        if (response.StatusCode is not (HttpStatusCode.TooManyRequests or HttpStatusCode.ServiceUnavailable)) return null;
        var wait = RetryAfterOf(response);
        if (wait is null) return null;
        return wait.Value > max ? max : wait.Value < TimeSpan.Zero ? TimeSpan.Zero : wait.Value;
    }

    /// <summary>Reads Retry-After as delta seconds or an HTTP date.</summary>
    internal static TimeSpan? RetryAfterOf(HttpResponseMessage response)
    {
        var header = response.Headers.RetryAfter;
        if (header is null) return null;
        if (header.Delta is { } delta) return delta;
        if (header.Date is { } date) return date - DateTimeOffset.UtcNow;
        return null;
    }
}
