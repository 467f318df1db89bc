using System.Runtime.InteropServices;

namespace IpHelper.Bench.Infrastructure;

/// <summary>
/// CPU time of the calling thread (CLOCK_THREAD_CPUTIME_ID). A netlink dump runs in the kernel inside
/// the reader's receive calls, so this is the whole cost of a read, user and kernel; unlike wall time it
/// barely moves when other processes load the machine, which makes it the figure to compare on a busy one.
/// </summary>
internal static partial class ThreadCpu
{
    private const int ClockThreadCpuTimeId = 3;

    public static unsafe double Milliseconds()
    {
        TimeSpec time;
        if (clock_gettime(ClockThreadCpuTimeId, &time) != 0) throw new InvalidOperationException("clock_gettime(CLOCK_THREAD_CPUTIME_ID) failed");
        return time.Seconds * 1e3 + time.Nanoseconds / 1e6;
    }

    [LibraryImport("libc", EntryPoint = "clock_gettime")]
    private static unsafe partial int clock_gettime(int clock, TimeSpec* time);

    private struct TimeSpec
    {
        public long Seconds;
        public long Nanoseconds;
    }
}
