using System.Diagnostics;
using Cobranca.Connectors.Abstractions;

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

    internal static readonly ActivitySource Source = ConnectorTelemetry.GetActivitySource(ActivitySourceName);

}
