using System.Diagnostics;
using System.Globalization;
using System.Net.Sockets;

namespace IpHelper.Bench.Routes;

/// <summary>
/// Runs in a fresh process inside the benchmark namespace (started with <c>ip netns exec</c>), so
/// its peak RSS is GetIpForwardTable2's alone: one warm-up call, then RUNS timed calls. Prints the
/// row count, the median time in ms and VmHWM in kB.
/// </summary>
internal static class RouteTableChild
{
    public const string Name = "routes:table";

    public static int Run(string[] args)
    {
        var runs = int.Parse(args[0], CultureInfo.InvariantCulture);
        var count = 0;
        Call(ref count);
        var times = new List<double>();
        for (var i = 0; i < runs; i++)
        {
            var watch = Stopwatch.StartNew();
            Call(ref count);
            times.Add(watch.Elapsed.TotalMilliseconds);
        }
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{count} {Infrastructure.Report.Median(times):0.000} {PeakRssKb()}"));
        return 0;
    }

    private static void Call(ref int count)
    {
        NetIo.GetIpForwardTable2(AddressFamily.InterNetwork, out var table).ThrowIfFailed();
        using (table) count = table!.Count;
    }

    private static long PeakRssKb()
    {
        foreach (var line in File.ReadLines("/proc/self/status"))
            if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
                return long.Parse(line["VmHWM:".Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture);
        return -1;
    }
}
