using System.Diagnostics;
using System.Globalization;
using IpHelper.Bench.Infrastructure;
using IpHelper.Bench.Routes;

namespace IpHelper.Bench.Reporting;

/// <summary>
/// The headline workload: GetIpForwardTable2 against the C reader on the route tables users have
/// (<see cref="RouteShape"/>: sequential host routes, an IPv4 full table, an IPv6 full table), then
/// CreateIpForwardEntries2 against <c>ip -batch</c> (and Go's RouteAppend) on the same shapes; the
/// notification flood on these shapes, with its peers, is <see cref="FloodWorkload"/>.
/// Every figure is the median of <see cref="ReportOptions.Rounds"/> alternating rounds (A B, B A, ...:
/// a drift of the machine's load falls on both sides) with the minimum and maximum beside it; ratios
/// are the median of the per-round ratios. Times are wall time and the reader thread's CPU time
/// (user and kernel: the dump runs in the reader's receive calls), the second one barely moved by load.
/// </summary>
internal static class ShapesWorkload
{
    /// <summary>Bytes of one MIB_IPFORWARD_ROW2.</summary>
    private const int RowBytes = 104;

    public static IEnumerable<Section> Run(ReportOptions options, Peers peers, List<Headline> headlines)
    {
        var shapes = options.Shapes.Select(RouteShape.Parse).ToArray();
        var dump = new Section("Route table dump on real table shapes", $"{DumpWorkload.Command(options)}{ShapeOptions(options)} --only shapes");
        dump.Note("GetIpForwardTable2 (bench `routes:table RUNS 4|6`) against the C reader (bench/c/route_dump.c `RUNS 4|6`: the same two " +
            "table-filtered dumps, every route decoded into a struct array, a new array per read), each a process inside the same namespace " +
            $"doing one warm-up and 9 timed reads (IpHelper: warm-up until tiered JIT optimized it) and printing its median; {options.Rounds} " +
            "alternating rounds. Shapes: " + string.Join("; ", shapes.Select(s => $"**{s.Name}** ({SizeOf(s, options):N0} routes): {s.Description}")) + ". " +
            "Rows: IpHelper's rows (one per next hop); Routes: the C reader's (one per kernel route). Peak RSS is the whole process; " +
            "'above an empty table' subtracts the peak RSS of the same program reading a namespace without routes (the runtime's own memory), " +
            $"compared with the row array the call returns (rows x {RowBytes} bytes).");
        dump.Columns("Shape", "Routes", "Rows", "C reader", "GetIpForwardTable2", "Time / C reader", "C reader CPU", "GetIpForwardTable2 CPU",
            "CPU / C reader", "Peak RSS", "RSS above an empty table / row array");
        var emptyRss = EmptyTableRss(peers);
        foreach (var shape in shapes)
        {
            var size = SizeOf(shape, options);
            Console.WriteLine($"shapes: {shape.Name}, {size:N0} routes");
            using var ns = new BenchNamespace();
            ns.AddUplink();
            var routes = shape.Routes(size);
            Load(ns, shape.LoadFile(routes));
            var c = new List<Measured>();
            var ours = new List<Measured>();
            for (var round = 0; round < options.Rounds; round++)
            {
                Measured C() => Measured.Run(ns, peers, false, peers.RouteDump, "9", shape.Version);
                Measured Ours() => Measured.Run(ns, peers, false, [.. Shell.Self(), RouteTableChild.Name, "9", shape.Version]);
                if (round % 2 == 0) { c.Add(C()); ours.Add(Ours()); }
                else { ours.Add(Ours()); c.Add(C()); }
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"  round {round + 1}: C {c[^1]["ms"]:0.0} ms ({c[^1]["cpu_ms"]:0.0} CPU), IpHelper {ours[^1]["ms"]:0.0} ms ({ours[^1]["cpu_ms"]:0.0} CPU), load {Machine.LoadAverage()}"));
            }
            var rows = (int)ours[0]["count"];
            var wall = Spread.Of(ours.Zip(c, (o, r) => o["ms"] / r["ms"]));
            var cpu = Spread.Of(ours.Zip(c, (o, r) => o["cpu_ms"] / r["cpu_ms"]));
            var rss = ours.Max(o => o.RssMb);
            var array = rows * (double)RowBytes / (1 << 20);
            var memory = (rss - emptyRss) / array;
            dump.Row(shape.Name, Section.Number(c[0]["count"]), Section.Number(rows),
                Spread.Of(c.Select(m => m["ms"])).Format("#,0.0", " ms"), Spread.Of(ours.Select(m => m["ms"])).Format("#,0.0", " ms"), wall.Format("0.00", "x"),
                Spread.Of(c.Select(m => m["cpu_ms"])).Format("#,0.0", " ms"), Spread.Of(ours.Select(m => m["cpu_ms"])).Format("#,0.0", " ms"), cpu.Format("0.00", "x"),
                Section.Number(rss, "MB"), string.Create(CultureInfo.InvariantCulture, $"{rss - emptyRss:0.0} MB / {array:0.0} MB = {memory:0.00}x"));
            dump.Target($"{shape.Name}: GetIpForwardTable2 time / C reader", wall.Median, 1.10, atMost: true, "x");
            dump.Target($"{shape.Name}: GetIpForwardTable2 CPU time / C reader", cpu.Median, 1.10, atMost: true, "x");
            dump.Target($"{shape.Name}: peak RSS above an empty table / row array", memory, 1.3, atMost: true, "x");
            headlines.Add(new Headline($"dump.{shape.Name}.time", $"GetIpForwardTable2 / C reader, {shape.Name} ({size:N0} routes), wall time", wall));
            headlines.Add(new Headline($"dump.{shape.Name}.cpu", $"GetIpForwardTable2 / C reader, {shape.Name} ({size:N0} routes), CPU time", cpu));
        }
        return [dump, Insert(options, peers, shapes, headlines)];
    }

    /// <summary>The options that choose the shapes' tables, for the commands that reproduce a section.</summary>
    public static string ShapeOptions(ReportOptions options) =>
        string.Create(CultureInfo.InvariantCulture, $" --ipv6-size {options.Ipv6Size} --shapes {string.Join(',', options.Shapes)}");

    /// <summary>The table size of a shape: the largest size of the report for IPv4, <c>--ipv6-size</c> for IPv6.</summary>
    public static int SizeOf(RouteShape shape, ReportOptions options) => shape == RouteShape.Ipv6 ? options.Ipv6Size : options.LargestSize;

    /// <summary>The expected duration on a quiet 2-CPU machine: loading each shape with <c>ip -batch</c>, the dump rounds, the insert rounds.</summary>
    public static TimeSpan Estimate(ReportOptions options)
    {
        var seconds = 2.0;
        foreach (var shape in options.Shapes.Select(RouteShape.Parse))
        {
            var size = SizeOf(shape, options);
            var rows = size * (shape == RouteShape.Sequential ? 1.0 : 1.05);
            // Per route and read: the C reader's dump (the BGP-like shape's random prefixes cost twice the sequential ones).
            var read = (shape == RouteShape.Bgp ? 0.55e-6 : 0.25e-6) * rows;
            var dump = 0.3 + 10 * read + Math.Min(3, 30 * read * 1.1) + 9 * read * 1.1;
            var insert = Math.Min(options.Insert, size) * (shape == RouteShape.Sequential ? 1.0 : 1.05);
            seconds += rows / 40_000.0 + options.Rounds * (dump + 0.6 + insert / 270_000.0 + insert / 35_000.0 + insert / 46_000.0);
        }
        return TimeSpan.FromSeconds(seconds);
    }

    private static Section Insert(ReportOptions options, Peers peers, RouteShape[] shapes, List<Headline> headlines)
    {
        var section = new Section("Route insert on real table shapes", $"{DumpWorkload.Command(options)} --insert {options.Insert}{ShapeOptions(options)} --only shapes");
        section.Note($"The first {options.Insert:N0} routes of each shape, one row per next hop (an ECMP route is two appends), into a fresh " +
            $"namespace per way and round: CreateIpForwardEntries2 (one batch, per-route status) against `ip -batch` with one `route append` per row, " +
            $"and vishvananda/netlink RouteAppend of the same rows (one request and acknowledgement each: `peer-go append FILE`); " +
            $"{options.Rounds} alternating rounds, median (min-max), ratios the median of the per-round ratios.");
        section.Columns("Shape", "Rows", "CreateIpForwardEntries2 routes/s", "`ip -batch` routes/s", "Go RouteAppend routes/s", "Rate / `ip -batch`", "Go / `ip -batch`");
        foreach (var shape in shapes)
        {
            var routes = shape.Routes(Math.Min(options.Insert, SizeOf(shape, options)));
            Console.WriteLine($"shapes: insert {shape.Name}, {routes.Count:N0} routes");
            var file = shape.AppendFile(routes);
            var lines = File.ReadLines(file).Count();
            var rows = 0;
            List<double>[] rates;
            try
            {
                double Ours()
                {
                    using var ns = Fresh();
                    using var scope = NetNamespace.Enter(ns.Name);
                    var batch = shape.Rows(routes, RouteList.UplinkIndex());
                    rows = batch.Length;
                    var results = new NetIoErrorDetail?[batch.Length];
                    var watch = Stopwatch.StartNew();
                    NetIo.CreateIpForwardEntries2(batch, results).ThrowIfFailed();
                    return batch.Length / watch.Elapsed.TotalSeconds;
                }
                double Ip()
                {
                    using var ns = Fresh();
                    return lines / Shell.Run("ip", ["-n", ns.Name, "-batch", file]).Elapsed.TotalSeconds;
                }
                double Go()
                {
                    using var ns = Fresh();
                    var measured = Measured.Run(ns, peers, false, peers.Go, "append", file);
                    return measured["count"] / measured["ms"] * 1000;
                }
                Func<double>[] ways = [Ours, Ip, Go];
                string[] names = ["CreateIpForwardEntries2", "ip -batch", "Go RouteAppend"];
                rates = Alternating.Run(options.Rounds, ways.Length, (w, _) =>
                {
                    var rate = ways[w]();
                    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {names[w],-24} {rate,10:#,0} routes/s"));
                    return rate;
                });
            }
            finally
            {
                File.Delete(file);
            }
            var ratio = Alternating.Ratio(rates[0], rates[1]);
            section.Row(shape.Name, Section.Number(rows), Spread.Of(rates[0]).Format("#,0"), Spread.Of(rates[1]).Format("#,0"), Spread.Of(rates[2]).Format("#,0"),
                ratio.Format("0.00", "x"), Alternating.Ratio(rates[2], rates[1]).Format("0.00", "x"));
            section.Target($"{shape.Name}: CreateIpForwardEntries2 / `ip -batch`", ratio.Median, 3, atMost: false, "x");
            headlines.Add(new Headline($"insert.{shape.Name}", $"CreateIpForwardEntries2 / ip -batch, {shape.Name} ({routes.Count:N0} routes)", ratio));
        }
        return section;
    }

    /// <summary>Peak RSS of routes:table in a namespace without routes: the runtime's own memory, to subtract.</summary>
    private static double EmptyTableRss(Peers peers)
    {
        using var ns = new BenchNamespace();
        return Enumerable.Range(0, 3).Max(_ => Measured.Run(ns, peers, false, [.. Shell.Self(), RouteTableChild.Name, "9", "4"]).RssMb);
    }

    private static void Load(BenchNamespace ns, string file)
    {
        try
        {
            ns.Ip("-batch", file);
        }
        finally
        {
            File.Delete(file);
        }
    }

    private static BenchNamespace Fresh()
    {
        var ns = new BenchNamespace();
        ns.AddUplink();
        return ns;
    }
}
