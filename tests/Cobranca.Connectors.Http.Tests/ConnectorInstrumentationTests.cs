using System.Diagnostics;
using System.Diagnostics.Metrics;
using Cobranca.Connectors.Abstractions;
using Microsoft.Extensions.DependencyInjection;

namespace Cobranca.Connectors.Http.Tests;

public sealed class ConnectorInstrumentationTests
{
    private const string Package = "Cobranca.Connectors.Http.Tests.Instrumented";

    [Fact]
    public void Spans_and_errors_carry_the_semantic_convention_names_and_the_full_error_type()
    {
        var activities = new List<Activity>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = s => s.Name == Package,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = activities.Add,
        };
        ActivitySource.AddActivityListener(listener);
        var errors = new List<(long Value, Dictionary<string, object?> Tags)>();
        using var meters = new MeterListener
        {
            InstrumentPublished = (i, l) =>
            {
                if (i.Meter.Name == Package) l.EnableMeasurementEvents(i);
            },
        };
        meters.SetMeasurementEventCallback<long>((i, value, tags, _) =>
        {
            if (i.Name == ConnectorTelemetry.OperationErrorsInstrument) errors.Add((value, tags.ToArray().ToDictionary(t => t.Key, t => t.Value)));
        });
        meters.Start();

        var instrumentation = new ConnectorInstrumentation(Package, "ixc");
        var activity = instrumentation.StartOperation("cliente.listar", "isp-a");
        instrumentation.Record(activity, "cliente.listar", "isp-a", Stopwatch.GetTimestamp(), new ConnectorTransportException("ixc", "cliente.listar", "reset"));
        activity!.Dispose();

        var span = Assert.Single(activities);
        Assert.Equal("ixc.cliente.listar", span.DisplayName);
        Assert.Equal("Cobranca.Connectors.Abstractions.ConnectorTransportException", span.GetTagItem("error.type"));
        Assert.Equal("isp-a", span.GetTagItem("cobranca.tenant"));
        Assert.Equal("cliente.listar", span.GetTagItem("cobranca.operation"));
        Assert.Equal(ActivityStatusCode.Error, span.Status);
        var error = Assert.Single(errors);
        Assert.Equal("Cobranca.Connectors.Abstractions.ConnectorTransportException", error.Tags["error.type"]);
        Assert.Equal("ixc", error.Tags["cobranca.provider"]);
    }

    [Fact]
    public void Instances_share_one_source_and_use_the_hosts_meter_factory_when_given()
    {
        var a = new ConnectorInstrumentation(Package, "ixc");
        var b = new ConnectorInstrumentation(Package, "ixc");
        Assert.Same(a.ActivitySource, b.ActivitySource);
        Assert.Same(a.Meter, b.Meter);

        using var services = new ServiceCollection().AddMetrics().BuildServiceProvider();
        var factory = services.GetRequiredService<IMeterFactory>();
        var fromDi = new ConnectorInstrumentation(Package, "ixc", factory);

        Assert.NotSame(a.Meter, fromDi.Meter);
        Assert.Same(factory, fromDi.Meter.Scope);
        Assert.Same(a.ActivitySource, fromDi.ActivitySource);
    }
}
