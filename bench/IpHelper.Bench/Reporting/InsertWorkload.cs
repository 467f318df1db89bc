using System.Globalization;
using IpHelper.Bench.Infrastructure;
using IpHelper.Bench.Routes;

namespace IpHelper.Bench.Reporting;

/// <summary>
/// Route insert batches: the same N IPv4 host routes added into a fresh namespace by each way, in
/// alternating rounds: CreateIpForwardEntries2 (one batch, per-route status), <c>ip -batch</c> on the
/// same list, vishvananda/netlink RouteAdd and pyroute2 route('add') (neither has a batch call: one
/// request and acknowledgement per route). System.Net cannot add routes.
/// </summary>
internal static class InsertWorkload
{
    /// <summary>pyroute2 adds about 7,000 routes/s (15 s per round for 100,000): it takes part in this many rounds.</summary>
    private const int PyRoute2Rounds = 3;

    public static Section Run(ReportOptions options, Peers peers)
    {
        var n = options.Insert;
        var rounds = options.Rounds;
        var pyRounds = Math.Min(rounds, PyRoute2Rounds);
        var count = n.ToString(CultureInfo.InvariantCulture);
        var section = new Section($"Route insert batches, {n:N0} routes", $"{DumpWorkload.Command(options)} --insert {n} --only insert");
        section.Note($"{n:N0} IPv4 host routes (10.x.y.z/32 via 192.0.2.254 dev v0) into a fresh namespace per way and round; rate over the whole list; " +
            $"{rounds} alternating rounds, median (min-max), ratios the median of the per-round ratios. " +
            (pyRounds < rounds ? $"**pyroute2 is capped** at {pyRounds} rounds (about 15 s per round for 100,000 routes). " : "") +
            "Go and pyroute2 have no batch call: one request and acknowledgement per route. System.Net cannot add routes.");
        section.Columns("Way", "Rounds", "Routes/s", "Rate / `ip -batch`", "Run as (inside the namespace)");
        Console.WriteLine($"insert: {n:N0} routes per way, {rounds} alternating rounds");

        var file = RouteList.BatchFile(n);
        List<double>[] rates;
        try
        {
            var ways = new (string Name, Func<double> Rate, int Rounds)[]
            {
                ("IpHelper CreateIpForwardEntries2", () => { using var ns = Fresh(); return RouteList.Load(ns.Name, 0, n); }, rounds),
                ("ip -batch (same list)", () => { using var ns = Fresh(); return n / Shell.Run("ip", ["-n", ns.Name, "-batch", file]).Elapsed.TotalSeconds; }, rounds),
                ("Go vishvananda/netlink RouteAdd", () => { using var ns = Fresh(); return n / Measured.Run(ns, peers, false, peers.Go, "insert", "0", count)["ms"] * 1000; }, rounds),
                ("pyroute2 route('add')", () => { using var ns = Fresh(); return n / Measured.Run(ns, peers, false, Peers.Python, Peers.PyRoute2Script, "insert", "0", count)["ms"] * 1000; }, pyRounds),
            };
            rates = Alternating.Run(rounds, ways.Length, w => ways[w].Rounds, (w, _) =>
            {
                var rate = ways[w].Rate();
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {ways[w].Name,-34} {rate,10:#,0} routes/s"));
                return rate;
            });
        }
        finally
        {
            File.Delete(file);
        }

        var ip = rates[1];
        void Row(int w, string name, string runAs) =>
            section.Row(name, Section.Number(rates[w].Count), Spread.Of(rates[w]).Format("#,0", "", rounds), Alternating.Ratio(rates[w], ip).Format("0.00", "x", rounds), $"`{runAs}`");
        Row(0, "IpHelper CreateIpForwardEntries2", $"IpHelper.Bench report --only insert --insert {n}");
        Row(1, "ip -batch (same list)", "ip -batch FILE");
        Row(2, "Go vishvananda/netlink RouteAdd", $"peer-go insert 0 {n}");
        Row(3, "pyroute2 route('add')", $"/usr/bin/python3 bench/python/peer.py insert 0 {n}");
        section.Target("CreateIpForwardEntries2 rate (median of rounds)", Spread.Of(rates[0]).Median / 1000, 150, atMost: false, "k routes/s");
        section.Target("CreateIpForwardEntries2 / `ip -batch` (median of rounds)", Alternating.Ratio(rates[0], ip).Median, 3, atMost: false, "x");
        return section;
    }

    /// <summary>The expected duration on a quiet 2-CPU machine: each way's rate (fitted to earlier runs) over the list, per round.</summary>
    public static TimeSpan Estimate(ReportOptions options)
    {
        var n = options.Insert;
        var perRound = 0.4 + n / 270_000.0 + n / 35_000.0 + n / 46_000.0;
        return TimeSpan.FromSeconds(options.Rounds * perRound + Math.Min(options.Rounds, PyRoute2Rounds) * (0.5 + n / 6_800.0));
    }

    private static BenchNamespace Fresh()
    {
        var ns = new BenchNamespace();
        ns.AddUplink();
        return ns;
    }
}
