using System.Diagnostics;
using System.Globalization;
using System.Net.Sockets;

namespace IpHelper.Bench.Routes;

/// <summary>
/// Runs in a fresh process inside the benchmark namespace (under <c>measure</c>, which reports its
/// peak RSS), so the process does nothing but GetIpForwardTable2(AF_INET, or AF_INET6 given a second argument 6): warm-up calls until tiered
/// JIT has optimized the code (30 calls) or for 3 seconds, then RUNS timed calls. Prints
/// <c>count=ROWS ms=MEDIAN cpu_ms=MEDIAN</c> (wall time and the calling thread's CPU time, kernel included).
/// </summary>
internal static class RouteTableChild
{
    public const string Name = "routes:table";

    public static int Run(string[] args)
    {
        var runs = int.Parse(args[0], CultureInfo.InvariantCulture);
        var family = args.Length > 1 && args[1] == "6" ? AddressFamily.InterNetworkV6 : AddressFamily.InterNetwork;
        var count = Call(family);
        var warmUp = Stopwatch.StartNew();
        for (var i = 1; i < 30 && warmUp.Elapsed < TimeSpan.FromSeconds(3); i++) Call(family);
        var times = new List<double>();
        var cpu = new List<double>();
        for (var i = 0; i < runs; i++)
        {
            var watch = Stopwatch.StartNew();
            var start = Infrastructure.ThreadCpu.Milliseconds();
            count = Call(family);
            cpu.Add(Infrastructure.ThreadCpu.Milliseconds() - start);
            times.Add(watch.Elapsed.TotalMilliseconds);
        }
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"count={count} ms={Infrastructure.Report.Median(times):0.000} cpu_ms={Infrastructure.Report.Median(cpu):0.000}"));
        return 0;
    }

    private static int Call(AddressFamily family)
    {
        NetIo.GetIpForwardTable2(family, out var table).ThrowIfFailed();
        using (table) return table!.Count;
    }
}
