namespace Cobranca.Connectors.Testing.Pix;

/// <summary>What a <see cref="PixSandboxFault"/> does to a matching request.</summary>
public enum PixSandboxFaultKind
{
    /// <summary>Waits <see cref="PixSandboxFault.Delay"/>, then serves the request normally.</summary>
    Latency,

    /// <summary>Answers <see cref="PixSandboxFault.StatusCode"/> (5xx) with an RFC 7807 body, without processing the request.</summary>
    ServerError,

    /// <summary>Answers 429 with <c>Retry-After</c> (<see cref="PixSandboxFault.RetryAfter"/>), without processing the request.</summary>
    TooManyRequests,

    /// <summary>Answers 200 with a truncated JSON body, without processing the request.</summary>
    MalformedBody,

    /// <summary>Drops the connection without an answer, without processing the request.</summary>
    ConnectionReset,

    /// <summary>
    /// Processes the request normally (its effects are committed), then drops the connection before the answer
    /// reaches the client: the "write succeeded but the reply was lost" case.
    /// </summary>
    ResponseLost,
}
