using System.Globalization;
using IpHelper.Bench.Infrastructure;
using IpHelper.Bench.Routes;

namespace IpHelper.Bench.Reporting;

/// <summary>
/// Route table dumps at growing table sizes (IPv4 host routes added with CreateIpForwardEntries2 in
/// one namespace), read by every reader in the same run, then best-route lookups on the largest
/// table. Each reader runs in its own process under <c>measure</c> (peak RSS of the whole process);
/// library readers time their dumps themselves (one warm-up, median of the runs), <c>ip</c> is timed
/// as a process with its output sent to /dev/null. Every figure is the median of
/// <see cref="ReportOptions.Rounds"/> alternating rounds with min and max, except where pyroute2 is capped.
/// </summary>
internal static class DumpWorkload
{
    /// <summary>From this table size on pyroute2 reads once per process and takes part in one round only (it needs ~78 s for 1M routes).</summary>
    private const int PyRoute2OneRoundFrom = 300_000;

    /// <summary>From this table size on pyroute2 reads once per process, without warm-up (Python has no JIT to warm).</summary>
    private const int PyRoute2OneReadFrom = 30_000;

    /// <summary>From this table size on Go reads 3 times per process and <c>ip</c> runs once per round (the rounds repeat them).</summary>
    private const int FewerRunsFrom = 300_000;

    private const int IpRouteGetProcesses = 11;

    private sealed record Reader(string Name, bool Library, Func<int, string[]> Command);

    /// <summary>One point of the plot: a reader at a table size (Rows: what it read, 0 for <c>ip</c>, whose output is discarded).</summary>
    public sealed record Point(string Reader, int Size, int Rows, double Ms, double RssMb);

    /// <summary>One reader in one round: rows read, time, peak RSS.</summary>
    private sealed record Sample(int Rows, double Ms, double RssMb);

    public static IEnumerable<Section> Run(ReportOptions options, Peers peers, List<Point> points)
    {
        var readers = Readers(peers);
        var rounds = options.Rounds;
        var largest = new Section($"Route table dump, {options.LargestSize:N0} IPv4 routes", $"{Command(options)} --only dump");
        largest.Note("GetIpForwardTable2(AF_INET) against the C reader (bench/c/route_dump.c: the same two table-filtered dumps, " +
            "every route decoded into a struct array), vishvananda/netlink `RouteListFiltered` (all tables), pyroute2 " +
            "`get_routes(family=AF_INET)` (kept as a list) and `ip route show` / `ip -j route show` (output to /dev/null). " +
            "System.Net has no routing-table API: nothing to compare with in .NET itself. " +
            $"{rounds} alternating rounds per table size (the readers in order, then in reverse); each figure is the median of the rounds " +
            "(min-max), each ratio the median of the per-round ratios. " +
            $"In a round a library reader is one process doing one warm-up (IpHelper: until tiered JIT optimized it, at most 3 s) and {options.Runs} timed reads " +
            $"(median); from {FewerRunsFrom:N0} routes on Go does 3 and `ip` runs once per round ({options.Runs} processes below). " +
            $"**pyroute2 is capped**: one read without warm-up from {PyRoute2OneReadFrom:N0} routes on, and a single round from " +
            $"{PyRoute2OneRoundFrom:N0} routes on (one read of a million routes takes over a minute); its Rounds column says so. " +
            "Peak RSS: the whole process (ru_maxrss), median of the rounds.");
        largest.Columns("Reader", "Rows", "Rounds", "Time", "Time / C reader", "`ip route show` / reader", "Peak RSS", "Run as (inside the namespace)");
        var scaling = new Section("Route table dump against table size", $"{Command(options)} --only dump");
        scaling.Note($"Time (median of the rounds, min-max) and peak RSS per reader and table size, measured as in the section above " +
            "(pyroute2 capped the same way). Plotted (medians) in [performance-routes.png](performance-routes.png).\n\n" +
            "![dump time and memory against table size](performance-routes.png)");
        scaling.Columns(["Reader", .. options.Sizes.Select(s => $"{s:N0} routes")]);
        var best = new Section($"Best-route lookups on {options.LargestSize:N0} routes", $"{Command(options)} --only dump");

        using var ns = new BenchNamespace();
        ns.AddUplink();
        var loaded = 0;
        double loadSeconds = 0;
        var samples = new Dictionary<(string Reader, int Size), List<Sample>>();
        foreach (var size in options.Sizes)
        {
            loadSeconds += (size - loaded) / RouteList.Load(ns.Name, loaded, size - loaded);
            loaded = size;
            Console.WriteLine($"dump: {size:N0} routes, {rounds} alternating rounds");
            var measured = Alternating.Run(rounds, readers.Length, w => RoundsAt(readers[w], size, rounds),
                (w, _) => Measure(ns, peers, readers[w], size, options.Runs));
            for (var w = 0; w < readers.Length; w++)
            {
                samples[(readers[w].Name, size)] = measured[w];
                points.Add(new Point(readers[w].Name, size, measured[w][0].Rows, Spread.Of(measured[w].Select(s => s.Ms)).Median,
                    Spread.Of(measured[w].Select(s => s.RssMb)).Median));
            }
        }
        foreach (var reader in readers)
            scaling.Row([reader.Name, .. options.Sizes.Select(size =>
            {
                var s = samples[(reader.Name, size)];
                return $"{Spread.Of(s.Select(x => x.Ms)).Format("#,0.0", " ms", rounds)} / {Spread.Of(s.Select(x => x.RssMb)).Median.ToString("#,0", CultureInfo.InvariantCulture)} MB";
            })]);

        List<double> Times(string reader) => [.. samples[(reader, options.LargestSize)].Select(s => s.Ms)];
        var c = Times("C netlink reader");
        var ip = Times("ip route show");
        foreach (var reader in readers)
        {
            var s = samples[(reader.Name, options.LargestSize)];
            var times = Times(reader.Name);
            largest.Row(reader.Name, reader.Library ? Section.Number(s[0].Rows) : "", Section.Number(s.Count),
                Spread.Of(times).Format("#,0.0", " ms", rounds), Alternating.Ratio(times, c).Format("0.00", "x", rounds),
                Alternating.Ratio(ip, times).Format("0.00", "x", rounds), Section.Number(Spread.Of(s.Select(x => x.RssMb)).Median, "MB"),
                $"`{peers.Display(reader.Command(RunsAt(reader, options.LargestSize, options.Runs)))}`");
        }
        var ours = Times("IpHelper GetIpForwardTable2");
        var oursRss = Spread.Of(samples[("IpHelper GetIpForwardTable2", options.LargestSize)].Select(s => s.RssMb)).Median;
        largest.Note(string.Create(CultureInfo.InvariantCulture,
            $"Loading the {loaded:N0} routes with CreateIpForwardEntries2 (one batch per size step) ran at {loaded / loadSeconds:N0} routes/s."));
        largest.Target("GetIpForwardTable2 time / C reader (median of rounds)", Alternating.Ratio(ours, c).Median, 1.25, atMost: true, "x");
        largest.Target("`ip route show` time / GetIpForwardTable2 (median of rounds)", Alternating.Ratio(ip, ours).Median, 1.5, atMost: false, "x");
        largest.Target("GetIpForwardTable2 peak RSS, whole process (median of rounds)", oursRss, 200, atMost: true, "MB");

        BestRoutes(best, ns, peers, options);
        return [largest, scaling, best];
    }

