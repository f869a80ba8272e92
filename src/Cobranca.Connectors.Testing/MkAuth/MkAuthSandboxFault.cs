namespace Cobranca.Connectors.Testing.MkAuth;

/// <summary>A fault the <see cref="MkAuthSandbox"/> applies to the next matching request(s) (see <see cref="MkAuthSandbox.InjectFault"/>).</summary>
public sealed class MkAuthSandboxFault
{
    private MkAuthSandboxFault(MkAuthSandboxFaultKind kind, TimeSpan delay = default, int statusCode = 0)
    {
        Kind = kind;
        Delay = delay;
        StatusCode = statusCode;
    }

    /// <summary>What the fault does.</summary>
    public MkAuthSandboxFaultKind Kind { get; }

    /// <summary>The delay, for <see cref="MkAuthSandboxFaultKind.Latency"/>.</summary>
    public TimeSpan Delay { get; }

    /// <summary>The status, for <see cref="MkAuthSandboxFaultKind.HttpStatus"/>.</summary>
    public int StatusCode { get; }

    /// <summary>Delays the answer.</summary>
    /// <param name="delay">How long.</param>
    public static MkAuthSandboxFault Latency(TimeSpan delay) => new(MkAuthSandboxFaultKind.Latency, delay);

    /// <summary>Answers an HTTP error without processing the request.</summary>
    /// <param name="statusCode">400..599.</param>
    public static MkAuthSandboxFault HttpStatus(int statusCode)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(statusCode, 400);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(statusCode, 599);
        return new(MkAuthSandboxFaultKind.HttpStatus, statusCode: statusCode);
    }

    /// <summary>Answers HTTP 200 with a PHP warning page.</summary>
    public static MkAuthSandboxFault HtmlError() => new(MkAuthSandboxFaultKind.HtmlError);

    /// <summary>Answers HTTP 200 with truncated JSON.</summary>
    public static MkAuthSandboxFault MalformedJson() => new(MkAuthSandboxFaultKind.MalformedJson);

    /// <summary>Answers normally plus one junk character after the JSON.</summary>
    public static MkAuthSandboxFault TrailingJunk() => new(MkAuthSandboxFaultKind.TrailingJunk);

    /// <summary>Aborts the connection.</summary>
    public static MkAuthSandboxFault ConnectionReset() => new(MkAuthSandboxFaultKind.ConnectionReset);

    /// <inheritdoc />
    public override string ToString() => Kind switch
    {
        MkAuthSandboxFaultKind.Latency => $"latency {Delay.TotalMilliseconds} ms",
        MkAuthSandboxFaultKind.HttpStatus => $"HTTP {StatusCode}",
        _ => Kind.ToString(),
    };
}
