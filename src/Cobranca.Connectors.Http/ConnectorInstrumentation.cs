using System.Diagnostics;
using System.Diagnostics.Metrics;
using Cobranca.Connectors.Abstractions;

namespace Cobranca.Connectors.Http;

/// <summary>
/// The telemetry of an HTTP connector's logical operations (see <see cref="ConnectorTelemetry"/>): spans named
/// <c>{provider}.{operation}</c> on the package's process-wide <see cref="ActivitySource"/> (never HTTP spans:
/// System.Net.Http emits those), and the instruments <c>cobranca.operation.duration</c> (histogram, seconds) and
/// <c>cobranca.operation.errors</c> (counter) on the package's <see cref="Meter"/> — the host's
/// <see cref="IMeterFactory"/> one when the client comes from DI. Tags: <c>cobranca.provider</c>,
/// <c>cobranca.operation</c>, <c>cobranca.tenant</c> and <c>error.type</c> (full exception type name); never personal data.
/// Owns nothing: one instance per client is cheap, and there is nothing to dispose.
/// </summary>
internal sealed class ConnectorInstrumentation : IDisposable
{
    public ConnectorInstrumentation(string packageName, string provider, IMeterFactory? meterFactory = null)
    {
        Provider = provider;
        ActivitySource = ConnectorTelemetry.GetActivitySource(packageName);
        Meter = ConnectorTelemetry.GetMeter(packageName, meterFactory);
        // Meter returns the existing instrument when one with the same name, unit and description exists.
        Duration = Meter.CreateHistogram<double>(ConnectorTelemetry.OperationDurationInstrument, "s", "Duration of logical connector operations.");
        Errors = Meter.CreateCounter<long>(ConnectorTelemetry.OperationErrorsInstrument, "{error}", "Failed logical connector operations.");
    }

    public string Provider { get; }

    public ActivitySource ActivitySource { get; }

    public Meter Meter { get; }

    public Histogram<double> Duration { get; }

    public Counter<long> Errors { get; }

    /// <summary>Starts a logical-operation span (null when nobody listens).</summary>
    public Activity? StartOperation(string operation, string? tenant)
    {
        var activity = ActivitySource.StartActivity($"{Provider}.{operation}", ActivityKind.Client);
        if (activity is null) return null;
        activity.SetTag(ConnectorTelemetry.ProviderAttribute, Provider);
        activity.SetTag(ConnectorTelemetry.OperationAttribute, operation);
        if (tenant is not null) activity.SetTag(ConnectorTelemetry.TenantAttribute, tenant);
        return activity;
    }

    /// <summary>Records the end of an operation.</summary>
    public void Record(Activity? activity, string operation, string? tenant, long startTimestamp, Exception? error)
    {
        var elapsed = Stopwatch.GetElapsedTime(startTimestamp).TotalSeconds;
        var tags = new TagList { { ConnectorTelemetry.ProviderAttribute, Provider }, { ConnectorTelemetry.OperationAttribute, operation } };
        if (tenant is not null) tags.Add(ConnectorTelemetry.TenantAttribute, tenant);
        if (error is not null)
        {
            var errorType = ConnectorTelemetry.ErrorType(error);
            tags.Add(ConnectorTelemetry.ErrorTypeAttribute, errorType);
            Errors.Add(1, tags);
            activity?.SetStatus(ActivityStatusCode.Error, errorType);
            activity?.SetTag(ConnectorTelemetry.ErrorTypeAttribute, errorType);
        }
        Duration.Record(elapsed, tags);
    }

    /// <summary>Nothing to release (the source and meter are process-wide or owned by the host's factory); kept so existing callers compile.</summary>
    public void Dispose()
    {
    }
}
