using System.Globalization;
using IpHelper.Bench.Infrastructure;
using IpHelper.Bench.Routes;

namespace IpHelper.Bench.Reporting;

/// <summary>
/// Route table dumps at growing table sizes (IPv4 host routes added with CreateIpForwardEntries2 in
/// one namespace), read by every reader in the same run, then best-route lookups on the largest
/// table. Each reader runs in its own process under <c>measure</c> (peak RSS of the whole process);
/// library readers time their dumps themselves (one warm-up, median of the runs), <c>ip</c> is timed
/// as a process with its output sent to /dev/null.
/// </summary>
internal static class DumpWorkload
{
    private sealed record Reader(string Name, bool Library, Func<int, string[]> Command);

    /// <summary>One point of the plot: a reader at a table size (Rows: what it read, 0 for <c>ip</c>, whose output is discarded).</summary>
    public sealed record Point(string Reader, int Size, int Rows, double Ms, double RssMb);

    public static IEnumerable<Section> Run(ReportOptions options, Peers peers, List<Point> points)
    {
        var readers = Readers(peers);
        var largest = new Section($"Route table dump, {options.LargestSize:N0} IPv4 routes", $"{Command(options)} --only dump");
        largest.Note("GetIpForwardTable2(AF_INET) against the C reader (bench/c/route_dump.c: the same two table-filtered dumps, " +
            "every route decoded into a struct array), vishvananda/netlink `RouteListFiltered` (all tables), pyroute2 " +
            "`get_routes(family=AF_INET)` (kept as a list) and `ip route show` / `ip -j route show` (output to /dev/null). " +
            "System.Net has no routing-table API: nothing to compare with in .NET itself. " +
            "Library readers: median in-process time of the runs after warm-up (IpHelper: until tiered JIT optimized it, at most 3 s; " +
            "the others one call; pyroute2: a single run without warm-up from 100k routes on); " +
            "`ip`: median process wall time. Peak RSS: the whole process (ru_maxrss).");
        largest.Columns("Reader", "Rows", "Time", "Time / C reader", "`ip route show` / reader", "Peak RSS", "Run as (inside the namespace)");
        var scaling = new Section("Route table dump against table size", $"{Command(options)} --only dump");
        scaling.Note("Time (ms) and peak RSS (MB) per reader and table size, measured as in the section above. Plotted in " +
            "[performance-routes.png](performance-routes.png).\n\n![dump time and memory against table size](performance-routes.png)");
        scaling.Columns(["Reader", .. options.Sizes.Select(s => $"{s:N0} routes")]);
        var best = new Section($"Best-route lookups on {options.LargestSize:N0} routes", $"{Command(options)} --only dump");

        using var ns = new BenchNamespace();
        ns.AddUplink();
        var loaded = 0;
        double loadSeconds = 0;
        Dictionary<string, Point> last = [];
        foreach (var size in options.Sizes)
        {
            loadSeconds += (size - loaded) / RouteList.Load(ns.Name, loaded, size - loaded);
            loaded = size;
            Console.WriteLine($"dump: {size:N0} routes");
            last = readers.ToDictionary(r => r.Name, r => Measure(ns, peers, r, size, options.Runs));
            points.AddRange(last.Values);
        }
        foreach (var reader in readers)
            scaling.Row([reader.Name, .. options.Sizes.Select(s => points.First(p => p.Reader == reader.Name && p.Size == s))
                .Select(p => string.Create(CultureInfo.InvariantCulture, $"{p.Ms:#,0.0} ms / {p.RssMb:#,0} MB"))]);

        var c = last["C netlink reader"];
        var ip = last["ip route show"];
        foreach (var reader in readers)
        {
            var p = last[reader.Name];
            largest.Row(reader.Name, reader.Library ? Section.Number(p.Rows) : "", Section.Ms(p.Ms), Section.Number(p.Ms / c.Ms, "x"),
                Section.Number(ip.Ms / p.Ms, "x"), Section.Number(p.RssMb, "MB"), $"`{peers.Display(reader.Command(RunsAt(reader, p.Size, options.Runs)))}`");
        }
        var ours = last["IpHelper GetIpForwardTable2"];
        largest.Note(string.Create(CultureInfo.InvariantCulture,
            $"Loading the {loaded:N0} routes with CreateIpForwardEntries2 (one batch per size step) ran at {loaded / loadSeconds:N0} routes/s."));
        largest.Target("GetIpForwardTable2 time / C reader", ours.Ms / c.Ms, 1.25, atMost: true, "x");
        largest.Target("`ip route show` time / GetIpForwardTable2", ip.Ms / ours.Ms, 1.5, atMost: false, "x");
        largest.Target("GetIpForwardTable2 peak RSS, whole process", ours.RssMb, 200, atMost: true, "MB");

        BestRoutes(best, ns, peers, options);
        return [largest, scaling, best];
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

    private static Point Measure(BenchNamespace ns, Peers peers, Reader reader, int size, int runs)
    {
        Point point;
        if (reader.Library)
        {
            var measured = Measured.Run(ns, peers, quiet: false, reader.Command(RunsAt(reader, size, runs)));
            point = new Point(reader.Name, size, (int)measured["count"], measured["ms"], measured.RssMb);
        }
        else
        {
            var (ms, rss) = Measured.Processes(ns, peers, RunsAt(reader, size, runs), reader.Command(runs));
            point = new Point(reader.Name, size, 0, ms, rss);
        }
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {reader.Name,-30} {point.Ms,10:0.0} ms {point.RssMb,8:0.0} MB"));
        return point;
    }

    /// <summary>
    /// The runs of a reader at a table size: pyroute2 decodes a route in about 0.1 ms, so it reads
    /// once (no warm-up) from 100k routes on, and <c>ip</c> processes run at most 3 times from 300k on.
    /// </summary>
    private static int RunsAt(Reader reader, int size, int runs) =>
        reader.Name == "pyroute2" && size >= 100_000 ? 1 : !reader.Library && size >= 300_000 ? Math.Min(runs, 3) : runs;

    private static void BestRoutes(Section best, BenchNamespace ns, Peers peers, ReportOptions options)
    {
        var destination = RouteList.Destination(options.LargestSize);
        var calls = options.Calls.ToString(CultureInfo.InvariantCulture);
        var pyCalls = Math.Max(100, options.Calls / 20).ToString(CultureInfo.InvariantCulture);
        best.Note($"One destination ({destination}, a /32 in the table), one process per way, average per call after warm-up; " +
            $"{options.Calls:N0} calls ({pyCalls} for pyroute2). GetBestRoute2 makes two kernel lookups (the route the kernel picks, " +
            "then the FIB-matched table entry) plus the interface's LUID and metric; the others make one RTM_GETROUTE. " +
            "System.Net has no best-route API. `ip route get` is a process per lookup.");
        best.Columns("Way", "Per call", "Per call / C round trip", "Run as (inside the namespace)");
        Console.WriteLine("best route");
        var c = Measured.Run(ns, peers, false, peers.RouteGet, destination, calls)["us"];
        var ours = Measured.Run(ns, peers, false, [.. Shell.Self(), BestRouteChild.Name, destination, calls])["us"];
        var go = Measured.Run(ns, peers, false, peers.Go, "get", destination, calls)["us"];
        var py = Measured.Run(ns, peers, false, Peers.Python, Peers.PyRoute2Script, "get", destination, pyCalls)["us"];
        var ip = Measured.Processes(ns, peers, 21, "ip", "route", "get", destination).Ms * 1000;
        void Row(string name, double us, string[] runAs) => best.Row(name, Section.Us(us), Section.Number(us / c, "x"), $"`{peers.Display(runAs)}`");
        Row("IpHelper GetBestRoute2", ours, [.. Shell.Self(), BestRouteChild.Name, destination, calls]);
        Row("C RTM_GETROUTE round trip", c, [peers.RouteGet, destination, calls]);
        Row("Go vishvananda/netlink RouteGet", go, [peers.Go, "get", destination, calls]);
        Row("pyroute2 route('get')", py, [Peers.Python, Peers.PyRoute2Script, "get", destination, pyCalls]);
        Row("ip route get (process)", ip, ["ip", "route", "get", destination]);
        best.Target("GetBestRoute2 per call / C round trip", ours / c, 1.3, atMost: true, "x");
    }

    public static string Command(ReportOptions options) => "sudo bench/run-all.sh" +
        string.Create(CultureInfo.InvariantCulture, $" --sizes {string.Join(',', options.Sizes)} --runs {options.Runs}");
}
