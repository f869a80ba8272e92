namespace Cobranca.Connectors.Testing.Ixc;

/// <summary>A fault the <see cref="IxcSandbox"/> applies to the next matching request(s) (see <see cref="IxcSandbox.InjectFault"/>).</summary>
public sealed class IxcSandboxFault
{
    private IxcSandboxFault(IxcSandboxFaultKind kind, TimeSpan delay = default, int statusCode = 0, int missingRows = 0)
    {
        Kind = kind;
        Delay = delay;
        StatusCode = statusCode;
        MissingRows = missingRows;
    }

    /// <summary>Rows left out of the page, for <see cref="IxcSandboxFaultKind.ShortPage"/>.</summary>
    public int MissingRows { get; }

    /// <summary>What the fault does.</summary>
    public IxcSandboxFaultKind Kind { get; }

    /// <summary>The delay, for <see cref="IxcSandboxFaultKind.Latency"/>.</summary>
    public TimeSpan Delay { get; }

    /// <summary>The status, for <see cref="IxcSandboxFaultKind.HttpStatus"/>.</summary>
    public int StatusCode { get; }

    /// <summary>Delays the answer.</summary>
    /// <param name="delay">How long.</param>
    public static IxcSandboxFault Latency(TimeSpan delay) => new(IxcSandboxFaultKind.Latency, delay);

    /// <summary>Answers an HTTP error without processing the request.</summary>
    /// <param name="statusCode">400..599, e.g. 504.</param>
    public static IxcSandboxFault HttpStatus(int statusCode)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(statusCode, 400);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(statusCode, 599);
        return new(IxcSandboxFaultKind.HttpStatus, statusCode: statusCode);
    }

    /// <summary>Answers HTTP 200 with IXC's generic HTML error fragment.</summary>
    public static IxcSandboxFault HtmlError() => new(IxcSandboxFaultKind.HtmlError);

    /// <summary>Answers HTTP 200 with truncated JSON.</summary>
    public static IxcSandboxFault MalformedJson() => new(IxcSandboxFaultKind.MalformedJson);

    /// <summary>Aborts the connection.</summary>
    public static IxcSandboxFault ConnectionReset() => new(IxcSandboxFaultKind.ConnectionReset);

    /// <summary>Processes the request, sends half of the reply (announcing all of it) and closes the connection.</summary>
    public static IxcSandboxFault ResetMidBody() => new(IxcSandboxFaultKind.ResetMidBody);

    /// <summary>Processes the request and answers only the first half of the body, as a well-formed HTTP reply.</summary>
    public static IxcSandboxFault TruncatedBody() => new(IxcSandboxFaultKind.TruncatedBody);

    /// <summary>Answers a listing page without its last <paramref name="missingRows"/> rows, <c>total</c> unchanged.</summary>
    /// <param name="missingRows">Rows to leave out (at least 1; a page with fewer rows comes back empty).</param>
    public static IxcSandboxFault ShortPage(int missingRows = 1)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(missingRows, 1);
        return new(IxcSandboxFaultKind.ShortPage, missingRows: missingRows);
    }

    /// <inheritdoc />
    public override string ToString() => Kind switch
    {
        IxcSandboxFaultKind.Latency => $"latency {Delay.TotalMilliseconds} ms",
        IxcSandboxFaultKind.HttpStatus => $"HTTP {StatusCode}",
        IxcSandboxFaultKind.ShortPage => $"short page (-{MissingRows} rows)",
        _ => Kind.ToString(),
    };
}
