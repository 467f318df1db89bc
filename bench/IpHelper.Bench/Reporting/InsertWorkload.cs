using System.Globalization;
using IpHelper.Bench.Infrastructure;
using IpHelper.Bench.Routes;

namespace IpHelper.Bench.Reporting;

/// <summary>
/// Route insert batches: the same N IPv4 host routes added into a fresh namespace by each way:
/// CreateIpForwardEntries2 (one batch, per-route status), <c>ip -batch</c> on the same list,
/// vishvananda/netlink RouteAdd and pyroute2 route('add') (neither has a batch call: one request
/// and acknowledgement per route). System.Net cannot add routes.
/// </summary>
internal static class InsertWorkload
{
    public static Section Run(ReportOptions options, Peers peers)
    {
        var n = options.Insert;
        var count = n.ToString(CultureInfo.InvariantCulture);
        var section = new Section($"Route insert batches, {n:N0} routes", $"{DumpWorkload.Command(options)} --insert {n} --only insert");
        section.Note($"{n:N0} IPv4 host routes (10.x.y.z/32 via 192.0.2.254 dev v0) into a fresh namespace per way; rate over the whole list. " +
            "Go and pyroute2 have no batch call: one request and acknowledgement per route. System.Net cannot add routes.");
        section.Columns("Way", "Routes/s", "Rate / `ip -batch`", "Run as (inside the namespace)");
        Console.WriteLine($"insert: {n:N0} routes per way");

        double ours;
        using (var ns = Fresh()) ours = RouteList.Load(ns.Name, 0, n);
        double ip;
        var file = RouteList.BatchFile(n);
        try
        {
            using var ns = Fresh();
            ip = n / Shell.Run("ip", ["-n", ns.Name, "-batch", file]).Elapsed.TotalSeconds;
        }
        finally
        {
            File.Delete(file);
        }
        double go, py;
        using (var ns = Fresh()) go = n / Measured.Run(ns, peers, false, peers.Go, "insert", "0", count)["ms"] * 1000;
        using (var ns = Fresh()) py = n / Measured.Run(ns, peers, false, Peers.Python, Peers.PyRoute2Script, "insert", "0", count)["ms"] * 1000;

        void Row(string name, double rate, string runAs) =>
            section.Row(name, Section.Number(Math.Round(rate)), Section.Number(rate / ip, "x"), $"`{runAs}`");
        Row("IpHelper CreateIpForwardEntries2", ours, $"IpHelper.Bench report --only insert --insert {n}");
        Row("ip -batch (same list)", ip, "ip -batch FILE");
        Row("Go vishvananda/netlink RouteAdd", go, $"peer-go insert 0 {n}");
        Row("pyroute2 route('add')", py, $"/usr/bin/python3 bench/python/peer.py insert 0 {n}");
        section.Target("CreateIpForwardEntries2 rate", ours / 1000, 150, atMost: false, "k routes/s");
        section.Target("CreateIpForwardEntries2 / `ip -batch`", ours / ip, 3, atMost: false, "x");
        return section;
    }

    private static BenchNamespace Fresh()
    {
        var ns = new BenchNamespace();
        ns.AddUplink();
        return ns;
    }
}
