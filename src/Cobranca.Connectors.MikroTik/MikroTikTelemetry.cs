using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Cobranca.Connectors.MikroTik;

/// <summary>Names of the telemetry this package emits (subscribe with OpenTelemetry's AddSource/AddMeter).</summary>
public static class MikroTikTelemetry
{
    /// <summary>Name of the <see cref="System.Diagnostics.ActivitySource"/>.</summary>
    public const string ActivitySourceName = "Cobranca.Connectors.MikroTik";

    /// <summary>Name of the <see cref="System.Diagnostics.Metrics.Meter"/>.</summary>
    public const string MeterName = "Cobranca.Connectors.MikroTik";

    /// <summary>Provider name used in exceptions and in <see cref="Abstractions.AccessControllerInfo.Name"/>.</summary>
    public const string ProviderName = "mikrotik";

    internal static readonly ActivitySource Source = new(ActivitySourceName);

    internal static readonly Meter Meter = new(MeterName);

    internal static readonly Counter<long> Commands = Meter.CreateCounter<long>("cobranca.mikrotik.commands", "{command}",
        "RouterOS API commands completed, tagged by outcome (done, trap, error).");

    internal static readonly Counter<long> Reconnects = Meter.CreateCounter<long>("cobranca.mikrotik.connections", "{connection}",
        "RouterOS API connections opened (a value above one per client means reconnects).");
}
