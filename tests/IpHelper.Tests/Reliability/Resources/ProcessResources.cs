using System.Globalization;

namespace IpHelper.Tests.Reliability.Resources;

/// <summary>What the whole test process holds: open descriptors, threads, and managed memory after a full collection.</summary>
internal readonly record struct ProcessResources(int Descriptors, int Threads, long ManagedBytes)
{
    public static ProcessResources Measure() => new(Directory.GetFileSystemEntries("/proc/self/fd").Length, ThreadCount(), GC.GetTotalMemory(forceFullCollection: true));

    /// <summary>
    /// Measures again, first giving threads that were joined a moment to leave the kernel's task list
    /// (up to a second) and finalizers a chance to release what they own.
    /// </summary>
    public static ProcessResources MeasureSettled(ProcessResources baseline, int threadSlack)
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        for (var i = 0; i < 100 && ThreadCount() > baseline.Threads + threadSlack; i++) Thread.Sleep(10);
        return Measure();
    }

    public override string ToString() => $"{Descriptors} fds, {Threads} threads, {ManagedBytes / 1024} KiB managed";

    private static int ThreadCount()
    {
        var line = File.ReadLines("/proc/self/status").First(l => l.StartsWith("Threads:", StringComparison.Ordinal));
        return int.Parse(line["Threads:".Length..].Trim(), CultureInfo.InvariantCulture);
    }
}