    /// <summary>The expected duration on a quiet 2-CPU machine: a model of each reader's cost per route, fitted to earlier runs.</summary>
    public static TimeSpan Estimate(ReportOptions options)
    {
        var seconds = 0.0;
        var previous = 0;
        foreach (var size in options.Sizes)
        {
            var k = size / 1000.0;
            seconds += (size - previous) / 200_000.0;
            previous = size;
            var oursRead = 0.45e-3 * k;
            var ours = 0.3 + Math.Min(3, 30 * oursRead) + options.Runs * oursRead;
            var c = 0.01 + (options.Runs + 1) * 0.25e-3 * k;
            var go = 0.05 + (RunsAtGo(size, options.Runs) + 1) * 2.1e-3 * k;
            var ip = IpProcesses(size, options.Runs) * (0.005 + 4.3e-3 * k);
            var py = 0.3 + (size >= PyRoute2OneReadFrom ? 1 : options.Runs + 1) * 78e-3 * k;
            seconds += options.Rounds * (ours + c + go + ip) + Math.Min(options.Rounds, PyRoundsAt(size, options.Rounds)) * py;
        }
        var calls = options.Calls;
        seconds += options.Rounds * (1.5 + calls * (15 + 4 + 23) * 1e-6 + IpRouteGetProcesses * 0.006);
        return TimeSpan.FromSeconds(seconds);
    }

    private static Reader[] Readers(Peers peers)
    {
        static string Runs(int runs) => runs.ToString(CultureInfo.InvariantCulture);
        return
        [
            new("IpHelper GetIpForwardTable2", true, r => [.. Shell.Self(), RouteTableChild.Name, Runs(r)]),
            new("C netlink reader", true, r => [peers.RouteDump, Runs(r)]),
            new("Go vishvananda/netlink", true, r => [peers.Go, "dump", Runs(r)]),
            new("pyroute2", true, r => [Peers.Python, Peers.PyRoute2Script, "dump", Runs(r)]),
            new("ip route show", false, _ => ["ip", "route", "show"]),
            new("ip -j route show", false, _ => ["ip", "-j", "route", "show"]),
        ];
    }

