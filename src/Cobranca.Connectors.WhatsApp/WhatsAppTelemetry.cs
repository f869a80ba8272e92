namespace Cobranca.Connectors.WhatsApp;

/// <summary>Names of the telemetry this package emits (subscribe with OpenTelemetry's <c>AddSource</c> / <c>AddMeter</c>).</summary>
public static class WhatsAppTelemetry
{
    /// <summary>The <see cref="System.Diagnostics.ActivitySource"/> name: one span per logical call (<c>whatsapp.{operation}</c>); no phone numbers in tags.</summary>
    public const string ActivitySourceName = "Cobranca.Connectors.WhatsApp";

    /// <summary>The <see cref="System.Diagnostics.Metrics.Meter"/> name (<c>cobranca.operation.duration</c>, <c>cobranca.operation.errors</c>).</summary>
    public const string MeterName = "Cobranca.Connectors.WhatsApp";
}
