using System.Diagnostics;
using System.Net.Sockets;
using IpHelper.Bench.Infrastructure;
using IpHelper.Bench.Routes;

namespace IpHelper.Bench.Reporting;

/// <summary>
/// The cost of the mirror rule: N IPv4 route adds (one CreateIpForwardEntries2 batch), then
/// N/10 replacements that change the next hop (a Windows key change: MibDeleteInstance +
/// MibAddInstance) and N/10 deletions (one <c>ip -batch</c>), watched by NotifyRouteChange2 with a
/// subscriber that keeps a mirror of the keys; then the managed memory one more registration takes
/// for its view of the table.
/// </summary>
internal static class MirrorFloodWorkload
{
    private const string OtherNextHop = "192.0.2.253";
    private const int IdleSeconds = 5;

    public static Section Run(ReportOptions options)
    {
        var n = options.Flood;
        var changed = n / 10;
        var section = new Section($"Mirror: flood with deletions and replacements, state per row ({n:N0} routes)",
            $"{DumpWorkload.Command(options)} --flood {n} --only mirror");
        section.Note($"{n:N0} IPv4 route adds (one CreateIpForwardEntries2 batch), then {changed:N0} `ip route replace` to another next hop (a key change: delete + add) and {changed:N0} deletions " +
            "(one `ip -batch`, which is slower than the subscriber: that phase's rate is the producer's), into a fresh namespace, watched by NotifyRouteChange2 whose subscriber keeps a mirror of the keys. " +
            "Lost adds = adds the subscriber never saw (a resync reports them too, as adds). Mirror differences = keys that differ from a fresh GetIpForwardTable2 at the end. " +
            "Bytes per row = managed memory one more registration takes (its view) divided by the rows in the table, after a full garbage collection.");
        section.Columns("What", "Value");
        Console.WriteLine($"mirror: {n:N0} adds + {changed:N0} replacements + {changed:N0} deletions");

        using var ns = new BenchNamespace();
        ns.AddUplink();
        using var scope = NetNamespace.Enter(ns.Name);
        var mirror = Keys();
        SockAddrInet.TryParse(RouteList.NextHop, out var firstHop);
        long events = 0, adds = 0, last = 0;
        NetIo.NotifyRouteChange2(AddressFamily.InterNetwork, (_, row, type) =>
        {
            if (row is not { } r || r.DestinationPrefix.PrefixLength != 32) return;
            events++;
            last = Stopwatch.GetTimestamp();
            var key = (r.InterfaceIndex, r.DestinationPrefix, r.NextHop);
            if (type == MibNotificationType.MibDeleteInstance) mirror.Remove(key);
            else mirror.Add(key);
            if (type == MibNotificationType.MibAddInstance && r.NextHop == firstHop) adds++;
        }, null, initialNotification: false, out var handle).ThrowIfFailed();

        var rows = RouteList.Rows(0, n, RouteList.UplinkIndex());
        var start = Stopwatch.GetTimestamp();
        NetIo.CreateIpForwardEntries2(rows, new NetIoErrorDetail?[n]).ThrowIfFailed();
        Wait(ref events, n);
        var addRate = events / ((last - start) / (double)Stopwatch.Frequency);
        var addEvents = events;

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
        var mixedRate = (events - addEvents) / ((last - second) / (double)Stopwatch.Frequency);

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
        var perRow = (after - before) / (double)tableRows;

        section.Row("Events delivered", Section.Number(events));
        section.Row("Events expected (adds + 2 x replacements + deletions)", Section.Number(expected));
        section.Row("Route adds lost", Section.Number(n - adds));
        section.Row("Resyncs", Section.Number(resyncs));
        section.Row("Mirror differences at the end", Section.Number(differences));
        section.Row("Events/s, adds (first add to last event)", Section.Number(Math.Round(addRate)));
        section.Row("Events/s, replacements and deletions (`ip -batch` bound)", Section.Number(Math.Round(mixedRate)));
        section.Row($"Registration view, bytes per row ({tableRows:N0} rows)", Section.Number(Math.Round(perRow)));
        section.Target("NotifyRouteChange2 route adds lost, with deletions and replacements", n - adds, 0, atMost: true, "");
        section.Target("NotifyRouteChange2 mirror differences", differences, 0, atMost: true, "");
        section.Target("NotifyRouteChange2 events/s, 1,000,000 adds into a mirror", Math.Round(addRate), 100_000, atMost: false, "");
        return section;
    }

    /// <summary>Waits until <paramref name="target"/> events came, or none came for <see cref="IdleSeconds"/>.</summary>
    private static void Wait(ref long events, long target)
    {
        long seen = -1;
        while (Volatile.Read(ref events) < target && Volatile.Read(ref events) != seen)
        {
            seen = Volatile.Read(ref events);
            Thread.Sleep(TimeSpan.FromSeconds(IdleSeconds));
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
