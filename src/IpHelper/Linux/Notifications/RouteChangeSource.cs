using System.Net.Sockets;
using IpHelper.Linux.Netlink;
using IpHelper.Linux.Rtnl;

namespace IpHelper.Linux.Notifications;

/// <summary>
/// Changes of the route table (MIB_IPFORWARD_ROW2, one row per next hop) for NotifyRouteChange2, from
/// RTM_NEWROUTE / RTM_DELROUTE on RTNLGRP_IPV4_ROUTE / RTNLGRP_IPV6_ROUTE, in the tables selected when
/// the registration was made (main and local unless a <see cref="RouteTables"/> scope chose others).
/// <list type="bullet">
/// <item>A row is known by its Windows key: interface, destination prefix and next hop. Linux may hold
/// the same key at several metrics; the subscriber is told of the lowest (the one the kernel uses), and
/// of a metric change as a MibParameterNotification.</item>
/// <item>RTM_NEWROUTE with NLM_F_REPLACE drops, without a notification of its own, the routes of the
/// same prefix and priority in its table: their rows go with it (MibDeleteInstance unless the new route
/// keeps their key).</item>
/// <item>The kernel removes IPv4 routes silently when their link goes down or is deleted (with every
/// multipath route that has a next hop there) and when an address goes away (its prefix route, the
/// routes using it as source): the registration also listens to RTNLGRP_LINK and the address groups,
/// and a link that is down or deleted, or an address deleted, asks for a rescan of the family. So does
/// an IPv6 address added or changed: its prefix route's expiry follows the address's lifetimes silently.</item>
/// </list>
/// </summary>
internal sealed class RouteChangeSource(LinuxBackend backend, RouteTableSelection tables) : IChangeSource<IpAddressPrefix, MibIpForwardRow2>
{
    private RouteInterfaceMap? _interfaces;

    public string TableName => "Route";

    public uint[] Groups(AddressFamily family) => family switch
    {
        AddressFamily.InterNetwork => [RtnlGroups.RTNLGRP_IPV4_ROUTE, RtnlGroups.RTNLGRP_LINK, RtnlGroups.RTNLGRP_IPV4_IFADDR],
        AddressFamily.InterNetworkV6 => [RtnlGroups.RTNLGRP_IPV6_ROUTE, RtnlGroups.RTNLGRP_LINK, RtnlGroups.RTNLGRP_IPV6_IFADDR],
        _ => [RtnlGroups.RTNLGRP_IPV4_ROUTE, RtnlGroups.RTNLGRP_IPV6_ROUTE, RtnlGroups.RTNLGRP_LINK,
            RtnlGroups.RTNLGRP_IPV4_IFADDR, RtnlGroups.RTNLGRP_IPV6_IFADDR],
    };

    public BackendResult Read(AddressFamily family, out MibTable<MibIpForwardRow2>? table) =>
        backend.GetIpForwardTable(family, tables, out table);

    public IpAddressPrefix GroupOf(in MibIpForwardRow2 row) => row.DestinationPrefix;

    public AddressFamily FamilyOf(in MibIpForwardRow2 row) => row.DestinationPrefix.Prefix.Family;

    /// <summary>Same interface (the LUID's NetLuidIndex) and next hop; the group is the destination prefix.</summary>
    public bool SameWindowsKey(in MibIpForwardRow2 a, in MibIpForwardRow2 b) =>
        a.InterfaceIndex == b.InterfaceIndex && a.NextHop == b.NextHop;

    /// <summary>Same Windows key, metric and kind (a local-table route is Loopback).</summary>
    public bool SameKernelRow(in MibIpForwardRow2 a, in MibIpForwardRow2 b) =>
        SameWindowsKey(a, b) && a.Metric == b.Metric && a.Loopback == b.Loopback;

    public bool Replaces(in MibIpForwardRow2 replacement, in MibIpForwardRow2 old) =>
        old.Metric == replacement.Metric && old.Loopback == replacement.Loopback;

    public bool Precedes(in MibIpForwardRow2 a, in MibIpForwardRow2 b) =>
        a.Metric < b.Metric || (a.Metric == b.Metric && !a.Loopback && b.Loopback);

    public void OnMessage(in NetlinkMessage message, AddressFamily family, ChangeList<MibIpForwardRow2> changes)
    {
        switch (message.Type)
        {
            case RtnlMessageType.RTM_DELLINK:
                changes.Rescan(family);
                return;
            case RtnlMessageType.RTM_NEWLINK:
                if (message.TryReadHeader(out IfInfoMsg link) && (link.Flags & LinkConstants.IFF_UP) == 0) changes.Rescan(family);
                return;
            case RtnlMessageType.RTM_DELADDR:
                if (message.TryReadHeader(out IfAddrMsg removed)) changes.Rescan(removed.Family == RouteConstants.AF_INET ? AddressFamily.InterNetwork : AddressFamily.InterNetworkV6);
                return;
            case RtnlMessageType.RTM_NEWADDR:
                // An IPv6 address added or given new lifetimes changes its prefix route's expiry without a route notification.
                if (message.TryReadHeader(out IfAddrMsg added) && added.Family == RouteConstants.AF_INET6) changes.Rescan(AddressFamily.InterNetworkV6);
                return;
        }
        if (!RouteMessage.IsRouteMessage(message.Type)) return;
        using var rows = new MibTableBuilder<MibIpForwardRow2>();
        using var lease = backend.Context.Sockets.Rent();
        // A flood of route notifications names the same few interfaces: their facts are the namespace's
        // kept ones, good until its link watch sees a link change (interface metrics are read from the store each time).
        var links = backend.Context.Links.Current();
        if (_interfaces is null || _interfaces.Links != links) _interfaces = new RouteInterfaceMap(backend.Context.Metrics, keepMetrics: false, links);
        var interfaces = _interfaces;
        var unresolved = 0;
        if (!RouteRowMapper.AppendRows(message, tables, interfaces, rows, ref unresolved)) return;
        if (unresolved > 0 && RouteRowMapper.Resolve(lease.Socket, interfaces, rows, 0).Failed) return;
        var replace = message.Type == RtnlMessageType.RTM_NEWROUTE && (message.Flags & NetlinkConstants.NLM_F_REPLACE) != 0;
        for (var i = 0; i < rows.Count; i++)
        {
            ref readonly var row = ref rows[i];
            if (family != AddressFamily.Unspecified && row.DestinationPrefix.Prefix.Family != family) continue;
            if (message.Type == RtnlMessageType.RTM_DELROUTE) changes.Remove(row);
            // The interface went away after the kernel sent this: the route is gone with it.
            else if (row.InterfaceLuid.IsUnspecified) changes.Rescan(row.DestinationPrefix.Prefix.Family);
            // The first row of a replacing message drops the old route's next hops; the others are its own.
            else if (replace && i == 0) changes.Replace(row);
            else changes.Upsert(row);
        }
    }

    /// <summary>Rows that differ only in remaining lifetime (it counts down between two reads) are the same.</summary>
    public bool Equivalent(in MibIpForwardRow2 a, in MibIpForwardRow2 b)
    {
        var x = a;
        var y = b;
        x.ValidLifetime = y.ValidLifetime = 0;
        x.PreferredLifetime = y.PreferredLifetime = 0;
        return RowBytes.Equal(x, y);
    }
}
