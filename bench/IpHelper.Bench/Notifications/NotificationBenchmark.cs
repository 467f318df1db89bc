using System.Diagnostics;
using System.Globalization;
using System.Net.Sockets;
using IpHelper.Bench.Infrastructure;
using IpHelper.Bench.Routes;

namespace IpHelper.Bench.Notifications;

/// <summary>
/// <c>notifications [--routes N]</c>: N route adds (default 1,000,000, one CreateIpForwardEntries2
/// batch) watched at the same time by NotifyRouteChange2 (normal receive buffer) and by
/// <c>ip monitor route</c>, in one run. Reports events received by each (IpHelper must lose none and
/// need no resync), events per second from the first add, and the drain latency: how long after the
/// last add returned the last event arrived. Needs root.
/// </summary>
internal static class NotificationBenchmark
{
    public static int Run(string[] args)
    {
        var routes = args.Length >= 2 && args[0] == "--routes" ? int.Parse(args[1], CultureInfo.InvariantCulture) : 1_000_000;
        using var ns = new BenchNamespace();
        ns.AddUplink();
        Console.WriteLine($"notifications: {routes:N0} IPv4 route adds in {ns.Name}, watched by NotifyRouteChange2 and ip monitor");
        using var scope = NetNamespace.Enter(ns.Name);
        NetIo.ConvertInterfaceAliasToLuid("v0", out var luid).ThrowIfFailed();
        NetIo.ConvertInterfaceLuidToIndex(luid, out var index).ThrowIfFailed();
        var rows = RouteList.Rows(routes, index);

        var ours = 0;
        long oursLastTicks = 0;
        var oursDone = new ManualResetEventSlim();
        NetIo.NotifyRouteChange2(AddressFamily.InterNetwork, (_, row, type) =>
        {
            if (type != MibNotificationType.MibAddInstance || row is not { } r || r.DestinationPrefix.PrefixLength != 32) return;
            oursLastTicks = Stopwatch.GetTimestamp();
            if (++ours == routes) oursDone.Set();
        }, null, initialNotification: false, out var handle).ThrowIfFailed();

        var monitor = new ProcessStartInfo("ip", ["-n", ns.Name, "monitor", "route"]) { RedirectStandardOutput = true, UseShellExecute = false };
        using var ip = Process.Start(monitor)!;
        var ipLines = 0;
        long ipLastTicks = 0;
        var ipDone = new ManualResetEventSlim();
        var reader = new Thread(() =>
        {
            while (ip.StandardOutput.ReadLine() is { } line)
            {
                if (!line.Contains(RouteList.NextHop, StringComparison.Ordinal) || line.StartsWith("Deleted", StringComparison.Ordinal)) continue;
                ipLastTicks = Stopwatch.GetTimestamp();
                if (++ipLines == routes) ipDone.Set();
            }
        }) { IsBackground = true };
        reader.Start();
        Thread.Sleep(500);

        var results = new NetIoErrorDetail?[routes];
        var start = Stopwatch.GetTimestamp();
        NetIo.CreateIpForwardEntries2(rows, results).ThrowIfFailed();
        var added = Stopwatch.GetTimestamp();
        oursDone.Wait(TimeSpan.FromSeconds(120));
        // ip monitor loses events when its buffer overruns; it gets a little longer, then what it has counts.
        ipDone.Wait(TimeSpan.FromSeconds(10));
        var resyncs = handle!.Resyncs;
        NetIo.CancelMibChangeNotify2(handle);
        ip.Kill();

        double Seconds(long from, long to) => (to - from) / (double)Stopwatch.Frequency;
        var addSeconds = Seconds(start, added);
        Report.Line("route adds", $"{routes:N0} in {addSeconds:0.00} s");
        Report.Line("NotifyRouteChange2 events", $"{ours:N0}, {resyncs} resyncs");
        Report.Line("ip monitor route events", $"{ipLines:N0}");
        Report.Line("NotifyRouteChange2 events/s", $"{ours / Seconds(start, oursLastTicks):N0}");
        Report.Line("ip monitor events/s", $"{ipLines / Seconds(start, ipLastTicks):N0}");
        Report.Line("NotifyRouteChange2 drain latency", Report.Ms(Math.Max(0, Seconds(added, oursLastTicks)) * 1000));
        Report.Line("ip monitor drain latency", Report.Ms(Math.Max(0, Seconds(added, ipLastTicks)) * 1000));
        var report = new Report();
        report.Target("NotifyRouteChange2 events lost", routes - ours, 0, atMost: true, unit: "");
        report.Target("NotifyRouteChange2 resyncs needed", resyncs, 0, atMost: true, unit: "");
        report.Target("IpHelper events/s / ip monitor events/s", ours / Seconds(start, oursLastTicks) / (ipLines / Seconds(start, ipLastTicks)), 1, atMost: false);
        return report.AllMet ? 0 : 1;
    }
}
