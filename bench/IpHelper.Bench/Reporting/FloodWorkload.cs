using System.Diagnostics;
using System.Globalization;
using IpHelper.Bench.Infrastructure;
using IpHelper.Bench.Routes;

namespace IpHelper.Bench.Reporting;

/// <summary>
/// Notification floods on the route tables users have (<see cref="RouteShape"/>): every row of a shape
/// (up to <c>--flood</c>) added in one CreateIpForwardEntries2 batch into a fresh namespace per watcher
/// and round, watched by NotifyRouteChange2 (normal receive buffer), <c>ip monitor route</c>,
/// vishvananda/netlink RouteSubscribe and pyroute2 (IPRoute.bind + get). Each watcher has the flood to
/// itself (one at a time), so that watchers do not take CPU from each other; the watchers alternate
/// (A B C D, D C B A, ...). Events per second count from the first add to the watcher's last event (all
/// clocks CLOCK_MONOTONIC).
/// </summary>
internal static class FloodWorkload
{
    /// <summary>A watcher that saw no event for this long has seen all it will see.</summary>
    private const int IdleSeconds = 5;

    /// <summary>Rounds of the peer watchers: each round of each is a flood of up to a million adds (5-12 s), and the peers lose most events anyway.</summary>
    private const int PeerRounds = 3;

    /// <summary>One watcher in one round: events counted, the first add, the adds' return and the last event (CLOCK_MONOTONIC ns).</summary>
    private sealed record Outcome(double Events, double StartNs, double AddedNs, double LastNs, double Resyncs, bool ClosedByError, double Overflows)
    {
        public double Rate => LastNs > StartNs ? Events / ((LastNs - StartNs) / 1e9) : 0;
    }

    private sealed record Watcher(string Name, string RunAs, Func<BenchNamespace, RouteShape, MibIpForwardRow2[], Outcome> Watch, int Rounds);

