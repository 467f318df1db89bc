namespace IpHelper.Linux;

/// <summary>
/// Kernel timestamps in clock_t units (USER_HZ ticks, as nda_cacheinfo and rta_cacheinfo carry them)
/// converted to milliseconds.
/// </summary>
internal static class ClockTicks
{
    /// <summary>USER_HZ: sysconf(_SC_CLK_TCK), 100 on every architecture .NET runs on.</summary>
    public static readonly long PerSecond = Interop.sysconf(Interop._SC_CLK_TCK) is > 0 and var hz ? hz : 100;

    /// <summary>The duration of <paramref name="ticks"/> in milliseconds, saturated at uint.MaxValue.</summary>
    public static uint ToMilliseconds(uint ticks) => (uint)Math.Min(ticks * 1000L / PerSecond, uint.MaxValue);
}
