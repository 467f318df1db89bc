using System.Diagnostics;
using System.Globalization;
using System.Net.NetworkInformation;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using IpHelper.Bench.Infrastructure;
using static IpHelper.NetIo;

namespace IpHelper.Bench.Reporting;

/// <summary>
/// Every interface with its IPv4 and IPv6 addresses, on 2000 veth interfaces in a namespace: IpHelper
/// (GetIfTable2 + GetUnicastIpAddressTable, addresses grouped per interface), .NET's NetworkInformation
/// (GetAllNetworkInterfaces, then GetIPProperties().UnicastAddresses and GetIPStatistics() of each),
/// the two processes `ip -j link` + `ip -j addr` (JSON parsed), vishvananda/netlink (LinkList +
/// AddrList) and pyroute2 (get_links + get_addr), in alternating rounds, each way a process of its own.
/// The .NET ways run in a child process under `ip netns exec`, so that NetworkInformation, which reads
/// /sys/class/net, sees the namespace too.
/// </summary>
internal static class InterfaceWorkload
{
    public const string ChildName = "interfaces:child";
    private const int Pairs = 1000;

    /// <summary>NetworkInformation takes about 2 s per listing of 2000 interfaces: it runs in this many rounds, one warm-up and one timed call each.</summary>
    private const int NetworkInformationRounds = 3;

    private sealed record Way(string Name, string[] Command, int Rounds);

    public static Section Run(ReportOptions options, Peers peers)
    {
        var rounds = options.Rounds;
        var section = new Section($"{2 * Pairs} interfaces with their addresses", $"{DumpWorkload.Command(options)} --only interfaces");
        var bclRounds = Math.Min(rounds, NetworkInformationRounds);
        section.Note($"{2 * Pairs} veth interfaces (all up), 2000 IPv6 and 254 IPv4 global addresses plus the link-local ones. " +
            $"Each way lists every interface and its addresses, as a process of its own per round; {rounds} alternating rounds, median (min-max), " +
            "ratios the median of the per-round ratios. In a round IpHelper is warmed up with 40 calls (tiered JIT) and times 15, " +
            "`ip` warms up twice and times 5, Go once and 5, pyroute2 once and 3. " +
            $"NetworkInformation does one warm-up and one timed call per round (a listing takes about 2 s){(bclRounds < rounds ? $" and **is capped** at {bclRounds} rounds" : "")}. " +
            "System.Net has no per-namespace API: NetworkInformation runs under `ip netns exec`.");
        section.Columns("Way", "Rounds", "Interfaces + addresses", "Time", "Time / two `ip` processes", "Run as (inside the namespace)");
        using var ns = new BenchNamespace();
        Console.WriteLine($"interfaces: {2 * Pairs} veth interfaces in {ns.Name}, {rounds} alternating rounds");
        Shell.RunWithInput("ip", Setup(), ["-n", ns.Name, "-batch", "-"]);
        Settle(ns);
        var ways = new Way[]
        {
            new("IpHelper GetIfTable2 + GetUnicastIpAddressTable", [.. Shell.Self(), ChildName, "ours"], rounds),
            new("`ip -j link` + `ip -j addr` (2 processes, JSON parsed)", [.. Shell.Self(), ChildName, "ip"], rounds),
            new("NetworkInformation (GetAllNetworkInterfaces + GetIPProperties + GetIPStatistics)", [.. Shell.Self(), ChildName, "bcl"], bclRounds),
            new("Go vishvananda/netlink LinkList + AddrList", [peers.Go, "links", "5"], rounds),
            new("pyroute2 get_links + get_addr", [Peers.Python, Peers.PyRoute2Script, "links", "3"], rounds),
        };
        var measured = Alternating.Run(rounds, ways.Length, w => ways[w].Rounds, (w, _) =>
        {
            var m = Measured.Parse(ns.Exec(ways[w].Command).Output);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {ways[w].Name,-40} {m["ms"],10:0.0} ms"));
            return (Count: m["count"], Ms: m["ms"]);
        });
        List<double> Times(int w) => [.. measured[w].Select(m => m.Ms)];
        var ip = Times(1);
        for (var w = 0; w < ways.Length; w++)
            section.Row(ways[w].Name, Section.Number(measured[w].Count), Section.Number(measured[w][0].Count), Spread.Of(Times(w)).Format("#,0.0", " ms", rounds),
                Alternating.Ratio(Times(w), ip).Format("0.00", "x", rounds), $"`{peers.Display(ways[w].Command)}`");
        section.Target("NetworkInformation time / IpHelper (median of rounds)", Alternating.Ratio(Times(2), Times(0)).Median, 100, atMost: false, "x");
        section.Target("IpHelper time / two `ip` processes (median of rounds)", Alternating.Ratio(Times(0), ip).Median, 2, atMost: true, "x");
        return section;
    }

