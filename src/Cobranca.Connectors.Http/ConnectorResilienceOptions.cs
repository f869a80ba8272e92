using System.ComponentModel.DataAnnotations;

namespace Cobranca.Connectors.Http;

/// <summary>
/// Resilience settings of one provider client (one tenant). Retries apply only to operations the client marks as
/// safe to repeat (reads, and writes made idempotent by a client-chosen id); writes such as "issue a Pix charge" or
/// "block contract" are never re-sent automatically. HTTP 429 is retried for every operation, after <c>Retry-After</c>,
/// because the server refused the request before doing anything.
/// </summary>
public sealed class ConnectorResilienceOptions
{
    /// <summary>Retries after the first attempt for retryable operations. Default 3; 0 disables retries.</summary>
    [Range(0, 10)]
    public int MaxRetryAttempts { get; set; } = 3;

    /// <summary>Base delay of the jittered exponential backoff. Default 500 ms.</summary>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>The longest <c>Retry-After</c> honoured; a server asking for more fails fast with <see cref="Abstractions.ConnectorRateLimitedException"/>. Default 60 s.</summary>
    public TimeSpan MaxRetryAfter { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>Timeout of one attempt. Default 20 s (on-premise ERPs can be slow).</summary>
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(20);

    /// <summary>Timeout of the whole call including retries. Default 60 s.</summary>
    public TimeSpan TotalTimeout { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>Requests in flight at once to this tenant's host; more wait in a queue. Default 8 (small on-premise servers).</summary>
    [Range(1, 1024)]
    public int MaxConcurrentRequests { get; set; } = 8;

    /// <summary>Requests allowed to wait for a slot. Default 1000.</summary>
    [Range(0, 100_000)]
    public int MaxQueuedRequests { get; set; } = 1000;

    /// <summary>Failure ratio of logical calls (the outcome after retries: the breaker sits outside the retry) over <see cref="CircuitBreakerSamplingDuration"/> that opens the circuit. Default 0.5.</summary>
    [Range(0.01, 1.0)]
    public double CircuitBreakerFailureRatio { get; set; } = 0.5;

    /// <summary>Minimum calls in the sampling window before the circuit may open. Default 20.</summary>
    [Range(2, int.MaxValue)]
    public int CircuitBreakerMinimumThroughput { get; set; } = 20;

    /// <summary>Sampling window of the circuit breaker. Default 30 s.</summary>
    public TimeSpan CircuitBreakerSamplingDuration { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long the circuit stays open. Default 15 s.</summary>
    public TimeSpan CircuitBreakerBreakDuration { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>A copy (clients keep their own, so later changes to the options object do not reach a running client).</summary>
    internal ConnectorResilienceOptions Copy() => (ConnectorResilienceOptions)MemberwiseClone();

    /// <summary>Copies every value into <paramref name="target"/> (for options that expose <c>Resilience</c> get-only).</summary>
    internal void CopyTo(ConnectorResilienceOptions target)
    {
        target.MaxRetryAttempts = MaxRetryAttempts;
        target.RetryBaseDelay = RetryBaseDelay;
        target.MaxRetryAfter = MaxRetryAfter;
        target.AttemptTimeout = AttemptTimeout;
        target.TotalTimeout = TotalTimeout;
        target.MaxConcurrentRequests = MaxConcurrentRequests;
        target.MaxQueuedRequests = MaxQueuedRequests;
        target.CircuitBreakerFailureRatio = CircuitBreakerFailureRatio;
        target.CircuitBreakerMinimumThroughput = CircuitBreakerMinimumThroughput;
        target.CircuitBreakerSamplingDuration = CircuitBreakerSamplingDuration;
        target.CircuitBreakerBreakDuration = CircuitBreakerBreakDuration;
    }

    /// <summary>Checks the values are consistent; returns the problems found (empty when valid).</summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (MaxRetryAttempts is < 0 or > 10) errors.Add("MaxRetryAttempts must be between 0 and 10.");
        if (RetryBaseDelay < TimeSpan.Zero) errors.Add("RetryBaseDelay must not be negative.");
        if (AttemptTimeout <= TimeSpan.Zero) errors.Add("AttemptTimeout must be positive.");
        if (TotalTimeout < AttemptTimeout) errors.Add("TotalTimeout must be at least AttemptTimeout.");
        if (MaxConcurrentRequests < 1) errors.Add("MaxConcurrentRequests must be at least 1.");
        if (MaxQueuedRequests < 0) errors.Add("MaxQueuedRequests must not be negative.");
        if (CircuitBreakerFailureRatio is <= 0 or > 1) errors.Add("CircuitBreakerFailureRatio must be in (0, 1].");
        if (CircuitBreakerMinimumThroughput < 2) errors.Add("CircuitBreakerMinimumThroughput must be at least 2.");
        if (CircuitBreakerSamplingDuration < TimeSpan.FromMilliseconds(500)) errors.Add("CircuitBreakerSamplingDuration must be at least 500 ms.");
        if (CircuitBreakerBreakDuration < TimeSpan.FromMilliseconds(500)) errors.Add("CircuitBreakerBreakDuration must be at least 500 ms.");
        return errors;
    }
}
