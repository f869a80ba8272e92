using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using Cobranca.Connectors.MikroTik;

namespace Cobranca.Connectors.Benchmarks;

/// <summary>What the RouterOS benchmarks measured about their link (in-process job: the columns read it at the end).</summary>
public static class RouterOsLink
{
    private static readonly ConcurrentQueue<double> ProbeMeans = new();
    private static readonly ConcurrentQueue<double> Loads = new();

    /// <summary>The round trip every RouterOS benchmark gives the emulator.</summary>
    public static TimeSpan Setting { get; } = TimeSpan.FromMilliseconds(2);

    /// <summary>
    /// Times <paramref name="count"/> sequential one-command round trips (<c>/system/identity/print</c>) through the link
    /// (after 20 unmeasured ones) and records their mean, and the machine's load average.
    /// </summary>
    public static async Task ProbeAsync(IRouterOsClient client, int count = 200)
    {
        var command = new RouterOsCommand("/system/identity/print");
        for (var i = 0; i < 20; i++) await client.ExecuteAsync(command);
        var start = Stopwatch.GetTimestamp();
        for (var i = 0; i < count; i++) await client.ExecuteAsync(command);
        ProbeMeans.Enqueue(Stopwatch.GetElapsedTime(start).TotalMilliseconds / count);
        if (ReadLoad() is { } load) Loads.Enqueue(load);
    }

    internal static string MeasuredText()
    {
        var means = ProbeMeans.ToArray();
        if (means.Length == 0) return "?";
        var text = means.Average().ToString("0.00", CultureInfo.InvariantCulture) + " ms";
        return means.Length == 1 ? text : $"{text} ({means.Min().ToString("0.00", CultureInfo.InvariantCulture)}-{means.Max().ToString("0.00", CultureInfo.InvariantCulture)})";
    }

    internal static string LoadText()
    {
        var loads = Loads.ToArray();
        return loads.Length == 0 ? "n/a" : $"{loads.Min().ToString("0.0", CultureInfo.InvariantCulture)}-{loads.Max().ToString("0.0", CultureInfo.InvariantCulture)}";
    }

    private static double? ReadLoad()
    {
        try
        {
            var text = File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg") : null;
            return text is null ? null : double.Parse(text.Split(' ')[0], CultureInfo.InvariantCulture);
        }
        catch (IOException)
        {
            return null;
        }
    }
}
