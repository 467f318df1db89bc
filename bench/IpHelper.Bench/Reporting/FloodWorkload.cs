using System.Diagnostics;
using System.Globalization;
using System.Net.Sockets;
using IpHelper.Bench.Infrastructure;
using IpHelper.Bench.Routes;

namespace IpHelper.Bench.Reporting;

/// <summary>
/// Notification floods: N route adds (one CreateIpForwardEntries2 batch) into a fresh namespace per
/// watcher, watched by NotifyRouteChange2 (normal receive buffer), <c>ip monitor route</c>,
/// vishvananda/netlink RouteSubscribe and pyroute2 (IPRoute.bind + get). Each watcher has the
/// flood to itself (one at a time), so that watchers do not take CPU from each other. Events per
/// second count from the first add to the watcher's last event (all clocks CLOCK_MONOTONIC).
/// </summary>
internal static class FloodWorkload
{
    private const int IdleSeconds = 5;

    private sealed record Outcome(double Events, long LastNs, string Remark);

    public static Section Run(ReportOptions options, Peers peers)
    {
        var n = options.Flood;
        var section = new Section($"Notification flood, {n:N0} route adds", $"{DumpWorkload.Command(options)} --flood {n} --only flood");
        section.Note($"{n:N0} IPv4 route adds in one CreateIpForwardEntries2 batch, into a fresh namespace for each watcher. " +
            "Lost = adds the watcher never reported (its socket buffer overflowed: ENOBUFS). " +
            "System.Net's NetworkChange has no route events (NetworkAddressChanged reports that something changed, not what): no equivalent.");
        section.Columns("Watcher", "Events received", "Lost", "Events/s", "Events/s / `ip monitor`", "Last event after the adds returned", "Remark");
        Console.WriteLine($"flood: {n:N0} route adds per watcher");

        var results = new List<(string Name, Outcome Outcome, double AddedAtNs, double StartNs)>();
        {
            using var ns = Fresh();
            var (outcome, start, added) = Ours(ns, n);
            results.Add(("IpHelper NotifyRouteChange2", outcome, added, start));
        }
        {
            using var ns = Fresh();
            var (outcome, start, added) = IpMonitor(ns, n);
            results.Add(("ip monitor route", outcome, added, start));
        }
        {
            using var ns = Fresh();
            var (outcome, start, added) = External(ns, n, [peers.Go, "watch", Count(n), Count(IdleSeconds)],
                m => m.Text("ended_by_error") == "true" ? "subscription closed by the library on ENOBUFS" : "");
            results.Add(("Go vishvananda/netlink RouteSubscribe", outcome, added, start));
        }
        {
            using var ns = Fresh();
            var (outcome, start, added) = External(ns, n, [Peers.Python, Peers.PyRoute2Script, "watch", Count(n), Count(IdleSeconds)],
                m => $"{m["overflows"]:0} ENOBUFS overflows");
            results.Add(("pyroute2 bind + get", outcome, added, start));
        }

        double Rate((string Name, Outcome Outcome, double AddedAtNs, double StartNs) r) =>
            r.Outcome.LastNs > r.StartNs ? r.Outcome.Events / ((r.Outcome.LastNs - r.StartNs) / 1e9) : 0;
        var ipRate = Rate(results[1]);
        foreach (var r in results)
            section.Row(r.Name, Section.Number(r.Outcome.Events), Section.Number(n - r.Outcome.Events), Section.Number(Math.Round(Rate(r))),
                Section.Number(Rate(r) / ipRate, "x"),
                r.Outcome.LastNs >= r.AddedAtNs ? Section.Ms((r.Outcome.LastNs - r.AddedAtNs) / 1e6) : "stopped before", r.Outcome.Remark);
        var ours = results[0];
        section.Target("NotifyRouteChange2 events lost", n - ours.Outcome.Events, 0, atMost: true, "");
        return section;
    }

