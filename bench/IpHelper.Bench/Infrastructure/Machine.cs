using System.Globalization;

namespace IpHelper.Bench.Infrastructure;

/// <summary>What a figure was measured on: CPU model and count, kernel, and the load average at the time.</summary>
internal static class Machine
{
    /// <summary>Above this 1-minute load average the report writes no headline figures (figures from a busy machine mislead).</summary>
    public const double HeadlineLoadLimit = 1.0;

    public static string CpuModel { get; } = File.ReadLines("/proc/cpuinfo")
        .FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim() ?? "unknown CPU";

    public static string Kernel { get; } = File.ReadAllText("/proc/sys/kernel/osrelease").Trim();

    /// <summary>The 1-, 5- and 15-minute load averages.</summary>
    public static string LoadAverage() => string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3));

    /// <summary>The 1-minute load average.</summary>
    public static double Load1() => double.Parse(File.ReadAllText("/proc/loadavg").Split(' ')[0], CultureInfo.InvariantCulture);

    /// <summary>One line naming the machine and the load averages before and after a measurement.</summary>
    public static string Describe(string loadBefore, string loadAfter) =>
        $"{CpuModel}, {Environment.ProcessorCount} CPUs, kernel {Kernel}, load average {loadBefore} before and {loadAfter} after";
}