    /// <summary>One reader in one round: a library reader's own median, or <c>ip</c>'s median process wall time.</summary>
    private static Sample Measure(BenchNamespace ns, Peers peers, Reader reader, int size, int runs)
    {
        Sample sample;
        if (reader.Library)
        {
            var measured = Measured.Run(ns, peers, quiet: false, reader.Command(RunsAt(reader, size, runs)));
            sample = new Sample((int)measured["count"], measured["ms"], measured.RssMb);
        }
        else
        {
            var (ms, rss) = Measured.Processes(ns, peers, IpProcesses(size, runs), reader.Command(runs));
            sample = new Sample(0, ms, rss);
        }
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {reader.Name,-30} {sample.Ms,10:0.0} ms {sample.RssMb,8:0.0} MB"));
        return sample;
    }

    /// <summary>The timed reads of a library reader's process at a table size.</summary>
    private static int RunsAt(Reader reader, int size, int runs) => reader.Name switch
    {
        "pyroute2" when size >= PyRoute2OneReadFrom => 1,
        "Go vishvananda/netlink" => RunsAtGo(size, runs),
        _ => runs,
    };

    private static int RunsAtGo(int size, int runs) => size >= FewerRunsFrom ? Math.Min(runs, 3) : runs;

    private static int IpProcesses(int size, int runs) => size >= FewerRunsFrom ? 1 : runs;

    /// <summary>The rounds a reader takes part in at a table size: pyroute2 one from <see cref="PyRoute2OneRoundFrom"/> on.</summary>
    private static int RoundsAt(Reader reader, int size, int rounds) => reader.Name == "pyroute2" ? PyRoundsAt(size, rounds) : rounds;

    private static int PyRoundsAt(int size, int rounds) => size >= PyRoute2OneRoundFrom ? 1 : rounds;

    private static void BestRoutes(Section best, BenchNamespace ns, Peers peers, ReportOptions options)
    {
        var destination = RouteList.Destination(options.LargestSize);
        var calls = options.Calls.ToString(CultureInfo.InvariantCulture);
        var pyCalls = Math.Max(100, options.Calls / 20).ToString(CultureInfo.InvariantCulture);
        best.Note($"One destination ({destination}, a /32 in the table), one process per way and round, average per call after warm-up; " +
            $"{options.Calls:N0} calls ({pyCalls} for pyroute2); `ip route get` is a process per lookup ({IpRouteGetProcesses} per round, median). " +
            $"{options.Rounds} alternating rounds: median (min-max); ratios are the median of the per-round ratios. " +
            "GetBestRoute2 makes two kernel lookups (the route the kernel picks, then the FIB-matched table entry) plus the interface's LUID " +
            "and metric; the C pair (bench/c/route_get_pair.c) makes the same two requests in one sendmsg, its floor; the others make one " +
            "RTM_GETROUTE. System.Net has no best-route API.");
        best.Columns("Way", "Per call", "Per call / C round trip", "Per call / C pair", "Run as (inside the namespace)");
        Console.WriteLine($"best route: {options.Rounds} alternating rounds");
        var ways = new (string Name, string[] Command)[]
        {
            ("IpHelper GetBestRoute2", [.. Shell.Self(), BestRouteChild.Name, destination, calls]),
            ("C RTM_GETROUTE round trip", [peers.RouteGet, destination, calls]),
            ("C pair: the same two requests", [peers.RouteGetPair, destination, calls]),
            ("Go vishvananda/netlink RouteGet", [peers.Go, "get", destination, calls]),
            ("pyroute2 route('get')", [Peers.Python, Peers.PyRoute2Script, "get", destination, pyCalls]),
            ("ip route get (process)", ["ip", "route", "get", destination]),
        };
        var us = Alternating.Run(options.Rounds, ways.Length, (w, _) =>
        {
            var value = w == ways.Length - 1
                ? Measured.Processes(ns, peers, IpRouteGetProcesses, ways[w].Command).Ms * 1000
                : Measured.Run(ns, peers, false, ways[w].Command)["us"];
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {ways[w].Name,-34} {value,10:0.0} us"));
            return value;
        });
        var (c, pair) = (us[1], us[2]);
        for (var w = 0; w < ways.Length; w++)
            best.Row(ways[w].Name, Spread.Of(us[w]).Format("#,0.0", " µs"), Alternating.Ratio(us[w], c).Format("0.00", "x"),
                Alternating.Ratio(us[w], pair).Format("0.00", "x"), $"`{peers.Display(ways[w].Command)}`");
        // Windows semantics need two lookups: the floor is the C program that makes the same two.
        best.Target("GetBestRoute2 per call / C pair (median of rounds)", Alternating.Ratio(us[0], pair).Median, 1.3, atMost: true, "x");
    }

    public static string Command(ReportOptions options) => "sudo bench/run-all.sh" +
        string.Create(CultureInfo.InvariantCulture, $" --sizes {string.Join(',', options.Sizes)} --runs {options.Runs} --rounds {options.Rounds}");
}
