using System.Diagnostics.Metrics;
using Cobranca.Connectors.Abstractions;

namespace Cobranca.Connectors.MikroTik;

/// <summary>
/// The package's metric instruments on the <see cref="MikroTikTelemetry.MeterName"/> meter: from the host's
/// <see cref="IMeterFactory"/> when the client was resolved from DI, otherwise the process-wide meter.
/// </summary>
internal sealed class MikroTikInstruments
{
    /// <summary>Instruments on the process-wide meter (clients created with <c>new</c>).</summary>
    public static readonly MikroTikInstruments Shared = new(null);

    public MikroTikInstruments(IMeterFactory? meterFactory)
    {
        var meter = ConnectorTelemetry.GetMeter(MikroTikTelemetry.MeterName, meterFactory);
        Commands = meter.CreateCounter<long>("cobranca.mikrotik.commands", "{command}",
            "RouterOS API commands completed, tagged by outcome (done, trap, error).");
        Reconnects = meter.CreateCounter<long>("cobranca.mikrotik.connections", "{connection}",
            "RouterOS API connections opened (a value above one per client means reconnects).");
    }

    public Counter<long> Commands { get; }

    public Counter<long> Reconnects { get; }
}
