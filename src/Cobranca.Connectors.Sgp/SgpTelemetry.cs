namespace Cobranca.Connectors.Sgp;

/// <summary>Names of the telemetry this package emits (subscribe with OpenTelemetry's <c>AddSource</c> / <c>AddMeter</c>).</summary>
public static class SgpTelemetry
{
    /// <summary>The <see cref="System.Diagnostics.ActivitySource"/> name: one span per logical SGP call (<c>sgp.{operation}</c>).</summary>
    public const string ActivitySourceName = "Cobranca.Connectors.Sgp";

    /// <summary>The <see cref="System.Diagnostics.Metrics.Meter"/> name (<c>cobranca.operation.duration</c>, <c>cobranca.operation.errors</c>).</summary>
    public const string MeterName = "Cobranca.Connectors.Sgp";
}
