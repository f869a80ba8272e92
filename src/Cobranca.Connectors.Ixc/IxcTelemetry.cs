namespace Cobranca.Connectors.Ixc;

/// <summary>
/// Names of the IXC connector's telemetry sources (subscribe to them with OpenTelemetry). Spans are logical operations
/// (<c>ixc.cliente.listar</c>, <c>ixc.get_pix</c> ...); instruments are <c>cobranca.operation.duration</c> and
/// <c>cobranca.operation.errors</c>, tagged with provider, operation, tenant and <c>error.type</c>, never personal data.
/// </summary>
public static class IxcTelemetry
{
    /// <summary>The <see cref="System.Diagnostics.ActivitySource"/> name: one activity per logical IXC call.</summary>
    public const string ActivitySourceName = "Cobranca.Connectors.Ixc";

    /// <summary>The <see cref="System.Diagnostics.Metrics.Meter"/> name.</summary>
    public const string MeterName = "Cobranca.Connectors.Ixc";
}
