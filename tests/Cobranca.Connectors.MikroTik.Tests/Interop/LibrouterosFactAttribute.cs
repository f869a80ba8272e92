using System.Diagnostics;

namespace Cobranca.Connectors.MikroTik.Tests.Interop;

/// <summary>
/// A fact that runs only when a Python 3 with librouteros (Debian: python3-librouteros) is available; otherwise the test
/// is reported as skipped with the reason (xunit 2 shows Skip text in the results).
/// </summary>
public sealed class LibrouterosFactAttribute : FactAttribute
{
    public LibrouterosFactAttribute()
    {
        if (Python is null)
            Skip = "librouteros is not installed (apt-get install python3-librouteros); the independent-client check did not run.";
    }

    /// <summary>The first interpreter that can import librouteros: python3 on PATH, then Debian's system python.</summary>
    public static string? Python { get; } = Find();

    private static string? Find()
    {
        foreach (var candidate in new[] { "python3", "/usr/bin/python3" })
        {
            try
            {
                using var p = Process.Start(new ProcessStartInfo(candidate, ["-c", "import librouteros"])
                {
                    RedirectStandardError = true,
                    RedirectStandardOutput = true,
                });
                if (p is null) continue;
                if (!p.WaitForExit(15_000))
                {
                    p.Kill();
                    continue;
                }
                if (p.ExitCode == 0) return candidate;
            }
            catch (System.ComponentModel.Win32Exception)
            {
                // not installed
            }
        }
        return null;
    }
}
