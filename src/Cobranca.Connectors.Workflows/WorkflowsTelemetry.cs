namespace Cobranca.Connectors.Workflows;

/// <summary>
/// Names of this package's telemetry sources, to subscribe with OpenTelemetry
/// (<c>AddSource(WorkflowsTelemetry.ActivitySourceName)</c>, <c>AddMeter(WorkflowsTelemetry.MeterName)</c>).
/// Instruments: <c>cobranca.workflows.unblock</c> (counter, tag <c>status</c>), <c>cobranca.workflows.restore.latency</c>
/// (histogram, seconds from payment seen to service restored) and <c>cobranca.workflows.dunning.actions</c>
/// (counter, tags <c>kind</c> and <c>status</c>). Tags never carry personal data.
/// </summary>
public static class WorkflowsTelemetry
{
    /// <summary>The <see cref="System.Diagnostics.ActivitySource"/> name.</summary>
    public const string ActivitySourceName = "Cobranca.Connectors.Workflows";

    /// <summary>The <see cref="System.Diagnostics.Metrics.Meter"/> name.</summary>
    public const string MeterName = "Cobranca.Connectors.Workflows";
}
