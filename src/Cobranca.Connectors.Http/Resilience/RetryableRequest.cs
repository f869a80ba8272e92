namespace Cobranca.Connectors.Http;

/// <summary>
/// The per-operation retry flag. A provider client marks a request retryable when repeating it cannot duplicate a side
/// effect (reads — including IXC's POST listings — and PUTs with a client-chosen id). Refit interfaces pass it with a
/// <c>[Property(RetryableRequest.PropertyKey)] bool retryable</c> parameter; hand-written calls use <see cref="MarkRetryable"/>.
/// </summary>
internal static class RetryableRequest
{
    /// <summary>The request option key.</summary>
    public const string PropertyKey = "cobranca.retryable";

    /// <summary>Marks the request as safe to repeat.</summary>
    public static HttpRequestMessage MarkRetryable(this HttpRequestMessage request, bool retryable = true)
    {
        ((IDictionary<string, object?>)request.Options)[PropertyKey] = retryable;
        return request;
    }

    /// <summary>True when the request was marked safe to repeat.</summary>
    public static bool IsRetryable(this HttpRequestMessage? request) =>
        request is not null && ((IDictionary<string, object?>)request.Options).TryGetValue(PropertyKey, out var value) && value is true;
}
