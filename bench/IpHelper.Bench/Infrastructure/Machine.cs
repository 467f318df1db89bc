using System.Globalization;

namespace IpHelper.Bench.Infrastructure;

/// <summary>What a figure was measured on: CPU model and count, kernel, and the load average at the time.</summary>
internal static class Machine
{
    /// <summary>Above this 1-minute load average when the run starts the report writes no headline figures (figures from a busy machine mislead).</summary>
    public const double HeadlineLoadLimit = 1.0;

    public static string CpuModel { get; } = File.ReadLines("/proc/cpuinfo")
        .FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim() ?? "unknown CPU";

    public static string Kernel { get; } = File.ReadAllText("/proc/sys/kernel/osrelease").Trim();

    /// <summary>The 1-, 5- and 15-minute load averages.</summary>
    public static string LoadAverage() => string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3));

    /// <summary>The 1-minute load average.</summary>
    public static double Load1() => double.Parse(File.ReadAllText("/proc/loadavg").Split(' ')[0], CultureInfo.InvariantCulture);

    /// <summary>
    /// Waits, at most five minutes, for the 1-minute load average to fall to <see cref="HeadlineLoadLimit"/>
    /// (the report's own build and the peers' compilers raise it just before the run), and returns it.
    /// </summary>
    public static double SettleLoad()
    {
        var deadline = DateTime.UtcNow.AddMinutes(5);
        var load = Load1();
        if (load > HeadlineLoadLimit) Console.WriteLine($"report: waiting for the 1-minute load average ({load:0.00}) to fall to {HeadlineLoadLimit:0} (at most 5 min)");
        while (load > HeadlineLoadLimit && DateTime.UtcNow < deadline)
        {
            Thread.Sleep(5000);
            load = Load1();
        }
        return load;
    }

    /// <summary>One line naming the machine and the load averages before and after a measurement.</summary>
    public static string Describe(string loadBefore, string loadAfter) =>
        $"{CpuModel}, {Environment.ProcessorCount} CPUs, kernel {Kernel}, load average {loadBefore} before and {loadAfter} after";
}
