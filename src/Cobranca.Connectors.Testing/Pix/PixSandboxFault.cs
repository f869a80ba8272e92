namespace Cobranca.Connectors.Testing.Pix;

/// <summary>
/// A fault the <see cref="PixPspSandbox"/> applies to the next <see cref="Times"/> requests matching
/// <see cref="Method"/> and <see cref="PathContains"/>.
/// </summary>
public sealed class PixSandboxFault
{
    /// <summary>What happens.</summary>
    public required PixSandboxFaultKind Kind { get; init; }

    /// <summary>HTTP method to match (<c>"GET"</c>); null = any.</summary>
    public string? Method { get; init; }

    /// <summary>Substring of the path to match (<c>"/cob/"</c>); null = any (the token endpoint included).</summary>
    public string? PathContains { get; init; }

    /// <summary>How many matching requests it applies to (default 1).</summary>
    public int Times { get; init; } = 1;

    /// <summary>Delay for <see cref="PixSandboxFaultKind.Latency"/>.</summary>
    public TimeSpan Delay { get; init; }

    /// <summary>Status for <see cref="PixSandboxFaultKind.ServerError"/> (default 503).</summary>
    public int StatusCode { get; init; } = 503;

    /// <summary><c>Retry-After</c> for <see cref="PixSandboxFaultKind.TooManyRequests"/> (whole seconds; default 1).</summary>
    public TimeSpan RetryAfter { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>A 5xx answer.</summary>
    /// <param name="statusCode">500, 502, 503 or 504.</param>
    /// <param name="method">Method to match, or null.</param>
    /// <param name="pathContains">Path substring to match, or null.</param>
    /// <param name="times">How many requests.</param>
    public static PixSandboxFault ServerError(int statusCode = 503, string? method = null, string? pathContains = null, int times = 1) =>
        new() { Kind = PixSandboxFaultKind.ServerError, StatusCode = statusCode, Method = method, PathContains = pathContains, Times = times };

    /// <summary>A 429 with <c>Retry-After</c>.</summary>
    /// <param name="retryAfter">The wait to announce.</param>
    /// <param name="method">Method to match, or null.</param>
    /// <param name="pathContains">Path substring to match, or null.</param>
    /// <param name="times">How many requests.</param>
    public static PixSandboxFault TooManyRequests(TimeSpan retryAfter, string? method = null, string? pathContains = null, int times = 1) =>
        new() { Kind = PixSandboxFaultKind.TooManyRequests, RetryAfter = retryAfter, Method = method, PathContains = pathContains, Times = times };

    /// <summary>Extra latency before a normal answer.</summary>
    /// <param name="delay">The delay.</param>
    /// <param name="method">Method to match, or null.</param>
    /// <param name="pathContains">Path substring to match, or null.</param>
    /// <param name="times">How many requests.</param>
    public static PixSandboxFault Latency(TimeSpan delay, string? method = null, string? pathContains = null, int times = 1) =>
        new() { Kind = PixSandboxFaultKind.Latency, Delay = delay, Method = method, PathContains = pathContains, Times = times };

    /// <summary>A 200 whose JSON body is cut short.</summary>
    /// <param name="method">Method to match, or null.</param>
    /// <param name="pathContains">Path substring to match, or null.</param>
    /// <param name="times">How many requests.</param>
    public static PixSandboxFault MalformedBody(string? method = null, string? pathContains = null, int times = 1) =>
        new() { Kind = PixSandboxFaultKind.MalformedBody, Method = method, PathContains = pathContains, Times = times };

    /// <summary>A dropped connection.</summary>
    /// <param name="method">Method to match, or null.</param>
    /// <param name="pathContains">Path substring to match, or null.</param>
    /// <param name="times">How many requests.</param>
    public static PixSandboxFault ConnectionReset(string? method = null, string? pathContains = null, int times = 1) =>
        new() { Kind = PixSandboxFaultKind.ConnectionReset, Method = method, PathContains = pathContains, Times = times };

    /// <summary>The request is processed (committed), then the connection is dropped before the answer is sent.</summary>
    /// <param name="method">Method to match, or null.</param>
    /// <param name="pathContains">Path substring to match, or null.</param>
    /// <param name="times">How many requests.</param>
    public static PixSandboxFault ResponseLost(string? method = null, string? pathContains = null, int times = 1) =>
        new() { Kind = PixSandboxFaultKind.ResponseLost, Method = method, PathContains = pathContains, Times = times };
}
