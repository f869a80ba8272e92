using System.Globalization;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

namespace Cobranca.Connectors.Benchmarks;

/// <summary>
/// The RouterOS bulk benchmarks' config: the in-process short job (see <see cref="InProcessShortRunConfig"/>) plus columns
/// that make a run self-explanatory: changes per invocation, the emulator's round-trip setting, the round trip actually
/// measured on that link in the same run, the speed-up against the group's one-at-a-time baseline, and the machine's
/// load average while it ran. Means are per change (<c>OperationsPerInvoke</c>), so Ratio compares per-change costs.
/// </summary>
public sealed class RouterOsBenchConfig : ManualConfig
{
    /// <summary>Creates the config.</summary>
    public RouterOsBenchConfig()
    {
        AddJob(Job.Default.WithToolchain(InProcessEmitToolchain.Instance)
            .WithLaunchCount(1).WithWarmupCount(1).WithIterationCount(3).WithInvocationCount(1).WithUnrollFactor(1)
            .WithId("InProcessShort"));
        AddColumn(
            new BenchColumn("Changes", "Changes per invocation (the Mean and Allocated columns are per change)",
                (_, c) => c.Descriptor.OperationsPerInvoke.ToString("N0", CultureInfo.InvariantCulture)),
            new BenchColumn("RTT setting", "The emulator's CommandLatency: the round trip, half on the way in, half on the way out",
                (_, _) => RouterOsLink.Setting.TotalMilliseconds.ToString("0.##", CultureInfo.InvariantCulture) + " ms"),
            new BenchColumn("Seq. RTT measured", "Mean of the one-command round trips measured through that link in this run (200 per benchmark setup; range of those means)",
                (_, _) => RouterOsLink.MeasuredText()),
            new BenchColumn("Speed-up", "The group's baseline mean per change / this mean per change (same run)", SpeedUp),
            new BenchColumn("vs RTT setting", "RTT setting / this mean per change: the speed-up against an ideal one-at-a-time client that pays exactly the set round trip per change (a floor when the measured RTT is above the setting); only where a change is one command",
                VersusSetting),
            new BenchColumn("Load avg", "1-minute load average of the machine at each benchmark setup (min-max); 2 cores", (_, _) => RouterOsLink.LoadText()));
    }

    /// <summary>Only for one-command-per-change suites (an unblock is a read and a remove: two round trips).</summary>
    private static string VersusSetting(Summary summary, BenchmarkCase benchmarkCase) =>
        benchmarkCase.Descriptor.Type != typeof(RouterOsApplyBenchmarks) ? "n/a"
        : summary[benchmarkCase]?.ResultStatistics?.Mean is double mean && mean > 0
            ? (RouterOsLink.Setting.TotalNanoseconds / mean).ToString("0.0", CultureInfo.InvariantCulture) + "x"
            : "?";

    private static string SpeedUp(Summary summary, BenchmarkCase benchmarkCase)
    {
        var baseline = summary.GetBaseline(summary.GetLogicalGroupKey(benchmarkCase));
        var mean = summary[benchmarkCase]?.ResultStatistics?.Mean;
        var baseMean = baseline is null ? null : summary[baseline]?.ResultStatistics?.Mean;
        return mean is > 0 && baseMean is > 0 ? (baseMean.Value / mean.Value).ToString("0.0", CultureInfo.InvariantCulture) + "x" : "?";
    }
}

/// <summary>A text column computed from the summary (the RouterOS benchmarks' extra columns).</summary>
internal sealed class BenchColumn(string name, string legend, Func<Summary, BenchmarkCase, string> value) : IColumn
{
    public string Id => "Cobranca" + name;
    public string ColumnName => name;
    public bool AlwaysShow => true;
    public ColumnCategory Category => ColumnCategory.Custom;
    public int PriorityInCategory => 0;
    public bool IsNumeric => false;
    public UnitType UnitType => UnitType.Dimensionless;
    public string Legend => legend;
    public string GetValue(Summary summary, BenchmarkCase benchmarkCase) => value(summary, benchmarkCase);
    public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style) => value(summary, benchmarkCase);
    public bool IsAvailable(Summary summary) => true;
    public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;
}
