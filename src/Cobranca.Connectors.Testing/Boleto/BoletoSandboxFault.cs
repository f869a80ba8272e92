namespace Cobranca.Connectors.Testing.Boleto;

/// <summary>A fault the <see cref="BoletoBankSandbox"/> applies to the next <see cref="Times"/> matching requests.</summary>
public sealed class BoletoSandboxFault
{
    /// <summary>What happens.</summary>
    public required BoletoSandboxFaultKind Kind { get; init; }

    /// <summary>Bank to match (<c>inter</c>, <c>sicoob</c>, <c>bb</c>, <c>efi</c>); null = any.</summary>
    public string? Bank { get; init; }

    /// <summary>HTTP method to match; null = any.</summary>
    public string? Method { get; init; }

    /// <summary>Substring of the path to match; null = any.</summary>
    public string? PathContains { get; init; }

    /// <summary>How many matching requests (default 1).</summary>
    public int Times { get; init; } = 1;

    /// <summary>Delay for <see cref="BoletoSandboxFaultKind.Latency"/>.</summary>
    public TimeSpan Delay { get; init; }
}
