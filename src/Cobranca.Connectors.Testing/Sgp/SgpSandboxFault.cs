namespace Cobranca.Connectors.Testing.Sgp;

/// <summary>A fault the <see cref="SgpSandbox"/> applies to upcoming requests (see <see cref="SgpSandbox.InjectFault"/>).</summary>
public sealed class SgpSandboxFault
{
    private SgpSandboxFault(SgpSandboxFaultKind kind, TimeSpan delay = default, int statusCode = 0)
    {
        Kind = kind;
        Delay = delay;
        StatusCode = statusCode;
    }

    /// <summary>What the fault does.</summary>
    public SgpSandboxFaultKind Kind { get; }

    /// <summary>The delay of a <see cref="SgpSandboxFaultKind.Latency"/> fault.</summary>
    public TimeSpan Delay { get; }

    /// <summary>The status of a <see cref="SgpSandboxFaultKind.HttpStatus"/> fault.</summary>
    public int StatusCode { get; }

    /// <summary>Waits <paramref name="delay"/> (real time), then answers normally.</summary>
    /// <param name="delay">The delay.</param>
    public static SgpSandboxFault Latency(TimeSpan delay) => new(SgpSandboxFaultKind.Latency, delay);

    /// <summary>Answers <paramref name="statusCode"/> (400-599) with an HTML page.</summary>
    /// <param name="statusCode">The status.</param>
    public static SgpSandboxFault HttpStatus(int statusCode)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(statusCode, 400);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(statusCode, 599);
        return new(SgpSandboxFaultKind.HttpStatus, statusCode: statusCode);
    }

    /// <summary>HTTP 200 with the HTML login page.</summary>
    public static SgpSandboxFault LoginPage() => new(SgpSandboxFaultKind.LoginPage);

    /// <summary>HTTP 200 with truncated JSON.</summary>
    public static SgpSandboxFault MalformedJson() => new(SgpSandboxFaultKind.MalformedJson);

    /// <summary>HTTP 200 with an empty body.</summary>
    public static SgpSandboxFault EmptyBody() => new(SgpSandboxFaultKind.EmptyBody);

    /// <summary>The connection is aborted before any answer.</summary>
    public static SgpSandboxFault ConnectionReset() => new(SgpSandboxFaultKind.ConnectionReset);

    /// <summary>The request is applied, then the connection is aborted before the answer.</summary>
    public static SgpSandboxFault ResetAfterApplying() => new(SgpSandboxFaultKind.ResetAfterApplying);

    /// <inheritdoc />
    public override string ToString() => Kind switch
    {
        SgpSandboxFaultKind.Latency => $"latency {Delay.TotalMilliseconds} ms",
        SgpSandboxFaultKind.HttpStatus => $"HTTP {StatusCode}",
        _ => Kind.ToString(),
    };
}
