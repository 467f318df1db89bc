using System.Diagnostics;
using System.Globalization;
using System.Net.Sockets;
using IpHelper.Bench.Infrastructure;
using IpHelper.Bench.Routes;

namespace IpHelper.Bench.Reporting;

/// <summary>
/// The cost of the mirror rule: N IPv4 route adds (one CreateIpForwardEntries2 batch), then
/// N/10 replacements that change the next hop (a Windows key change: MibDeleteInstance +
/// MibAddInstance) and N/10 deletions (one <c>ip -batch</c>), watched by NotifyRouteChange2 with a
/// subscriber that keeps a mirror of the keys; then the managed memory one more registration takes
/// for its view of the table. Each round is the whole sequence in a fresh namespace.
/// </summary>
internal static class MirrorFloodWorkload
{
    private const string OtherNextHop = "192.0.2.253";
    private const int IdleSeconds = 5;

    /// <summary>One round's figures.</summary>
    private sealed record Outcome(long Events, long Expected, long LostAdds, long Resyncs, long Differences, double AddRate, double MixedRate, double BytesPerRow, int TableRows);

    public static Section Run(ReportOptions options)
    {
        var n = options.Flood;
        var changed = n / 10;
        var rounds = options.Rounds;
        var section = new Section($"Mirror: flood with deletions and replacements, state per row ({n:N0} routes)",
            $"{DumpWorkload.Command(options)} --flood {n} --only mirror");
        section.Note($"{n:N0} IPv4 route adds (one CreateIpForwardEntries2 batch), then {changed:N0} `ip route replace` to another next hop (a key change: delete + add) and {changed:N0} deletions " +
            "(one `ip -batch`, which is slower than the subscriber: that phase's rate is the producer's), into a fresh namespace, watched by NotifyRouteChange2 whose subscriber keeps a mirror of the keys. " +
            "Lost adds = adds the subscriber never saw (a resync reports them too, as adds). Mirror differences = keys that differ from a fresh GetIpForwardTable2 at the end. " +
            "Bytes per row = managed memory one more registration takes (its view) divided by the rows in the table, after a full garbage collection. " +
            $"{rounds} rounds, each in a fresh namespace: median (min-max); the lost adds and the differences are checked on the worst round, the rate on the median.");
        section.Columns("What", "Value");
        Console.WriteLine($"mirror: {n:N0} adds + {changed:N0} replacements + {changed:N0} deletions, {rounds} rounds");
        var outcomes = Enumerable.Range(0, rounds).Select(_ =>
        {
            var outcome = Round(n, changed);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  {outcome.Events:#,0} events, {outcome.LostAdds} adds lost, {outcome.Differences} differences, {outcome.AddRate:#,0} adds/s, {outcome.BytesPerRow:0} bytes per row"));
            return outcome;
        }).ToList();

        string Of(Func<Outcome, double> figure, string format = "#,0") => Spread.Of(outcomes.Select(figure)).Format(format, "", rounds);
        var addRate = Spread.Of(outcomes.Select(o => o.AddRate));
        section.Row("Events delivered", Of(o => o.Events));
        section.Row("Events expected (adds + 2 x replacements + deletions)", Section.Number(outcomes[0].Expected));
        section.Row("Route adds lost", Of(o => o.LostAdds));
        section.Row("Resyncs", Of(o => o.Resyncs));
        section.Row("Mirror differences at the end", Of(o => o.Differences));
        section.Row("Events/s, adds (first add to last event)", Of(o => o.AddRate));
        section.Row("Events/s, replacements and deletions (`ip -batch` bound)", Of(o => o.MixedRate));
        section.Row($"Registration view, bytes per row ({outcomes[0].TableRows:N0} rows)", Of(o => o.BytesPerRow));
        section.Target("NotifyRouteChange2 route adds lost, with deletions and replacements (worst round)", outcomes.Max(o => o.LostAdds), 0, atMost: true, "");
        section.Target("NotifyRouteChange2 mirror differences (worst round)", outcomes.Max(o => o.Differences), 0, atMost: true, "");
        section.Target("NotifyRouteChange2 events/s, 1,000,000 adds into a mirror (median of rounds)", Math.Round(addRate.Median), 100_000, atMost: false, "");
        return section;
    }

    /// <summary>The expected duration on a quiet 2-CPU machine: per round the adds and their events, the `ip -batch` phase, two table reads.</summary>
    public static TimeSpan Estimate(ReportOptions options)
    {
        var n = options.Flood;
        return TimeSpan.FromSeconds(options.Rounds * (1 + n / 130_000.0 + n / 5 / 35_000.0 + 3 * n / 1_000_000.0));
    }

    private static Outcome Round(int n, int changed)
    {
        using var ns = new BenchNamespace();
        ns.AddUplink();
        using var scope = NetNamespace.Enter(ns.Name);
        var mirror = Keys();
        SockAddrInet.TryParse(RouteList.NextHop, out var firstHop);
        long events = 0, adds = 0, last = 0;
        NetIo.NotifyRouteChange2(AddressFamily.InterNetwork, (_, row, type) =>
        {
            if (row is not { } r || r.DestinationPrefix.PrefixLength != 32) return;
            Interlocked.Increment(ref events);
            Volatile.Write(ref last, Stopwatch.GetTimestamp());
            var key = (r.InterfaceIndex, r.DestinationPrefix, r.NextHop);
            if (type == MibNotificationType.MibDeleteInstance) mirror.Remove(key);
            else mirror.Add(key);
            if (type == MibNotificationType.MibAddInstance && r.NextHop == firstHop) adds++;
        }, null, initialNotification: false, out var handle).ThrowIfFailed();

        var rows = RouteList.Rows(0, n, RouteList.UplinkIndex());
        var start = Stopwatch.GetTimestamp();
        NetIo.CreateIpForwardEntries2(rows, new NetIoErrorDetail?[n]).ThrowIfFailed();
        Wait(ref events, n);
        var addRate = Interlocked.Read(ref events) / ((Volatile.Read(ref last) - start) / (double)Stopwatch.Frequency);
        var addEvents = Interlocked.Read(ref events);

        var batch = Batch(n, changed);
        var second = Stopwatch.GetTimestamp();
        try
        {
            Run("ip", "-n", ns.Name, "-batch", batch);
        }
        finally
        {
            File.Delete(batch);
        }
        var expected = n + 3L * changed;
        Wait(ref events, expected);
        var resyncs = handle!.Resyncs;
        NetIo.CancelMibChangeNotify2(handle);
        var delivered = Interlocked.Read(ref events);
        var mixedRate = (delivered - addEvents) / ((Volatile.Read(ref last) - second) / (double)Stopwatch.Frequency);

        var fresh = Keys();
        var differences = fresh.Count(k => !mirror.Contains(k)) + mirror.Count(k => !fresh.Contains(k));
        NetIo.GetIpForwardTable2(AddressFamily.InterNetwork, out var table).ThrowIfFailed();
        var tableRows = table!.Count;
        table.Dispose();
        mirror.Clear();
        fresh.Clear();
        var before = GC.GetTotalMemory(forceFullCollection: true);
        NetIo.NotifyRouteChange2(AddressFamily.InterNetwork, static (_, _, _) => { }, null, false, out var idle).ThrowIfFailed();
        var after = GC.GetTotalMemory(forceFullCollection: true);
        NetIo.CancelMibChangeNotify2(idle);
        return new Outcome(delivered, expected, n - adds, resyncs, differences, addRate, mixedRate, (after - before) / (double)tableRows, tableRows);
    }

    /// <summary>Waits until <paramref name="target"/> events came, or none came for <see cref="IdleSeconds"/>.</summary>
    private static void Wait(ref long events, long target)
    {
        var seen = Interlocked.Read(ref events);
        var moved = Stopwatch.StartNew();
        while (seen < target && moved.Elapsed < TimeSpan.FromSeconds(IdleSeconds))
        {
            Thread.Sleep(50);
            var now = Interlocked.Read(ref events);
            if (now != seen) moved.Restart();
            seen = now;
        }
    }

    /// <summary>The /32 route keys of a fresh GetIpForwardTable2 (the subscriber's starting mirror and the final check).</summary>
    private static HashSet<(uint, IpAddressPrefix, SockAddrInet)> Keys()
    {
        NetIo.GetIpForwardTable2(AddressFamily.InterNetwork, out var table).ThrowIfFailed();
        using (table)
            return table!.Where(r => r.DestinationPrefix.PrefixLength == 32).Select(r => (r.InterfaceIndex, r.DestinationPrefix, r.NextHop)).ToHashSet();
    }

    /// <summary>The replacements and deletions as an <c>ip -batch</c> file; the caller deletes it.</summary>
    private static string Batch(int n, int changed)
    {
        var path = Path.Combine(Path.GetTempPath(), $"iph-bench-mirror-{Environment.ProcessId}.txt");
        using var writer = new StreamWriter(path);
        for (var i = 0; i < changed; i++) writer.WriteLine($"route replace {Destination(i)}/32 via {OtherNextHop} dev v0");
        for (var i = changed; i < 2 * changed; i++) writer.WriteLine($"route del {Destination(i)}/32 via {RouteList.NextHop} dev v0");
        return path;
    }

    private static string Destination(int i) => $"10.{(byte)(i >> 16)}.{(byte)(i >> 8)}.{(byte)i}";

    private static void Run(string file, params string[] arguments)
    {
        using var process = Process.Start(new ProcessStartInfo(file, arguments) { UseShellExecute = false })!;
        process.WaitForExit();
        if (process.ExitCode != 0) throw new InvalidOperationException($"{file} {string.Join(' ', arguments)} exited with {process.ExitCode}");
    }
}
