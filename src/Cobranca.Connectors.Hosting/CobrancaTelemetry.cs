using Cobranca.Connectors.Ixc;
using Cobranca.Connectors.MikroTik;
using Cobranca.Connectors.MkAuth;
using Cobranca.Connectors.Pix;
using Cobranca.Connectors.Sgp;
using Cobranca.Connectors.Workflows;

namespace Cobranca.Connectors.Hosting;

/// <summary>The activity sources and meters of every Cobranca.Connectors package this host wires.</summary>
public static class CobrancaTelemetry
{
    /// <summary>Every package's <c>ActivitySource</c> name.</summary>
    public static IReadOnlyList<string> ActivitySourceNames { get; } =
    [
        IxcTelemetry.ActivitySourceName,
        SgpTelemetry.ActivitySourceName,
        MkAuthTelemetry.ActivitySourceName,
        MikroTikTelemetry.ActivitySourceName,
        PixTelemetry.ActivitySourceName,
        WorkflowsTelemetry.ActivitySourceName,
    ];

    /// <summary>Every package's <c>Meter</c> name.</summary>
    public static IReadOnlyList<string> MeterNames { get; } =
    [
        IxcTelemetry.MeterName,
        SgpTelemetry.MeterName,
        MkAuthTelemetry.MeterName,
        MikroTikTelemetry.MeterName,
        PixTelemetry.MeterName,
        WorkflowsTelemetry.MeterName,
    ];
}