    private static (Outcome, double StartNs, double AddedNs) Ours(BenchNamespace ns, int n)
    {
        using var scope = NetNamespace.Enter(ns.Name);
        var rows = RouteList.Rows(0, n, RouteList.UplinkIndex());
        var events = 0;
        long last = 0;
        var done = new ManualResetEventSlim();
        NetIo.NotifyRouteChange2(AddressFamily.InterNetwork, (_, row, type) =>
        {
            if (type != MibNotificationType.MibAddInstance || row is not { } r || r.DestinationPrefix.PrefixLength != 32) return;
            last = Stopwatch.GetTimestamp();
            if (++events == n) done.Set();
        }, null, initialNotification: false, out var handle).ThrowIfFailed();
        var (start, added) = Add(rows);
        done.Wait(TimeSpan.FromSeconds(120));
        var resyncs = handle!.Resyncs;
        NetIo.CancelMibChangeNotify2(handle);
        return (new Outcome(events, Ns(last), $"{resyncs} resyncs"), start, added);
    }

    private static (Outcome, double StartNs, double AddedNs) IpMonitor(BenchNamespace ns, int n)
    {
        using var scope = NetNamespace.Enter(ns.Name);
        var rows = RouteList.Rows(0, n, RouteList.UplinkIndex());
        using var ip = Process.Start(new ProcessStartInfo("ip", ["-n", ns.Name, "monitor", "route"]) { RedirectStandardOutput = true, UseShellExecute = false })!;
        var lines = 0;
        long last = 0;
        var reader = new Thread(() =>
        {
            while (ip.StandardOutput.ReadLine() is { } line)
            {
                if (!line.Contains(RouteList.NextHop, StringComparison.Ordinal) || line.StartsWith("Deleted", StringComparison.Ordinal)) continue;
                Interlocked.Exchange(ref last, Stopwatch.GetTimestamp());
                Interlocked.Increment(ref lines);
            }
        }) { IsBackground = true };
        reader.Start();
        // ip monitor does not say when it has subscribed.
        Thread.Sleep(500);
        var (start, added) = Add(rows);
        var seen = -1;
        while (Volatile.Read(ref lines) < n && Volatile.Read(ref lines) != seen)
        {
            seen = Volatile.Read(ref lines);
            Thread.Sleep(TimeSpan.FromSeconds(IdleSeconds));
        }
        ip.Kill();
        return (new Outcome(Volatile.Read(ref lines), Ns(Interlocked.Read(ref last)), ""), start, added);
    }

    private static (Outcome, double StartNs, double AddedNs) External(BenchNamespace ns, int n, string[] command, Func<Measured, string> remark)
    {
        using var scope = NetNamespace.Enter(ns.Name);
        var rows = RouteList.Rows(0, n, RouteList.UplinkIndex());
        using var watcher = Process.Start(new ProcessStartInfo("ip", ["netns", "exec", ns.Name, .. command]) { RedirectStandardOutput = true, UseShellExecute = false })!;
        if (watcher.StandardOutput.ReadLine() != "ready") throw new InvalidOperationException($"{command[0]} did not subscribe");
        var (start, added) = Add(rows);
        var output = watcher.StandardOutput.ReadToEnd();
        watcher.WaitForExit();
        var measured = Measured.Parse(output);
        return (new Outcome(measured["events"], (long)measured["last_ns"], remark(measured)), start, added);
    }

    private static (double StartNs, double AddedNs) Add(MibIpForwardRow2[] rows)
    {
        var results = new NetIoErrorDetail?[rows.Length];
        var start = Stopwatch.GetTimestamp();
        NetIo.CreateIpForwardEntries2(rows, results).ThrowIfFailed();
        return (Ns(start), Ns(Stopwatch.GetTimestamp()));
    }

    /// <summary>Stopwatch ticks as CLOCK_MONOTONIC nanoseconds (what Stopwatch reads on Linux), the clock the external watchers print.</summary>
    private static long Ns(long ticks) => (long)(ticks * (1e9 / Stopwatch.Frequency));

    private static string Count(int n) => n.ToString(CultureInfo.InvariantCulture);

    private static BenchNamespace Fresh()
    {
        var ns = new BenchNamespace();
        ns.AddUplink();
        return ns;
    }
}
