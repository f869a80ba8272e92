using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Cobranca.Connectors.Workflows;

/// <summary>The package's ActivitySource and Meter (process-wide, as OpenTelemetry expects) and its instruments.</summary>
internal static class Instrumentation
{
    private static readonly string? Version = typeof(Instrumentation).Assembly.GetName().Version?.ToString();

    public static ActivitySource ActivitySource { get; } = new(WorkflowsTelemetry.ActivitySourceName, Version);

    public static Meter Meter { get; } = new(WorkflowsTelemetry.MeterName, Version);

    public static Counter<long> Unblocks { get; } =
        Meter.CreateCounter<long>("cobranca.workflows.unblock", "{payment}", "Payments processed by PaymentToUnblock, by resulting status.");

    public static Histogram<double> RestoreLatency { get; } =
        Meter.CreateHistogram<double>("cobranca.workflows.restore.latency", "s", "Time from a payment being seen to service restored.");

    public static Counter<long> DunningActions { get; } =
        Meter.CreateCounter<long>("cobranca.workflows.dunning.actions", "{action}", "Dunning actions by kind and result.");
}
