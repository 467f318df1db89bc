using System.Diagnostics;
using System.Globalization;
using IpHelper.Bench.Infrastructure;

namespace IpHelper.Bench.Routes;

/// <summary>
/// <c>routes [--routes N] [--runs R] [--calls C]</c>: loads N IPv4 routes (default 1,000,000) into
/// a namespace with CreateIpForwardEntries2 and the same list into another with <c>ip -batch</c>,
/// then compares, in one run, GetIpForwardTable2 (time and peak RSS of a process doing only that)
/// with a C netlink dump reader compiled here with gcc, <c>ip route show</c> and <c>ip -j route show</c>,
/// and GetBestRoute2 with a C RTM_GETROUTE round trip. System.Net has no routing-table API, so it is
/// not in the comparison. Prints every ratio and whether its target is met. Needs root.
/// </summary>
internal static class RouteBenchmark
{
    public static int Run(string[] args)
    {
        var routes = Option(args, "--routes", 1_000_000);
        var runs = Option(args, "--runs", 5);
        var calls = Option(args, "--calls", 20_000);
        if (Environment.UserName != "root")
        {
            Console.Error.WriteLine("routes: needs root (it creates network namespaces)");
            return 2;
        }
        if (!Shell.Exists("gcc"))
        {
            Console.Error.WriteLine("routes: needs gcc to build the C baselines");
            return 2;
        }
        var tools = CompileBaselines();
        try
        {
            return Measure(tools, routes, runs, calls);
        }
        finally
        {
            Directory.Delete(Path.GetDirectoryName(tools.Dump)!, recursive: true);
        }
    }

    private static int Measure((string Dump, string Get) tools, int routes, int runs, int calls)
    {
        var report = new Report();
        Console.WriteLine($"routes: {routes:N0} IPv4 routes, {runs} runs per reader, {calls:N0} GetBestRoute2 calls");
        Console.WriteLine("  (System.Net has no routing-table API: there is nothing to compare with in .NET itself.)");

        using var ours = new BenchNamespace();
        ours.AddUplink();
        double oursRate, ipRate;
        using (var ipBatch = new BenchNamespace())
        {
            ipBatch.AddUplink();
            var file = RouteList.BatchFile(routes);
            try
            {
                var ipTime = Shell.Run("ip", ["-n", ipBatch.Name, "-batch", file]).Elapsed;
                ipRate = routes / ipTime.TotalSeconds;
            }
            finally
            {
                File.Delete(file);
            }
            oursRate = LoadWithIpHelper(ours.Name, routes);
        }
        Console.WriteLine("batch insert");
        Report.Line("CreateIpForwardEntries2", Rate(oursRate));
        Report.Line("ip -batch", Rate(ipRate));
        report.Target("CreateIpForwardEntries2 routes/s (thousands)", oursRate / 1000, 150, atMost: false, unit: "k");
        report.Target("CreateIpForwardEntries2 vs ip -batch", oursRate / ipRate, 3, atMost: false);

        Console.WriteLine("reading the table");
        var (count, cMs) = CReader(ours, tools.Dump, runs);
        var (ourCount, ourMs, peakKb) = OurReader(ours, runs);
        var ipMs = Timed(runs, () => Shell.Run("ip", ["-n", ours.Name, "route", "show"], captureOutput: false).Elapsed);
        var ipJsonMs = Timed(runs, () => Shell.Run("ip", ["-n", ours.Name, "-j", "route", "show"], captureOutput: false).Elapsed);
        Report.Line($"GetIpForwardTable2 ({ourCount:N0} rows)", Report.Ms(ourMs));
        Report.Line($"C netlink dump reader ({count:N0} routes)", Report.Ms(cMs));
        Report.Line("ip route show", Report.Ms(ipMs));
        Report.Line("ip -j route show", Report.Ms(ipJsonMs));
        Report.Line("GetIpForwardTable2 peak RSS (whole process)", string.Create(CultureInfo.InvariantCulture, $"{peakKb / 1024.0,9:0.0} MB"));
        report.Target("GetIpForwardTable2 time / C reader", ourMs / cMs, 1.25, atMost: true);
        report.Target("ip route show time / GetIpForwardTable2", ipMs / ourMs, 1.5, atMost: false);
        report.Target("ip -j route show time / GetIpForwardTable2", ipJsonMs / ourMs, 1.5, atMost: false);
        report.Target("GetIpForwardTable2 peak RSS (MB)", peakKb / 1024.0, 200, atMost: true, unit: " MB");

        Console.WriteLine("best route");
        var destination = RouteList.Destination(routes);
        var cUs = double.Parse(ours.Exec(tools.Get, destination, calls.ToString(CultureInfo.InvariantCulture)).Output.Trim(), CultureInfo.InvariantCulture);
        var ourUs = double.Parse(ours.Exec([.. Shell.Self(), BestRouteChild.Name, destination, calls.ToString(CultureInfo.InvariantCulture)]).Output.Trim(),
            CultureInfo.InvariantCulture);
        Report.Line("GetBestRoute2 per call", string.Create(CultureInfo.InvariantCulture, $"{ourUs,9:0.0} us"));
        Report.Line("C RTM_GETROUTE round trip", string.Create(CultureInfo.InvariantCulture, $"{cUs,9:0.0} us"));
        report.Target("GetBestRoute2 / C round trip", ourUs / cUs, 1.3, atMost: true);

        Console.WriteLine(report.AllMet ? "routes: every target met" : "routes: some targets NOT met");
        return 0;
    }

