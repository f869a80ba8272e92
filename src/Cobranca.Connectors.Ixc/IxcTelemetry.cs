namespace Cobranca.Connectors.Ixc;

/// <summary>Names of the IXC connector's telemetry sources (subscribe to them with OpenTelemetry).</summary>
public static class IxcTelemetry
{
    /// <summary>The <see cref="System.Diagnostics.ActivitySource"/> name: one activity per logical IXC call.</summary>
    public const string ActivitySourceName = "Cobranca.Connectors.Ixc";

    /// <summary>The <see cref="System.Diagnostics.Metrics.Meter"/> name.</summary>
    public const string MeterName = "Cobranca.Connectors.Ixc";

    /// <summary>Counter of logical IXC calls, tagged <c>operation</c> and <c>outcome</c> (<c>ok</c> or the exception type).</summary>
    public const string CallsCounterName = "cobranca.ixc.calls";

    /// <summary>Histogram of logical IXC call durations in seconds, tagged <c>operation</c>.</summary>
    public const string DurationHistogramName = "cobranca.ixc.call.duration";
}
