using IpHelper.Tests.Kernel.Infrastructure;

namespace IpHelper.Tests.Objects;

/// <summary>
/// What a refused write must leave alone, read with ip and sysctl: IPv4 routes, addresses and neighbours, the global
/// IPv6 routes of the main table, the IPv6 addresses, link MTUs and v0's DAD transmits. Link flags, carrier and
/// link-local IPv6 state are left out: they move on by themselves while a new veth pair comes up and runs DAD.
/// </summary>
internal static class NamespaceState
{
    public static string Of(TestNetns ns) =>
        string.Join('\n', ns.IpJson("-4", "route", "show", "table", "all").ToString(),
            Addresses(ns), ns.IpJson("-4", "neigh").ToString(),
            string.Join(',', ns.IpJson("-6", "route", "show").EnumerateArray().Select(r => r.GetProperty("dst").GetString()).Where(d => d!.StartsWith("2001:", StringComparison.Ordinal))),
            string.Join(',', ns.IpJson("link").EnumerateArray().Select(l => l.GetProperty("mtu").GetUInt32())),
            ns.Sysctl("net.ipv6.conf.v0.dad_transmits"));

    private static string Addresses(TestNetns ns) =>
        string.Join(',', ns.IpJson("addr").EnumerateArray().SelectMany(l => l.GetProperty("addr_info").EnumerateArray()
            .Where(a => a.GetProperty("scope").GetString() != "link")
            .Select(a => $"{l.GetProperty("ifname").GetString()} {a.GetProperty("local").GetString()}/{a.GetProperty("prefixlen").GetInt32()}")));
}
