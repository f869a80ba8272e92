using System.Diagnostics.Metrics;
using Cobranca.Connectors.Abstractions;

namespace Cobranca.Connectors.Abstractions.Tests;

public sealed class ConnectorTelemetryTests
{
    [Fact]
    public void Error_type_is_the_full_type_name()
    {
        Assert.Equal("Cobranca.Connectors.Abstractions.ConnectorTransportException",
            ConnectorTelemetry.ErrorType(new ConnectorTransportException("ixc", "op", "x")));
        Assert.Equal("System.TimeoutException", ConnectorTelemetry.ErrorType(new TimeoutException()));
    }

    [Fact]
    public void Attribute_names_follow_the_semantic_conventions()
    {
        Assert.Equal("error.type", ConnectorTelemetry.ErrorTypeAttribute);
        Assert.Equal("server.address", ConnectorTelemetry.ServerAddressAttribute);
        Assert.Equal("http.request.method", ConnectorTelemetry.HttpRequestMethodAttribute);
        Assert.Equal("cobranca.tenant", ConnectorTelemetry.TenantAttribute);
    }

    [Fact]
    public void The_activity_source_and_the_fallback_meter_are_one_per_name()
    {
        Assert.Same(ConnectorTelemetry.GetActivitySource("Cobranca.Connectors.Test1"), ConnectorTelemetry.GetActivitySource("Cobranca.Connectors.Test1"));
        Assert.Same(ConnectorTelemetry.GetMeter("Cobranca.Connectors.Test1"), ConnectorTelemetry.GetMeter("Cobranca.Connectors.Test1"));
        Assert.Equal("Cobranca.Connectors.Test1", ConnectorTelemetry.GetMeter("Cobranca.Connectors.Test1").Name);
    }

    [Fact]
    public void A_meter_factory_from_di_is_used_when_given()
    {
        using var factory = new RecordingMeterFactory();
        var meter = ConnectorTelemetry.GetMeter("Cobranca.Connectors.Test2", factory);

        Assert.Same(factory.Created.Single(), meter);
        Assert.NotSame(ConnectorTelemetry.GetMeter("Cobranca.Connectors.Test2"), meter);
    }

    [Fact]
    public void Invalid_options_throw_an_ArgumentException_listing_every_problem()
    {
        ConnectorOptionsValidation.ThrowIfInvalid("XOptions", []);
        var ex = Assert.Throws<ArgumentException>(() => ConnectorOptionsValidation.ThrowIfInvalid("XOptions", ["A is required.", "B must be positive."]));
        Assert.Equal("options", ex.ParamName);
        Assert.StartsWith("Invalid XOptions: A is required. B must be positive.", ex.Message, StringComparison.Ordinal);
        Assert.Equal(["Cobranca:X:isp-a: A is required."], ConnectorOptionsValidation.Failures("Cobranca:X:", "isp-a", ["A is required."]));
    }

    private sealed class RecordingMeterFactory : IMeterFactory
    {
        public List<Meter> Created { get; } = [];

        public Meter Create(MeterOptions options)
        {
            var meter = new Meter(options);
            Created.Add(meter);
            return meter;
        }

        public void Dispose()
        {
            foreach (var m in Created) m.Dispose();
        }
    }
}
