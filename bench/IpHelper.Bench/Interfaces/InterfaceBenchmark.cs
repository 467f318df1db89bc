using System.Diagnostics;
using System.Globalization;
using System.Net.NetworkInformation;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using IpHelper.Bench.Infrastructure;
using static IpHelper.NetIo;

namespace IpHelper.Bench.Interfaces;

/// <summary>
/// The foundation issue's benchmark: every interface with its IPv4 and IPv6 addresses, on 2000 veth
/// interfaces in a namespace, three ways in one run: IpHelper (GetIfTable2 + GetUnicastIpAddressTable,
/// addresses grouped per interface), .NET's NetworkInformation (GetAllNetworkInterfaces, then
/// GetIPProperties().UnicastAddresses and GetIPStatistics() of each), and the two processes
/// `ip -j link` + `ip -j addr` (with their JSON parsed). The measuring runs in a child process under
/// `ip netns exec`, so all three see the namespace: NetworkInformation reads /sys/class/net, which
/// only `ip netns exec` remounts for the namespace.
/// </summary>
internal static class InterfaceBenchmark
{
    public const string ChildName = "interfaces:child";
    private const int Pairs = 1000;

    public static int Run(string[] args)
    {
        using var ns = new BenchNamespace();
        Console.WriteLine($"interfaces: {2 * Pairs} veth interfaces with IPv6 (and 254 with IPv4) addresses in {ns.Name}");
        Shell.RunWithInput("ip", Setup(), ["-n", ns.Name, "-batch", "-"]);
        var (output, _) = Shell.Run("ip", ["netns", "exec", ns.Name, .. Shell.Self(), ChildName]);
        Console.Write(output);
        return output.Contains("NOT MET", StringComparison.Ordinal) ? 1 : 0;
    }

    public static int Child(string[] args)
    {
        const int runs = 5;
        // Each way is warmed up until the .NET code it runs is fully optimized (tiered JIT promotes a
        // method after 30 calls), so the medians compare steady states.
        var ipHelper = Median(3 * runs, IpHelperWay, out var ipHelperCount, warmups: 40);
        var ip = Median(runs, IpWay, out var ipCount, warmups: 2);
        var bcl = Median(3, NetworkInformationWay, out var bclCount, warmups: 2);
        Report.Line("interfaces + addresses seen (IpHelper)", ipHelperCount.ToString(CultureInfo.InvariantCulture));
        Report.Line("interfaces + addresses seen (ip)", ipCount.ToString(CultureInfo.InvariantCulture));
        Report.Line("interfaces + addresses seen (NetworkInformation)", bclCount.ToString(CultureInfo.InvariantCulture));
        Report.Line("IpHelper GetIfTable2 + GetUnicastIpAddressTable", Report.Ms(ipHelper));
        Report.Line("ip -j link + ip -j addr (2 processes)", Report.Ms(ip));
        Report.Line("NetworkInformation (all interfaces)", Report.Ms(bcl));
        var report = new Report();
        Report.Line("(System.Net offers no per-namespace API; NetworkInformation runs here under ip netns exec)", "");
        report.Target("NetworkInformation time / IpHelper", bcl / ipHelper, 100, atMost: false);
        report.Target("IpHelper time / two ip processes", ipHelper / ip, 2, atMost: true);
        // The parent reads the verdict from the output ("NOT MET"); a failing exit would lose it.
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
