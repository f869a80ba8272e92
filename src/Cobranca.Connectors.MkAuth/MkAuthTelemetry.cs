namespace Cobranca.Connectors.MkAuth;

/// <summary>
/// Names of the MK-Auth connector's telemetry sources. Spans are logical operations (<c>mkauth.cliente/show</c>,
/// <c>mkauth.token</c> ...); instruments are <c>cobranca.operation.duration</c> and <c>cobranca.operation.errors</c>, tagged
/// with provider, operation, tenant and <c>error.type</c>, never personal data (no CPF, login or token in tags).
/// </summary>
public static class MkAuthTelemetry
{
    /// <summary>The <see cref="System.Diagnostics.ActivitySource"/> name.</summary>
    public const string ActivitySourceName = "Cobranca.Connectors.MkAuth";

    /// <summary>The <see cref="System.Diagnostics.Metrics.Meter"/> name.</summary>
    public const string MeterName = "Cobranca.Connectors.MkAuth";
}
