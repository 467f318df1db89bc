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
/// AddrList) and pyroute2 (get_links + get_addr). The .NET ways run in a child process under
/// `ip netns exec`, so that NetworkInformation, which reads /sys/class/net, sees the namespace too.
/// </summary>
internal static class InterfaceWorkload
{
    public const string ChildName = "interfaces:child";
    private const int Pairs = 1000;

    public static Section Run(ReportOptions options, Peers peers)
    {
        var section = new Section($"{2 * Pairs} interfaces with their addresses", $"{DumpWorkload.Command(options)} --only interfaces");
        section.Note($"{2 * Pairs} veth interfaces (all up), 2000 IPv6 and 254 IPv4 global addresses plus the link-local ones. " +
            "Each way lists every interface and its addresses. IpHelper is warmed up with 40 calls (tiered JIT), the others twice; " +
            "median of 15 runs (IpHelper), 5 (`ip`, Go, pyroute2), 3 (NetworkInformation). " +
            "System.Net has no per-namespace API: NetworkInformation runs under `ip netns exec`.");
        section.Columns("Way", "Interfaces + addresses", "Time", "Time / two `ip` processes", "Run as (inside the namespace)");
        using var ns = new BenchNamespace();
        Console.WriteLine($"interfaces: {2 * Pairs} veth interfaces in {ns.Name}");
        Shell.RunWithInput("ip", Setup(), ["-n", ns.Name, "-batch", "-"]);
        var child = Measured.Parse(ns.Exec([.. Shell.Self(), ChildName]).Output);
        var go = Measured.Run(ns, peers, false, peers.Go, "links", "5");
        var py = Measured.Run(ns, peers, false, Peers.Python, Peers.PyRoute2Script, "links", "5");
        var ip = child["ip_ms"];
        void Row(string name, double count, double ms, string runAs) =>
            section.Row(name, Section.Number(count), Section.Ms(ms), Section.Number(ms / ip, "x"), $"`{runAs}`");
        Row("IpHelper GetIfTable2 + GetUnicastIpAddressTable", child["ours_count"], child["ours_ms"], $"IpHelper.Bench {ChildName}");
        Row("`ip -j link` + `ip -j addr` (2 processes, JSON parsed)", child["ip_count"], ip, $"IpHelper.Bench {ChildName}");
        Row("NetworkInformation (GetAllNetworkInterfaces + GetIPProperties + GetIPStatistics)", child["bcl_count"], child["bcl_ms"], $"IpHelper.Bench {ChildName}");
        Row("Go vishvananda/netlink LinkList + AddrList", go["count"], go["ms"], "peer-go links 5");
        Row("pyroute2 get_links + get_addr", py["count"], py["ms"], "/usr/bin/python3 bench/python/peer.py links 5");
        section.Target("NetworkInformation time / IpHelper", child["bcl_ms"] / child["ours_ms"], 100, atMost: false, "x");
        section.Target("IpHelper time / two `ip` processes", child["ours_ms"] / ip, 2, atMost: true, "x");
        return section;
    }

    /// <summary>The child process: the three .NET-side ways, printed as key=value figures.</summary>
    public static int Child(string[] args)
    {
        var ours = Median(15, IpHelperWay, out var oursCount, warmups: 40);
        var ip = Median(5, IpWay, out var ipCount, warmups: 2);
        var bcl = Median(3, NetworkInformationWay, out var bclCount, warmups: 2);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"ours_ms={ours:0.000} ours_count={oursCount} ip_ms={ip:0.000} ip_count={ipCount} bcl_ms={bcl:0.000} bcl_count={bclCount}"));
        return 0;
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
