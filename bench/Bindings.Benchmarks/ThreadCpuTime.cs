using System.Runtime.InteropServices;

namespace Bindings.Benchmarks;

/// <summary>
/// The CPU time of the calling thread (Linux, <c>CLOCK_THREAD_CPUTIME_ID</c>), for <see cref="Interleaved"/>:
/// on a machine shared with other builds a round's wall time includes the time the thread waited for a
/// core; its CPU time does not (caches and clock speed are still shared). The GC of this benchmark process
/// (workstation, non-concurrent) runs on the thread that allocates, so it is counted.
/// </summary>
internal static class ThreadCpuTime
{
    private const int ThreadCpuClock = 3;

    /// <summary>True where the clock can be read.</summary>
    public static bool IsAvailable { get; } = Probe();

    /// <summary>The thread's CPU time so far, in milliseconds; 0 where <see cref="IsAvailable"/> is false.</summary>
    public static double NowMilliseconds()
        => IsAvailable && ClockGetTime(ThreadCpuClock, out var time) == 0 ? (time.Seconds * 1000.0) + (time.Nanoseconds / 1e6) : 0;

    private static bool Probe()
    {
        if (!OperatingSystem.IsLinux())
        {
            return false;
        }

        try
        {
            return ClockGetTime(ThreadCpuClock, out _) == 0;
        }
        catch (Exception exception) when (exception is DllNotFoundException or EntryPointNotFoundException)
        {
            return false;
        }
    }

    [DllImport("libc", EntryPoint = "clock_gettime")]
    private static extern int ClockGetTime(int clock, out Timespec time);

    [StructLayout(LayoutKind.Sequential)]
    private struct Timespec
    {
        public long Seconds;
        public long Nanoseconds;
    }
}
