using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Cobranca.Connectors.Http;

/// <summary>
/// The telemetry convention: one <see cref="ActivitySource"/> and one <see cref="Meter"/> per package, both named like
/// the package (e.g. <c>Cobranca.Connectors.Ixc</c>). Spans are logical operations (<c>ixc.cliente.listar</c>), never
/// HTTP (System.Net.Http emits those). Tags carry the provider, the tenant name and <c>error.type</c>; never personal data.
/// Instruments: <c>cobranca.operation.duration</c> (histogram, seconds) and <c>cobranca.operation.errors</c> (counter).
/// </summary>
internal sealed class ConnectorInstrumentation : IDisposable
{
    public ConnectorInstrumentation(string packageName, string provider)
    {
        Provider = provider;
        var version = typeof(ConnectorInstrumentation).Assembly.GetName().Version?.ToString();
        ActivitySource = new ActivitySource(packageName, version);
        Meter = new Meter(packageName, version);
        Duration = Meter.CreateHistogram<double>("cobranca.operation.duration", "s", "Duration of logical connector operations.");
        Errors = Meter.CreateCounter<long>("cobranca.operation.errors", "{error}", "Failed logical connector operations.");
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
        activity?.SetTag("cobranca.provider", Provider);
        if (tenant is not null) activity?.SetTag("cobranca.tenant", tenant);
        return activity;
    }

    /// <summary>Records the end of an operation.</summary>
    public void Record(Activity? activity, string operation, string? tenant, long startTimestamp, Exception? error)
    {
        var elapsed = Stopwatch.GetElapsedTime(startTimestamp).TotalSeconds;
        var tags = new TagList { { "cobranca.provider", Provider }, { "cobranca.operation", operation } };
        if (tenant is not null) tags.Add("cobranca.tenant", tenant);
        if (error is not null)
        {
            tags.Add("error.type", error.GetType().Name);
            Errors.Add(1, tags);
            activity?.SetStatus(ActivityStatusCode.Error, error.GetType().Name);
            activity?.SetTag("error.type", error.GetType().Name);
        }
        Duration.Record(elapsed, tags);
    }

    public void Dispose()
    {
        ActivitySource.Dispose();
        Meter.Dispose();
    }
}
