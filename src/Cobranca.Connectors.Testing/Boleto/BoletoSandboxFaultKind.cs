namespace Cobranca.Connectors.Testing.Boleto;

/// <summary>What a <see cref="BoletoSandboxFault"/> does to a matching request.</summary>
public enum BoletoSandboxFaultKind
{
    /// <summary>Answers 503 without processing the request.</summary>
    ServerError,

    /// <summary>Drops the connection without processing the request.</summary>
    ConnectionReset,

    /// <summary>Processes the request (a create is committed) and then drops the connection: the answer is lost.</summary>
    ResponseLost,

    /// <summary>Processes the request, then waits <see cref="BoletoSandboxFault.Delay"/> before answering (a timeout after commit when the client gives up first).</summary>
    Latency,

    /// <summary>Answers 200 with a body cut short (not JSON), without processing the request.</summary>
    MalformedBody,
}
