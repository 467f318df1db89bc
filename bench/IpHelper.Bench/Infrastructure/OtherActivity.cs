using System.Diagnostics;
using System.Globalization;

namespace IpHelper.Bench.Infrastructure;

/// <summary>
/// How much CPU the rest of the machine used while the report ran: busy time from /proc/stat (user,
/// nice, system, irq, softirq, steal) minus the CPU time of the report and the children it waited for
/// (/proc/self/stat utime, stime, cutime, cstime). The load average cannot say this on a small machine:
/// the benchmark's own process counts in it, so a 2-CPU machine doing nothing else shows about 1.
/// </summary>
internal readonly record struct OtherActivity(long WallTicks, long BusyTicks, long OwnTicks)
{
    /// <summary>Above this many CPUs used by other processes (on average over the run) the report writes no headline figures.</summary>
    public const double HeadlineLimit = 0.25;

    private static readonly double s_ticksPerSecond = 100;

    /// <summary>The counters now.</summary>
    public static OtherActivity Sample()
    {
        var cpu = File.ReadLines("/proc/stat").First().Split(' ', StringSplitOptions.RemoveEmptyEntries);
        long Field(int index) => long.Parse(cpu[index], CultureInfo.InvariantCulture);
        var busy = Field(1) + Field(2) + Field(3) + Field(6) + Field(7) + (cpu.Length > 8 ? Field(8) : 0);
        // /proc/self/stat: the command name is in parentheses and may hold spaces; fields count from after it.
        var self = File.ReadAllText("/proc/self/stat");
        var fields = self[(self.LastIndexOf(')') + 2)..].Split(' ');
        long Own(int field) => long.Parse(fields[field - 3], CultureInfo.InvariantCulture);
        var own = Own(14) + Own(15) + Own(16) + Own(17);
        return new OtherActivity((long)(Stopwatch.GetTimestamp() * s_ticksPerSecond / Stopwatch.Frequency), busy, own);
    }

    /// <summary>CPUs used on average by everything but the report and its children between <paramref name="start"/> and this sample.</summary>
    public double CpusSince(OtherActivity start)
    {
        var wall = WallTicks - start.WallTicks;
        if (wall <= 0) return 0;
        return Math.Max(0, (double)(BusyTicks - start.BusyTicks - (OwnTicks - start.OwnTicks)) / wall);
    }
}
