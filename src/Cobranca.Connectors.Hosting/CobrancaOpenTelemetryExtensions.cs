using Cobranca.Connectors.Hosting;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary><c>AddCobrancaInstrumentation()</c>: tracing and metrics of every Cobranca.Connectors package.</summary>
public static class CobrancaOpenTelemetryExtensions
{
    /// <summary>
    /// Adds every package's activity source to tracing and meter to metrics
    /// (<c>services.AddOpenTelemetry().AddCobrancaInstrumentation()</c>); add your exporters as usual.
    /// </summary>
    /// <param name="builder">The builder from <c>services.AddOpenTelemetry()</c>.</param>
    public static IOpenTelemetryBuilder AddCobrancaInstrumentation(this IOpenTelemetryBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.WithTracing(tracing => tracing.AddCobrancaInstrumentation())
            .WithMetrics(metrics => metrics.AddCobrancaInstrumentation());
    }

    /// <summary>Adds every package's activity source.</summary>
    /// <param name="builder">A tracer provider builder.</param>
    public static TracerProviderBuilder AddCobrancaInstrumentation(this TracerProviderBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.AddSource([.. CobrancaTelemetry.ActivitySourceNames]);
    }

    /// <summary>Adds every package's meter.</summary>
    /// <param name="builder">A meter provider builder.</param>
    public static MeterProviderBuilder AddCobrancaInstrumentation(this MeterProviderBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.AddMeter([.. CobrancaTelemetry.MeterNames]);
    }
}
