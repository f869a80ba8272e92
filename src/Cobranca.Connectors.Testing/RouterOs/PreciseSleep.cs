using System.Diagnostics;
using System.Runtime.InteropServices;

namespace Cobranca.Connectors.Testing.RouterOs;

/// <summary>
/// Sleeps until a <see cref="Stopwatch"/> timestamp with sub-millisecond accuracy. <c>Task.Delay</c> and timers have a
/// 1 ms granularity and fire late (a "1 ms" wait measured 1–4 ms), which made the emulator's 2 ms link an 8 ms one.
/// On Linux the thread sleeps in <c>clock_nanosleep</c> (timer slack lowered to 1 ns for the emulator's delivery
/// threads): it wakes within tens of microseconds of the due time and uses no CPU while it waits. Elsewhere it sleeps
/// in whole milliseconds while more than 1.5 ms remain and spins for the rest.
/// </summary>
internal static class PreciseSleep
{
    private const int ClockMonotonic = 1;
    private const int PrSetTimerSlack = 29;
    private static readonly long SpinBelow = Stopwatch.Frequency * 3 / 2000; // 1.5 ms
    private static volatile bool _nativeFailed = !OperatingSystem.IsLinux() || !Environment.Is64BitProcess; // timespec = two 64-bit fields

    /// <summary>Lowers the calling thread's timer slack (Linux; the default 50 µs would make every wake-up that late).</summary>
    public static void PrepareThread()
    {
        if (_nativeFailed) return;
        try
        {
            _ = Native.prctl(PrSetTimerSlack, 1, 0, 0, 0);
        }
        catch (Exception ex) when (ex is DllNotFoundException or EntryPointNotFoundException)
        {
            _nativeFailed = true;
        }
    }

    /// <summary>Returns at or just after <paramref name="due"/> (a <see cref="Stopwatch.GetTimestamp"/> value); never before.</summary>
    public static void Until(long due)
    {
        while (true)
        {
            var remaining = due - Stopwatch.GetTimestamp();
            if (remaining <= 0) return;
            if (!_nativeFailed && TryNativeSleep(remaining)) continue;
            if (remaining > SpinBelow) Thread.Sleep(1);
            else Thread.SpinWait(50);
        }
    }

    private static bool TryNativeSleep(long stopwatchTicks)
    {
        var nanoseconds = (long)(stopwatchTicks * (1_000_000_000.0 / Stopwatch.Frequency));
        var request = new Native.Timespec { Seconds = nanoseconds / 1_000_000_000, Nanoseconds = nanoseconds % 1_000_000_000 };
        try
        {
            // Returns early with EINTR when the runtime signals the thread: the caller's loop sleeps the rest.
            _ = Native.clock_nanosleep(ClockMonotonic, 0, ref request, IntPtr.Zero);
            return true;
        }
        catch (Exception ex) when (ex is DllNotFoundException or EntryPointNotFoundException)
        {
            _nativeFailed = true;
            return false;
        }
    }

    private static class Native
    {
        [StructLayout(LayoutKind.Sequential)]
        public struct Timespec
        {
            public long Seconds;
            public long Nanoseconds;
        }

        [DllImport("libc", EntryPoint = "clock_nanosleep")]
        [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
#pragma warning disable SYSLIB1054, CA5392 // a blittable call into libc; LibraryImport would need unsafe code in this package
        public static extern int clock_nanosleep(int clockId, int flags, ref Timespec request, IntPtr remaining);

        [DllImport("libc", EntryPoint = "prctl")]
        [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
        public static extern int prctl(int option, ulong arg2, ulong arg3, ulong arg4, ulong arg5);
#pragma warning restore SYSLIB1054, CA5392
    }
}
