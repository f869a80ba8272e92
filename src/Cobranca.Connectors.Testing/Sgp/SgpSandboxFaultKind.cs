namespace Cobranca.Connectors.Testing.Sgp;

/// <summary>What an injected <see cref="SgpSandboxFault"/> does.</summary>
public enum SgpSandboxFaultKind
{
    /// <summary>Waits before answering normally.</summary>
    Latency,

    /// <summary>Answers an HTTP error status with an HTML page.</summary>
    HttpStatus,

    /// <summary>Answers HTTP 200 with SGP's HTML login page (a wrong base URL or an expired session looks like this).</summary>
    LoginPage,

    /// <summary>Answers HTTP 200 with truncated JSON.</summary>
    MalformedJson,

    /// <summary>Answers HTTP 200 with an empty body.</summary>
    EmptyBody,

    /// <summary>Aborts the connection without an answer.</summary>
    ConnectionReset,

    /// <summary>Applies the request (state changes included), then aborts the connection before answering: a write whose outcome the caller cannot know.</summary>
    ResetAfterApplying,
}
