using System.Diagnostics;
using System.Globalization;
using IpHelper.Bench.Infrastructure;
using IpHelper.Bench.Routes;

namespace IpHelper.Bench.Namespaces;

/// <summary>
/// GetBestRoute2 against its real floor: bench/c/route_get_pair.c makes the same two kernel
/// requests (the plain lookup and the FIB-match lookup, in one sendmsg) per call. GetBestRoute2 runs in a
/// process started inside the namespace (no scope) and in this process inside <c>NetNamespace.Enter</c>.
/// The three run alternately, three rounds, medians kept. Target: both &lt;= 1.3x the C pair in wall time;
/// the CPU-time ratio (user + system of the thread making the calls), which moves far less with the
/// machine's load, is printed beside it.
/// </summary>
internal static class BestRouteFloorBenchmark
{
    private const int Rounds = 3, Calls = 20_000;
    private const string Destination = "198.51.100.7";

    public static int Run()
    {
        using var ns = new BenchNamespace();
        ns.AddUplink();
        ns.Ip("route", "add", "198.51.100.0/24", "via", "192.0.2.254");
        var binary = Path.Combine(Path.GetTempPath(), $"iph-route-get-pair-{Environment.ProcessId}");
        Shell.Run("gcc", ["-O2", "-o", binary, Path.Combine(AppContext.BaseDirectory, "c", "route_get_pair.c")]);
        try
        {
            var c = new Timings();
            var inside = new Timings();
            var scoped = new Timings();
            var count = Calls.ToString(CultureInfo.InvariantCulture);
            for (var round = 0; round < Rounds; round++)
            {
                c.Add(Measured.Parse(ns.Exec(binary, Destination, count).Output));
                inside.Add(Measured.Parse(ns.Exec([.. Shell.Self(), BestRouteChild.Name, Destination, count]).Output));
                using (NetNamespace.Enter(ns.Name)) scoped.Add(Scoped());
            }
            Console.WriteLine($"GetBestRoute2 against the C program making the same two kernel requests (us per call, median of {Rounds} alternating runs of {Calls}; CPU: user + system)");
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  C route_get_pair (inside)           {c.Wall,8:0.00}                cpu {c.Cpu,6:0.00}"));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  GetBestRoute2, process inside      {inside.Wall,8:0.00}  ratio {inside.Wall / c.Wall:0.00}x  cpu {inside.Cpu,6:0.00}  ratio {inside.Cpu / c.Cpu:0.00}x"));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  GetBestRoute2, NetNamespace.Enter   {scoped.Wall,8:0.00}  ratio {scoped.Wall / c.Wall:0.00}x  cpu {scoped.Cpu,6:0.00}  ratio {scoped.Cpu / c.Cpu:0.00}x"));
            var met = inside.Wall <= 1.3 * c.Wall && scoped.Wall <= 1.3 * c.Wall;
            Console.WriteLine($"  target (<= 1.3x the C pair in wall time, in and out of a scope): {(met ? "met" : "NOT met")}");
            return met ? 0 : 1;
        }
        finally
        {
            File.Delete(binary);
        }
    }

    private static Measured Scoped()
    {
        SockAddrInet.TryParse(Destination, out var destination);
        // Warmed for as long as the child (routes:best) is: half a second at least, so both time tier-1 code.
        var warmUp = Stopwatch.StartNew();
        for (var i = 0; i < 1000 || warmUp.ElapsedMilliseconds < 500; i++) NetIo.GetBestRoute2(null, 0, null, destination, 0, out _, out _).ThrowIfFailed();
        var cpu = ThreadCpu.Milliseconds();
        var watch = Stopwatch.StartNew();
        for (var i = 0; i < Calls; i++) NetIo.GetBestRoute2(null, 0, null, destination, 0, out _, out _).ThrowIfFailed();
        var us = watch.Elapsed.TotalMicroseconds / Calls;
        var cpuUs = (ThreadCpu.Milliseconds() - cpu) * 1e3 / Calls;
        return Measured.Parse(string.Create(CultureInfo.InvariantCulture, $"us={us} cpu_us={cpuUs}"));
    }

    /// <summary>The wall and CPU microseconds per call of each round.</summary>
    private sealed class Timings
    {
        private readonly List<double> _wall = [], _cpu = [];

        public double Wall => Median(_wall);

        public double Cpu => Median(_cpu);

        public void Add(Measured run)
        {
            _wall.Add(run["us"]);
            _cpu.Add(run["cpu_us"]);
        }

        private static double Median(List<double> values)
        {
            var sorted = values.Order().ToArray();
            return sorted[sorted.Length / 2];
        }
    }
}
