using System.Net.Sockets;
using IpHelper.Linux.Netlink;
using IpHelper.Linux.Rtnl;

namespace IpHelper.Linux.Notifications;

/// <summary>
/// Changes of the route table (MIB_IPFORWARD_ROW2, one row per next hop) for NotifyRouteChange2, from
/// RTM_NEWROUTE / RTM_DELROUTE on RTNLGRP_IPV4_ROUTE / RTNLGRP_IPV6_ROUTE, in the tables selected when
/// the registration was made (main and local unless a <see cref="RouteTables"/> scope chose others).
/// A row is known by interface, destination prefix, next hop and metric: Linux, unlike Windows, may
/// hold the same prefix and next hop at several metrics.
/// </summary>
internal sealed class RouteChangeSource(LinuxBackend backend, RouteTableSelection tables)
    : IChangeSource<(uint Index, IpAddressPrefix Prefix, SockAddrInet NextHop, uint Metric), MibIpForwardRow2>
{
    private RouteInterfaceMap? _interfaces;
    private long _interfacesGeneration;

    public string TableName => "Route";

    public uint[] Groups(AddressFamily family) => family switch
    {
        AddressFamily.InterNetwork => [RtnlGroups.RTNLGRP_IPV4_ROUTE],
        AddressFamily.InterNetworkV6 => [RtnlGroups.RTNLGRP_IPV6_ROUTE],
        _ => [RtnlGroups.RTNLGRP_IPV4_ROUTE, RtnlGroups.RTNLGRP_IPV6_ROUTE],
    };

    public NetIoStatus Snapshot(AddressFamily family, Dictionary<(uint, IpAddressPrefix, SockAddrInet, uint), MibIpForwardRow2> view)
    {
        view.Clear();
        var status = backend.GetIpForwardTable(family, tables, out var table);
        if (status != NetIoStatus.Success) return status;
        using (table)
            foreach (ref readonly var row in table!.AsSpan()) view[KeyOf(row)] = row;
        return NetIoStatus.Success;
    }

    public void OnMessage(in NetlinkMessage message, AddressFamily family, ChangeList<(uint, IpAddressPrefix, SockAddrInet, uint), MibIpForwardRow2> changes)
    {
        if (!RouteMessage.IsRouteMessage(message.Type)) return;
        using var rows = new MibTableBuilder<MibIpForwardRow2>();
        using var lease = backend.Context.Sockets.Rent();
        // A flood of route notifications names the same few interfaces: their facts are kept until the
        // namespace's link watch sees a link change (interface metrics are read from the store each time).
        var generation = backend.Context.Links.Generation();
        if (_interfaces is null || generation != _interfacesGeneration)
        {
            _interfaces = new RouteInterfaceMap(backend.Context.Metrics, keepMetrics: false);
            _interfacesGeneration = generation;
        }
        var interfaces = _interfaces;
        var unresolved = 0;
        if (!RouteRowMapper.AppendRows(message, tables, interfaces, rows, ref unresolved)) return;
        if (unresolved > 0 && RouteRowMapper.Resolve(lease.Socket, interfaces, rows, 0).Failed) return;
        for (var i = 0; i < rows.Count; i++)
        {
            ref readonly var row = ref rows[i];
            if (family != AddressFamily.Unspecified && row.DestinationPrefix.Prefix.Family != family) continue;
            if (message.Type == RtnlMessageType.RTM_DELROUTE) changes.Remove(KeyOf(row));
            else changes.Upsert(KeyOf(row), row);
        }
    }

    public bool Equivalent(in MibIpForwardRow2 a, in MibIpForwardRow2 b) =>
        RowBytes.Equal(a, b);

    private static (uint, IpAddressPrefix, SockAddrInet, uint) KeyOf(in MibIpForwardRow2 row) =>
        (row.InterfaceIndex, row.DestinationPrefix, row.NextHop, row.Metric);
}
