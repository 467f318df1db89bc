using System.Diagnostics;

namespace IpHelper.Linux;

/// <summary>
/// Turns the kernel's "hundredths of a second since boot" (ifa_cacheinfo.cstamp, counted in jiffies,
/// which stand still during suspend like CLOCK_MONOTONIC) into a Windows FILETIME: 100-nanosecond
/// intervals since 1601-01-01 UTC. The wall-clock time of boot is CLOCK_REALTIME − CLOCK_MONOTONIC,
/// rounded to the stamp's own 10 ms, measured once and again only when the wall clock has been
/// stepped by more than a second: the same address keeps the same CreationTimeStamp from call to
/// call, and in every process (two processes' measurements differ by well under a microsecond, so
/// they round alike unless the boot instant lies that close to a 10 ms boundary).
/// </summary>
internal static class BootClock
{
    private const long TicksPerCentisecond = 100_000;
    private static readonly long s_stepTolerance = TimeSpan.TicksPerSecond;
    private static long s_bootFileTime;

    /// <summary>The FILETIME of an instant given in hundredths of a second since boot.</summary>
    public static long ToFileTime(uint centisecondsSinceBoot) => BootFileTime() + centisecondsSinceBoot * TicksPerCentisecond;

    /// <summary>The FILETIME at which the monotonic clock read zero.</summary>
    public static long BootFileTime()
    {
        var raw = DateTime.UtcNow.ToFileTimeUtc() - Stopwatch.GetElapsedTime(0).Ticks;
        var measured = (raw + TicksPerCentisecond / 2) / TicksPerCentisecond * TicksPerCentisecond;
        var cached = Volatile.Read(ref s_bootFileTime);
        if (cached != 0 && Math.Abs(measured - cached) <= s_stepTolerance) return cached;
        Volatile.Write(ref s_bootFileTime, measured);
        return measured;
    }
}