    /// <summary>The expected duration on a quiet 2-CPU machine: the namespace's setup, then each way's process per round.</summary>
    public static TimeSpan Estimate(ReportOptions options) =>
        TimeSpan.FromSeconds(10 + options.Rounds * (1.0 + 1.3 + 0.3 + 4.3) + Math.Min(options.Rounds, NetworkInformationRounds) * 6.5);

    /// <summary>The child process: one .NET-side way (<c>ours</c>, <c>ip</c> or <c>bcl</c>), printed as <c>count=N ms=MEDIAN</c>.</summary>
    public static int Child(string[] args)
    {
        var (runs, warmups, way) = args[0] switch
        {
            "ours" => (15, 40, (Func<int>)IpHelperWay),
            "ip" => (5, 2, (Func<int>)IpWay),
            "bcl" => (1, 1, (Func<int>)NetworkInformationWay),
            _ => throw new ArgumentException($"unknown way {args[0]}; known: ours, ip, bcl"),
        };
        var ms = Median(runs, way, out var count, warmups);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"count={count} ms={ms:0.000}"));
        return 0;
    }

    /// <summary>
    /// Waits (at most a minute) until no IPv6 address of the namespace is tentative: the link-local addresses of
    /// 2000 interfaces finish duplicate address detection over several seconds, and an address dump that the
    /// kernel's changes interrupt again and again fails (EINTR) instead of measuring a stable table.
    /// </summary>
    private static void Settle(BenchNamespace ns)
    {
        var deadline = DateTime.UtcNow.AddMinutes(1);
        while (ns.Ip("-6", "address", "show", "tentative").Length > 0 && DateTime.UtcNow < deadline) Thread.Sleep(500);
        Thread.Sleep(1000);
    }

    private static string Setup()
    {
        var batch = new StringBuilder("link set lo up\n");
        for (var i = 0; i < Pairs; i++)
        {
            batch.Append(CultureInfo.InvariantCulture, $"link add va{i} type veth peer name vb{i}\n");
            batch.Append(CultureInfo.InvariantCulture, $"link set va{i} up\nlink set vb{i} up\n");
            batch.Append(CultureInfo.InvariantCulture, $"address add 2001:db8:{i:x}::1/64 dev va{i} nodad\n");
            if (i < 254) batch.Append(CultureInfo.InvariantCulture, $"address add 198.51.100.{i + 1}/32 dev va{i}\n");
        }
        return batch.ToString();
    }

    private static int IpHelperWay()
    {
        GetIfTable2(out var interfaces).ThrowIfFailed();
        GetUnicastIpAddressTable(AddressFamily.Unspecified, out var addresses).ThrowIfFailed();
        using (interfaces)
        using (addresses)
        {
            var perInterface = new Dictionary<uint, int>(interfaces!.Count);
            foreach (ref readonly var row in interfaces.AsSpan()) perInterface[row.InterfaceIndex] = 0;
            foreach (ref readonly var address in addresses!.AsSpan())
                if (perInterface.TryGetValue(address.InterfaceIndex, out var n)) perInterface[address.InterfaceIndex] = n + 1;
            return interfaces.Count + addresses.Count;
        }
    }

    private static int IpWay()
    {
        using var links = JsonDocument.Parse(Shell.Run("ip", ["-j", "link"]).Output);
        using var addresses = JsonDocument.Parse(Shell.Run("ip", ["-j", "addr"]).Output);
        var count = links.RootElement.GetArrayLength();
        foreach (var link in addresses.RootElement.EnumerateArray()) count += link.GetProperty("addr_info").GetArrayLength();
        return count;
    }

    private static int NetworkInformationWay()
    {
        var count = 0;
        foreach (var nic in NetworkInterface.GetAllNetworkInterfaces())
        {
            count += 1 + nic.GetIPProperties().UnicastAddresses.Count;
            _ = nic.GetIPStatistics().BytesReceived;
        }
        return count;
    }

    private static double Median(int runs, Func<int> way, out int result, int warmups)
    {
        result = 0;
        for (var i = 0; i < warmups; i++) result = way();
        var samples = new List<double>();
        for (var i = 0; i < runs; i++)
        {
            var watch = Stopwatch.StartNew();
            result = way();
            samples.Add(watch.Elapsed.TotalMilliseconds);
        }
        return Report.Median(samples);
    }
}
