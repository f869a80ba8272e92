using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Cobranca.Connectors.Pix.Internal;

internal static class PixInstrumentation
{
    public static readonly ActivitySource Source = new(PixTelemetry.ActivitySourceName);

    private static readonly Meter Meter = new(PixTelemetry.MeterName);

    public static readonly Counter<long> Payments = Meter.CreateCounter<long>("cobranca.pix.payments", description: "Confirmed payments raised as PaymentReceived.");
}