    public static Section Run(ReportOptions options, Peers peers)
    {
        var rounds = options.Rounds;
        var peerRounds = Math.Min(rounds, PeerRounds);
        var shapes = options.Shapes.Select(RouteShape.Parse).ToArray();
        var section = new Section("Notification flood on real table shapes", $"{DumpWorkload.Command(options)} --flood {options.Flood}{ShapesWorkload.ShapeOptions(options)} --only flood");
        section.Note("Every row of each shape (up to `--flood`; one row per next hop, an ECMP route is two appends) added in one CreateIpForwardEntries2 batch " +
            "into a fresh namespace for each watcher and round: NotifyRouteChange2 (normal receive buffer), `ip monitor route`, vishvananda/netlink " +
            "RouteSubscribe and pyroute2 IPRoute.bind + get. Shapes: " +
            string.Join("; ", shapes.Select(s => $"**{s.Name}** ({FloodSize(s, options):N0} routes)")) + " (see the route table dump on real table shapes). " +
            $"{rounds} alternating rounds" + (peerRounds < rounds ? $"; **the peers are capped** at {peerRounds} rounds (a round of each is a whole flood, and they lose most events of a large one anyway). " : ". ") +
            "Events: route notifications counted (not `proto kernel`); Lost = adds never reported, worst round (the socket buffer overflowed: ENOBUFS); " +
            "Events/s from the first add to the watcher's last event; median (min-max), ratios the median of the per-round ratios. " +
            "System.Net's NetworkChange has no route events (NetworkAddressChanged reports that something changed, not what): no equivalent.");
        section.Columns("Shape", "Watcher", "Rounds", "Events received", "Lost (worst round)", "Events/s", "Events/s / `ip monitor`",
            "Last event after the adds returned", "Remark", "Run as (inside the namespace)");
        static string Text(int n) => n.ToString(CultureInfo.InvariantCulture);
        foreach (var shape in shapes)
        {
            var routes = shape.Routes(FloodSize(shape, options));
            var rows = shape.Rows(routes, 0);
            var n = rows.Length;
            Console.WriteLine($"flood: {shape.Name}, {n:N0} route adds per watcher, {rounds} alternating rounds");
            var watchers = new Watcher[]
            {
                new("IpHelper NotifyRouteChange2", "IpHelper.Bench report --only flood", Ours, rounds),
                new("ip monitor route", "ip monitor route", IpMonitor, peerRounds),
                new("Go vishvananda/netlink RouteSubscribe", $"peer-go watch {n} {IdleSeconds}",
                    (ns, _, r) => External(ns, r, [peers.Go, "watch", Text(n), Text(IdleSeconds)]), peerRounds),
                new("pyroute2 bind + get", $"/usr/bin/python3 bench/python/peer.py watch {n} {IdleSeconds}",
                    (ns, _, r) => External(ns, r, [Peers.Python, Peers.PyRoute2Script, "watch", Text(n), Text(IdleSeconds)]), peerRounds),
            };
            var outcomes = Alternating.Run(rounds, watchers.Length, w => watchers[w].Rounds, (w, _) =>
            {
                using var ns = new BenchNamespace();
                ns.AddUplink();
                var outcome = watchers[w].Watch(ns, shape, rows);
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"  {watchers[w].Name,-38} {outcome.Events,10:#,0} events {outcome.Rate,10:#,0}/s"));
                return outcome;
            });
            var ip = outcomes[1].Select(o => o.Rate).ToList();
            for (var w = 0; w < watchers.Length; w++)
            {
                var o = outcomes[w];
                var rates = o.Select(x => x.Rate).ToList();
                section.Row($"{shape.Name}, {n:N0} adds", watchers[w].Name, Section.Number(o.Count), Spread.Of(o.Select(x => x.Events)).Format("#,0", "", rounds),
                    Section.Number(n - o.Min(x => x.Events)), Spread.Of(rates).Format("#,0", "", rounds), Alternating.Ratio(rates, ip).Format("0.00", "x", rounds),
                    AfterAdds(o, n),
                    Remark(w, o), $"`{watchers[w].RunAs}`");
            }
            section.Target($"{shape.Name}: NotifyRouteChange2 events lost (worst round)", n - outcomes[0].Min(x => x.Events), 0, atMost: true, "");
        }
        return section;
    }

    /// <summary>The expected duration on a quiet 2-CPU machine: per watcher and round, the adds (~200,000 rows/s) and its tail.</summary>
    public static TimeSpan Estimate(ReportOptions options)
    {
        var seconds = 0.0;
        foreach (var shape in options.Shapes.Select(RouteShape.Parse))
        {
            var rows = FloodSize(shape, options) * (shape == RouteShape.Sequential ? 1.0 : 1.05);
            var adds = rows / 200_000.0;
            seconds += 1 + options.Rounds * (0.3 + rows / 140_000.0)
                // pyroute2 loses events from a few thousand adds on, ip monitor from about 100,000: each then waits out the idle time.
                + Math.Min(options.Rounds, PeerRounds) * (3 * 0.3 + 0.5 + 3 * adds + IdleSeconds + (rows > 100_000 ? IdleSeconds : 0));
        }
        return TimeSpan.FromSeconds(seconds);
    }

    private static int FloodSize(RouteShape shape, ReportOptions options) => Math.Min(options.Flood, ShapesWorkload.SizeOf(shape, options));

    /// <summary>
    /// How long after the adds returned the last event came (median, min-max of the rounds where it came after),
    /// and in how many rounds the watcher had all events, or stopped, before the adds returned.
    /// </summary>
    private static string AfterAdds(List<Outcome> outcomes, int adds)
    {
        var after = outcomes.Where(x => x.LastNs >= x.AddedNs).Select(x => (x.LastNs - x.AddedNs) / 1e6).ToList();
        var parts = new List<string>();
        if (after.Count > 0) parts.Add(Spread.Of(after).Format("#,0.0", " ms", outcomes.Count));
        var all = outcomes.Count(x => x.LastNs < x.AddedNs && x.Events >= adds);
        var stopped = outcomes.Count(x => x.LastNs < x.AddedNs && x.Events < adds);
        if (all > 0) parts.Add($"all events before the adds returned in {all} of {outcomes.Count} rounds");
        if (stopped > 0) parts.Add($"stopped before the adds returned in {stopped} of {outcomes.Count} rounds");
        return string.Join("; ", parts);
    }

    private static string Remark(int watcher, List<Outcome> outcomes) => watcher switch
    {
        0 => $"resyncs {Spread.Of(outcomes.Select(o => o.Resyncs)).Format("0")}",
        2 => $"subscription closed by the library on ENOBUFS in {outcomes.Count(o => o.ClosedByError)} of {outcomes.Count} rounds",
        3 => $"ENOBUFS overflows {Spread.Of(outcomes.Select(o => o.Overflows)).Format("0")}",
        _ => "",
    };

    private static Outcome Ours(BenchNamespace ns, RouteShape shape, MibIpForwardRow2[] rows)
    {
        using var scope = NetNamespace.Enter(ns.Name);
        SetUplink(rows);
        var uplink = rows[0].InterfaceIndex;
        long events = 0;
        long last = 0;
        NetIo.NotifyRouteChange2(shape.Family, (_, row, type) =>
        {
            // The shape's routes all have a gateway on the uplink; the uplink's own routes have none.
            if (type != MibNotificationType.MibAddInstance || row is not { } r || r.InterfaceIndex != uplink || r.NextHop.IsUnspecified) return;
            Volatile.Write(ref last, Stopwatch.GetTimestamp());
            Interlocked.Increment(ref events);
        }, null, initialNotification: false, out var handle).ThrowIfFailed();
        var (start, added) = Add(rows);
        WaitFor(() => Interlocked.Read(ref events), rows.Length);
        var resyncs = handle!.Resyncs;
        NetIo.CancelMibChangeNotify2(handle);
        return new Outcome(Interlocked.Read(ref events), start, added, Ns(Volatile.Read(ref last)), resyncs, false, 0);
    }

    private static Outcome IpMonitor(BenchNamespace ns, RouteShape shape, MibIpForwardRow2[] rows)
    {
        using var scope = NetNamespace.Enter(ns.Name);
        SetUplink(rows);
        using var ip = Process.Start(new ProcessStartInfo("ip", ["-n", ns.Name, "monitor", "route"]) { RedirectStandardOutput = true, UseShellExecute = false })!;
        long lines = 0;
        long last = 0;
        var reader = new Thread(() =>
        {
            while (ip.StandardOutput.ReadLine() is { } line)
            {
                // One line per route message; a multipath route continues on indented nexthop lines.
                if (line.Length == 0 || char.IsWhiteSpace(line[0]) || line.StartsWith("Deleted", StringComparison.Ordinal) ||
                    line.Contains("proto kernel", StringComparison.Ordinal)) continue;
                Interlocked.Exchange(ref last, Stopwatch.GetTimestamp());
                Interlocked.Increment(ref lines);
            }
        }) { IsBackground = true };
        reader.Start();
        // ip monitor does not say when it has subscribed.
        Thread.Sleep(500);
        var (start, added) = Add(rows);
        WaitFor(() => Interlocked.Read(ref lines), rows.Length);
        ip.Kill();
        return new Outcome(Interlocked.Read(ref lines), start, added, Ns(Interlocked.Read(ref last)), 0, false, 0);
    }

    /// <summary>A peer program that subscribes, prints <c>ready</c>, then <c>events=N last_ns=T</c> (and its own remarks) when done.</summary>
    private static Outcome External(BenchNamespace ns, MibIpForwardRow2[] rows, string[] command)
    {
        using var scope = NetNamespace.Enter(ns.Name);
        SetUplink(rows);
        using var watcher = Process.Start(new ProcessStartInfo("ip", ["netns", "exec", ns.Name, .. command]) { RedirectStandardOutput = true, UseShellExecute = false })!;
        if (watcher.StandardOutput.ReadLine() != "ready") throw new InvalidOperationException($"{command[0]} did not subscribe");
        var (start, added) = Add(rows);
        var output = watcher.StandardOutput.ReadToEnd();
        watcher.WaitForExit();
        var m = Measured.Parse(output);
        return new Outcome(m["events"], start, added, m["last_ns"], 0, m.Text("ended_by_error") == "true",
            m.Text("overflows") is { } overflows ? double.Parse(overflows, CultureInfo.InvariantCulture) : 0);
    }

    /// <summary>Waits until <paramref name="count"/> reaches <paramref name="target"/>, or has not moved for <see cref="IdleSeconds"/>.</summary>
    private static void WaitFor(Func<long> count, long target)
    {
        var seen = count();
        var moved = Stopwatch.StartNew();
        while (seen < target && moved.Elapsed < TimeSpan.FromSeconds(IdleSeconds))
        {
            Thread.Sleep(50);
            var now = count();
            if (now != seen) moved.Restart();
            seen = now;
        }
    }

    /// <summary>Points the rows at v0 of the namespace the calling thread is in (each round has a fresh one).</summary>
    private static void SetUplink(MibIpForwardRow2[] rows)
    {
        var index = RouteList.UplinkIndex();
        for (var i = 0; i < rows.Length; i++) rows[i].InterfaceIndex = index;
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
}
