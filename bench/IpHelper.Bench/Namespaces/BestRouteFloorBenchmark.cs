using System.Diagnostics;
using System.Globalization;
using IpHelper.Bench.Infrastructure;
using IpHelper.Bench.Routes;

namespace IpHelper.Bench.Namespaces;

/// <summary>
/// GetBestRoute2 against its real floor: bench/c/route_get_pair.c makes the same two kernel
/// requests (the plain lookup and the FIB-match lookup, in one sendmsg) per call. GetBestRoute2 runs in a
/// process started inside the namespace (no scope) and in this process inside <c>NetNamespace.Enter</c>.
/// The three run alternately, three rounds, medians kept. Target: both &lt;= 1.3x the C pair.
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
            var c = new List<double>();
            var inside = new List<double>();
            var scoped = new List<double>();
            var count = Calls.ToString(CultureInfo.InvariantCulture);
            for (var round = 0; round < Rounds; round++)
            {
                c.Add(Us(ns.Exec(binary, Destination, count).Output));
                inside.Add(Us(ns.Exec([.. Shell.Self(), BestRouteChild.Name, Destination, count]).Output));
                using (NetNamespace.Enter(ns.Name)) scoped.Add(Scoped());
            }
            var (cMedian, insideMedian, scopedMedian) = (Median(c), Median(inside), Median(scoped));
            Console.WriteLine($"GetBestRoute2 against the C program making the same two kernel requests (us per call, median of {Rounds} alternating runs of {Calls})");
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  C route_get_pair (inside)           {cMedian,8:0.00}"));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  GetBestRoute2, process inside      {insideMedian,8:0.00}  ratio {insideMedian / cMedian:0.00}x"));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  GetBestRoute2, NetNamespace.Enter   {scopedMedian,8:0.00}  ratio {scopedMedian / cMedian:0.00}x"));
            var met = insideMedian <= 1.3 * cMedian && scopedMedian <= 1.3 * cMedian;
            Console.WriteLine($"  target (<= 1.3x the C pair, in and out of a scope): {(met ? "met" : "NOT met")}");
            return met ? 0 : 1;
        }
        finally
        {
            File.Delete(binary);
        }
    }

    private static double Scoped()
    {
        SockAddrInet.TryParse(Destination, out var destination);
        // Warmed for as long as the child (routes:best) is: half a second at least, so both time tier-1 code.
        var warmUp = Stopwatch.StartNew();
        for (var i = 0; i < 1000 || warmUp.ElapsedMilliseconds < 500; i++) NetIo.GetBestRoute2(null, 0, null, destination, 0, out _, out _).ThrowIfFailed();
        var watch = Stopwatch.StartNew();
        for (var i = 0; i < Calls; i++) NetIo.GetBestRoute2(null, 0, null, destination, 0, out _, out _).ThrowIfFailed();
        return watch.Elapsed.TotalMicroseconds / Calls;
    }

    private static double Us(string output) =>
        double.Parse(output.Trim().Split('=')[1], CultureInfo.InvariantCulture);

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted[sorted.Length / 2];
    }
}
