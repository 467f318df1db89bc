using System.Net.Sockets;
using IpHelper.Linux.Netlink;
using IpHelper.Linux.Rtnl;

namespace IpHelper.Linux;

/// <summary>
/// Turns kernel route messages into MIB_IPFORWARD_ROW2 rows, one per next hop (every choice is in
/// docs/mapping.md). Used by the route table and entry functions, by GetBestRoute2, and meant for the
/// notification engine: <see cref="AppendRows"/> takes any RTM_NEWROUTE or RTM_DELROUTE message.
/// </summary>
internal static class RouteRowMapper
{
    /// <summary>
    /// Appends the rows of one route message that belongs to <paramref name="tables"/> (and is not a
    /// cached clone): one per next hop. Rows on an interface the map does not know get a zero LUID and
    /// the raw kernel priority as Metric, and are counted in <paramref name="unresolved"/>; fix them with
    /// <c>Resolve</c> once the socket is free. Returns false for a malformed route message.
    /// </summary>
    public static bool AppendRows(in NetlinkMessage message, RouteTableSelection tables, RouteInterfaceMap interfaces,
        MibTableBuilder<MibIpForwardRow2> rows, ref int unresolved)
    {
        if (!RouteMessage.TryDecode(message, out var route)) return !RouteMessage.IsRouteMessage(message.Type);
        if (!IsShown(route, tables)) return true;
        if (route.Multipath.IsEmpty)
        {
            // The single next hop without the walk (most routes of a large table).
            var hop = new RouteNextHop(route.Oif, (byte)route.Flags, 1, route.Gateway, route.Via);
            if (!Fill(ref rows.Add(), route, hop, interfaces)) unresolved++;
            return true;
        }
        var hops = route.NextHops;
        while (hops.MoveNext())
        {
            if (!Fill(ref rows.Add(), route, hops.Current, interfaces)) unresolved++;
        }
        return !hops.Malformed;
    }

    /// <summary>True for a route IpHelper lists: IPv4 or IPv6, in a selected table, and not a cached exception.</summary>
    public static bool IsShown(in RouteMessage route, RouteTableSelection tables) =>
        route.AddressLength != 0 && (route.Flags & RouteConstants.RTM_F_CLONED) == 0 && tables.Includes(route.Table);

    /// <summary>
    /// Fills one row from a route and one of its next hops. Returns false when the interface is not in
    /// <paramref name="interfaces"/>: the LUID is then zero and Metric holds the raw priority.
    /// </summary>
    public static bool Fill(ref MibIpForwardRow2 row, in RouteMessage route, in RouteNextHop hop, RouteInterfaceMap interfaces)
    {
        // Every field is written in place: a dump fills a million rows, and building the addresses and the
        // prefix as values to copy into the row cost as much as the rest of the decoding.
        var length = route.AddressLength;
        var unspecified = Unspecified[..length];
        var index = hop.InterfaceIndex != 0 ? hop.InterfaceIndex : interfaces.LoopbackIndex;
        row.InterfaceIndex = (uint)index;
        var destination = route.Dst;
        SockAddrInet.SetAddress(ref row.DestinationPrefix.Prefix, destination.IsEmpty ? unspecified : destination);
        row.DestinationPrefix.PrefixLength = route.DstLen;
        SockAddrInet.SetAddress(ref row.NextHop, NextHopAddress(hop, unspecified));
        row.SitePrefixLength = 0;
        var expires = route.ExpiresTicks;
        var lifetime = expires > 0 ? (uint)((expires + RouteConstants.UserHz - 1) / RouteConstants.UserHz) : uint.MaxValue;
        row.ValidLifetime = lifetime;
        row.PreferredLifetime = lifetime;
        var protocol = route.Protocol;
        row.Protocol = RouteProtocolMap.ToWindows(protocol);
        row.Origin = RouteProtocolMap.Origin(protocol);
        row.Immortal = expires <= 0;
        row.AutoconfigureAddress = false;
        row.Publish = false;
        row.Age = 0;
        var entry = interfaces.Find(index);
        if (entry is null)
        {
            row.Loopback = route.Type == RouteConstants.RTN_LOCAL;
            row.InterfaceLuid = default;
            row.Metric = route.Priority;
            return false;
        }
        row.Loopback = route.Type == RouteConstants.RTN_LOCAL || entry.IsLoopback;
        row.InterfaceLuid = entry.Luid;
        row.Metric = InterfaceMetricRule.Applies(route.Type, protocol, route.NextHopId)
            ? SubtractInterfaceMetric(route.Priority, entry.Metric(length == 4 ? AddressFamily.InterNetwork : AddressFamily.InterNetworkV6))
            : route.Priority;
        return true;
    }

    /// <summary>
    /// Completes a row that <see cref="AppendRows"/> or <see cref="Fill"/> could not resolve: loads its
    /// interface and fills LUID, Loopback and Metric. A row on an interface that is gone keeps a zero LUID.
    /// </summary>
    public static NetlinkError Resolve(NetlinkSocket socket, RouteInterfaceMap interfaces, ref MibIpForwardRow2 row)
    {
        if (!row.InterfaceLuid.IsUnspecified || row.InterfaceIndex == 0) return NetlinkError.None;
        var index = (int)row.InterfaceIndex;
        if (interfaces.Find(index) is null && !interfaces.TryLoad(socket, index, out var error)) return error;
        var entry = interfaces.Find(index)!;
        row.InterfaceLuid = entry.Luid;
        row.Loopback |= entry.IsLoopback;
        if (InterfaceMetricRule.Applies(row)) row.Metric = SubtractInterfaceMetric(row.Metric, entry.Metric(row.DestinationPrefix.Prefix.Family));
        return NetlinkError.None;
    }

    /// <summary>Resolves every unresolved row of <paramref name="rows"/> from index <paramref name="start"/> on.</summary>
    public static NetlinkError Resolve(NetlinkSocket socket, RouteInterfaceMap interfaces, MibTableBuilder<MibIpForwardRow2> rows, int start)
    {
        for (var i = start; i < rows.Count; i++)
        {
            var error = Resolve(socket, interfaces, ref rows[i]);
            if (error.Failed) return error;
        }
        return NetlinkError.None;
    }

    /// <summary>The Windows route Metric: the kernel priority less the interface metric, never below 0.</summary>
    public static uint SubtractInterfaceMetric(uint priority, uint interfaceMetric) =>
        priority > interfaceMetric ? priority - interfaceMetric : 0;

    /// <summary>The row's NextHop for a kernel next hop: its gateway (or RTA_VIA address), or the unspecified address.</summary>
    public static SockAddrInet NextHop(in RouteNextHop hop, ReadOnlySpan<byte> unspecified) => SockAddrInet.FromBytes(NextHopAddress(hop, unspecified));

    /// <summary>The address bytes of <see cref="NextHop"/>.</summary>
    private static ReadOnlySpan<byte> NextHopAddress(in RouteNextHop hop, ReadOnlySpan<byte> unspecified)
    {
        var gateway = hop.Gateway;
        if (gateway.Length == unspecified.Length) return gateway;
        var via = hop.ViaAddress;
        if ((hop.ViaFamily == RouteConstants.AF_INET && via.Length == 4) || (hop.ViaFamily == RouteConstants.AF_INET6 && via.Length == 16))
            return via;
        return unspecified;
    }

    /// <summary>Sixteen zero bytes: the unspecified address of either family.</summary>
    private static ReadOnlySpan<byte> Unspecified => [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0];
}
