using System.Globalization;
using System.Net.Sockets;
using System.Text.Json;
using IpHelper.Tests.Kernel.Infrastructure;

namespace IpHelper.Tests.Kernel.Routes;

/// <summary>
/// One route next hop reduced to what both sides can state: interface, prefix, next hop, kernel
/// metric, protocol and table. Built from <c>ip -j route show table all</c> (the oracle) and from rows.
/// </summary>
internal readonly record struct RouteFact(uint InterfaceIndex, string Prefix, string NextHop, uint Metric, NlRouteProtocol Protocol)
{
    public override string ToString() => $"if {InterfaceIndex} {Prefix} via {NextHop} metric {Metric} {Protocol}";

    public static RouteFact Of(MibIpForwardRow2 row) =>
        new(row.InterfaceIndex, row.DestinationPrefix.ToString(), row.NextHop.ToString(), row.Metric, row.Protocol);
}

/// <summary>Reads the routing table with iproute2, the independent oracle of the route tests.</summary>
internal static class RouteOracle
{
    /// <summary>
    /// The next hops <c>ip -j -4|-6 route show table all</c> lists in <paramref name="tables"/> (names
    /// as ip prints them: main, local, or a number), one fact per next hop, with ip's defaults filled in.
    /// </summary>
    public static List<RouteFact> Routes(TestNetns ns, AddressFamily family, params string[] tables)
    {
        var indexes = InterfaceIndexes(ns);
        var facts = new List<RouteFact>();
        var v4 = family == AddressFamily.InterNetwork;
        foreach (var route in ns.IpJson(v4 ? "-4" : "-6", "route", "show", "table", "all").EnumerateArray())
        {
            var table = Text(route, "table") ?? "main";
            if (!tables.Contains(table)) continue;
            var prefix = Prefix(Text(route, "dst")!, v4);
            var metric = route.TryGetProperty("metric", out var m) ? m.GetUInt32() : 0u;
            var protocol = Protocol(Text(route, "protocol") ?? "boot");
            var any = v4 ? "0.0.0.0" : "::";
            if (route.TryGetProperty("nexthops", out var hops))
            {
                foreach (var hop in hops.EnumerateArray())
                    facts.Add(new RouteFact(indexes[Text(hop, "dev")!], prefix, Text(hop, "gateway") ?? any, metric, protocol));
            }
            else
            {
                facts.Add(new RouteFact(indexes[Text(route, "dev") ?? "lo"], prefix, Text(route, "gateway") ?? any, metric, protocol));
            }
        }
        return facts;
    }

    /// <summary>Interface name to ifindex, from <c>ip -j link</c>.</summary>
    public static Dictionary<string, uint> InterfaceIndexes(TestNetns ns) =>
        ns.IpJson("link").EnumerateArray().ToDictionary(l => l.GetProperty("ifname").GetString()!, l => l.GetProperty("ifindex").GetUInt32());

    /// <summary>The routes of <c>ip -j route show</c> for one prefix in the main table, as JSON objects.</summary>
    public static JsonElement[] Show(TestNetns ns, string prefix, string table = "main") =>
        [.. ns.IpJson(prefix.Contains(':') ? "-6" : "-4", "route", "show", "table", table, "exact", prefix).EnumerateArray()];

    public static NlRouteProtocol Protocol(string name) => name switch
    {
        "kernel" => NlRouteProtocol.RouteProtocolLocal,
        "boot" or "static" => NlRouteProtocol.RouteProtocolNetMgmt,
        "redirect" or "ra" => NlRouteProtocol.RouteProtocolIcmp,
        "dhcp" => NlRouteProtocol.RouteProtocolDhcp,
        "bgp" => NlRouteProtocol.RouteProtocolBgp,
        "ospf" => NlRouteProtocol.RouteProtocolOspf,
        "rip" => NlRouteProtocol.RouteProtocolRip,
        "isis" => NlRouteProtocol.RouteProtocolIsIs,
        "eigrp" => NlRouteProtocol.RouteProtocolEigrp,
        _ => NlRouteProtocol.RouteProtocolOther,
    };

    public static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) ? value.ValueKind == JsonValueKind.Number ? value.GetRawText() : value.GetString() : null;

    private static string Prefix(string dst, bool v4)
    {
        if (dst == "default") return v4 ? "0.0.0.0/0" : "::/0";
        return dst.Contains('/') ? dst : dst + (v4 ? "/32" : "/128");
    }

    /// <summary>Sorted text of facts, for an assertion that shows the whole difference.</summary>
    public static string Describe(IEnumerable<RouteFact> facts) =>
        string.Join("\n", facts.Select(f => f.ToString()).Order(StringComparer.Ordinal));

    public static uint Index(TestNetns ns, string device) => InterfaceIndexes(ns)[device];

    public static string Invariant(uint value) => value.ToString(CultureInfo.InvariantCulture);
}
