using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Cobranca.Connectors.Abstractions;
using Polly.CircuitBreaker;
using Polly.RateLimiting;
using Polly.Timeout;

namespace Cobranca.Connectors.Http;

/// <summary>Maps HTTP outcomes to the <see cref="ConnectorException"/> hierarchy (bodies redacted and truncated by the exceptions).</summary>
internal static class HttpErrorMapper
{
    /// <summary>Maps an error status to the matching exception type.</summary>
    public static ConnectorApiException FromStatus(string provider, string operation, HttpStatusCode status, string? body,
        HttpResponseHeaders? headers = null, string? providerErrorCode = null, string? detail = null,
        IReadOnlyList<FieldViolation>? violations = null)
    {
        var code = (int)status;
        var message = $"{provider} {operation} failed: HTTP {code} {ReasonOf(status)}" + (detail is null ? "." : $": {detail}");
        return status switch
        {
            HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden =>
                new ConnectorAuthenticationException(provider, operation, message + " Check the credentials and that this machine is allowed.", code, providerErrorCode, body),
            HttpStatusCode.NotFound or HttpStatusCode.Gone =>
                new ConnectorNotFoundException(provider, operation, message, code, providerErrorCode, body),
            HttpStatusCode.TooManyRequests =>
                new ConnectorRateLimitedException(provider, operation, message, RetryAfterOf(headers), code, body),
            HttpStatusCode.BadRequest or HttpStatusCode.UnprocessableEntity or HttpStatusCode.Conflict =>
                new ConnectorValidationException(provider, operation, message, violations, code, providerErrorCode, body),
            _ => new ConnectorApiException(provider, operation, message, code, providerErrorCode, body),
        };
    }

    /// <summary>
    /// Maps a failure with no usable reply. Returns null for a caller cancellation (rethrow it untouched).
    /// </summary>
    public static ConnectorException? FromException(string provider, string operation, Exception exception, CancellationToken callerToken)
    {
        ArgumentNullException.ThrowIfNull(exception);
        if (exception is OperationCanceledException && callerToken.IsCancellationRequested) return null;
        return exception switch
        {
            ConnectorException => null,
            TimeoutRejectedException or TaskCanceledException or OperationCanceledException =>
                new ConnectorTransportException(provider, operation, $"{provider} {operation} timed out.", exception),
            BrokenCircuitException =>
                new ConnectorTransportException(provider, operation, $"{provider} {operation} not attempted: the circuit is open after repeated failures.", exception) { RequestNotSent = true },
            RateLimiterRejectedException =>
                new ConnectorTransportException(provider, operation, $"{provider} {operation} not attempted: too many requests queued for this host.", exception) { RequestNotSent = true },
            HttpRequestException http =>
                new ConnectorTransportException(provider, operation, Describe(provider, operation, http), exception),
            JsonException =>
                new ConnectorTransportException(provider, operation, $"{provider} {operation} returned a reply that is not the expected JSON.", exception),
            _ => null,
        };
    }

    /// <summary>
    /// Says what broke. "Failed to reach the server" only when nothing came back; a reply cut off or malformed means the
    /// server did answer.
    /// </summary>
    internal static string Describe(string provider, string operation, HttpRequestException exception) => exception.HttpRequestError switch
    {
        HttpRequestError.NameResolutionError or HttpRequestError.ConnectionError or HttpRequestError.SecureConnectionError
            or HttpRequestError.ProxyTunnelError =>
            $"{provider} {operation} failed to reach the server: {exception.HttpRequestError}.",
        HttpRequestError.ResponseEnded =>
            $"{provider} {operation}: the server closed the connection before its reply was complete.",
        HttpRequestError.InvalidResponse =>
            $"{provider} {operation}: the server's reply was not valid HTTP.",
        HttpRequestError.ConfigurationLimitExceeded =>
            $"{provider} {operation}: the server's reply exceeded a configured limit.",
        _ when exception.StatusCode is { } status =>
            $"{provider} {operation}: the server answered HTTP {(int)status}, then the exchange failed ({Cause(exception)}).",
        _ => $"{provider} {operation}: the connection failed during the exchange ({Cause(exception)}); the server may or may not have received the request.",
    };

    private static string Cause(Exception exception)
    {
        var inner = exception.InnerException ?? exception;
        while (inner.InnerException is { } deeper && inner is not System.Net.Sockets.SocketException) inner = deeper;
        return inner is System.Net.Sockets.SocketException socket ? $"socket error {socket.SocketErrorCode}" : inner.GetType().Name;
    }

    private static TimeSpan? RetryAfterOf(HttpResponseHeaders? headers) =>
        headers?.RetryAfter switch
        {
            { Delta: { } d } => d,
            { Date: { } date } => date - DateTimeOffset.UtcNow,
            _ => null,
        };

    private static string ReasonOf(HttpStatusCode status) => status.ToString();
}