    private static double LoadWithIpHelper(string namespaceName, int routes)
    {
        using var scope = NetNamespace.Enter(namespaceName);
        NetIo.ConvertInterfaceAliasToLuid("v0", out var luid).ThrowIfFailed();
        NetIo.ConvertInterfaceLuidToIndex(luid, out var index).ThrowIfFailed();
        var rows = RouteList.Rows(routes, index);
        var results = new NetIoErrorDetail?[routes];
        var watch = Stopwatch.StartNew();
        NetIo.CreateIpForwardEntries2(rows, results).ThrowIfFailed();
        return routes / watch.Elapsed.TotalSeconds;
    }

    private static (int Count, double Ms) CReader(BenchNamespace ns, string program, int runs)
    {
        var times = new List<double>();
        var count = 0;
        for (var i = 0; i < runs; i++)
        {
            var fields = ns.Exec(program).Output.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            count = int.Parse(fields[0], CultureInfo.InvariantCulture);
            times.Add(double.Parse(fields[1], CultureInfo.InvariantCulture));
        }
        return (count, Report.Median(times));
    }

    private static (int Count, double Ms, long PeakKb) OurReader(BenchNamespace ns, int runs)
    {
        var fields = ns.Exec([.. Shell.Self(), RouteTableChild.Name, runs.ToString(CultureInfo.InvariantCulture)]).Output
            .Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return (int.Parse(fields[0], CultureInfo.InvariantCulture), double.Parse(fields[1], CultureInfo.InvariantCulture),
            long.Parse(fields[2], CultureInfo.InvariantCulture));
    }

    private static double Timed(int runs, Func<TimeSpan> run)
    {
        var times = new List<double>();
        for (var i = 0; i < runs; i++) times.Add(run().TotalMilliseconds);
        return Report.Median(times);
    }

    /// <summary>Builds bench/c/route_dump.c and route_get.c (copied next to the program) with gcc -O2.</summary>
    private static (string Dump, string Get) CompileBaselines()
    {
        var output = Path.Combine(Path.GetTempPath(), $"iph-bench-{Environment.ProcessId}");
        Directory.CreateDirectory(output);
        var source = Path.Combine(AppContext.BaseDirectory, "c");
        var dump = Path.Combine(output, "route_dump");
        var get = Path.Combine(output, "route_get");
        Shell.Run("gcc", ["-O2", "-o", dump, Path.Combine(source, "route_dump.c")]);
        Shell.Run("gcc", ["-O2", "-o", get, Path.Combine(source, "route_get.c")]);
        return (dump, get);
    }

    private static string Rate(double perSecond) => string.Create(CultureInfo.InvariantCulture, $"{perSecond,9:N0} routes/s");

    private static int Option(string[] args, string name, int fallback)
    {
        var at = Array.IndexOf(args, name);
        return at >= 0 && at + 1 < args.Length ? int.Parse(args[at + 1], CultureInfo.InvariantCulture) : fallback;
    }
}
