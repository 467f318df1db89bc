using System.Net.Sockets;
using IpHelper.Linux.Netlink;
using IpHelper.Linux.Rtnl;

namespace IpHelper.Linux.Notifications;

/// <summary>
/// Changes of the IP interface table (MIB_IPINTERFACE_ROW, keyed by family and index), for
/// NotifyIpInterfaceChange. A message about interface X on RTNLGRP_LINK (MTU, flags, carrier, a new
/// or deleted link), RTNLGRP_IPV4_NETCONF / RTNLGRP_IPV6_NETCONF (forwarding, rp_filter, ...) or
/// RTNLGRP_IPV6_IFINFO (router advertisement flags, token) re-reads X's rows. Settings the kernel
/// announces nowhere (dad_transmits, accept_ra, the neighbour-table times, ...) are seen with the
/// next message about X or a resynchronisation.
/// </summary>
internal sealed class IpInterfaceChangeSource(LinuxBackend backend) : IChangeSource<(AddressFamily Family, uint Index), MibIpInterfaceRow>
{
    private const ushort NETCONFA_IFINDEX = 1;

    public string TableName => "IpInterface";

    public uint[] Groups(AddressFamily family) => family switch
    {
        AddressFamily.InterNetwork => [RtnlGroups.RTNLGRP_LINK, RtnlGroups.RTNLGRP_IPV4_NETCONF],
        AddressFamily.InterNetworkV6 => [RtnlGroups.RTNLGRP_LINK, RtnlGroups.RTNLGRP_IPV6_NETCONF, RtnlGroups.RTNLGRP_IPV6_IFINFO],
        _ => [RtnlGroups.RTNLGRP_LINK, RtnlGroups.RTNLGRP_IPV4_NETCONF, RtnlGroups.RTNLGRP_IPV6_NETCONF, RtnlGroups.RTNLGRP_IPV6_IFINFO],
    };

    public BackendResult Read(AddressFamily family, out MibTable<MibIpInterfaceRow>? table) =>
        backend.GetIpInterfaceTable(family, out table);

    /// <summary>The Windows key: InterfaceLuid (its NetLuidIndex is the index) and Family.</summary>
    public (AddressFamily Family, uint Index) GroupOf(in MibIpInterfaceRow row) => (row.Family, row.InterfaceIndex);

    public AddressFamily FamilyOf(in MibIpInterfaceRow row) => row.Family;

    public void OnMessage(in NetlinkMessage message, AddressFamily family, ChangeList<MibIpInterfaceRow> changes)
    {
        int index;
        switch (message.Type)
        {
            case RtnlMessageType.RTM_NEWLINK or RtnlMessageType.RTM_DELLINK:
                if (!message.TryReadHeader(out IfInfoMsg link)) return;
                index = link.Index;
                break;
            case RtnlMessageType.RTM_NEWNETCONF or RtnlMessageType.RTM_DELNETCONF:
                index = NetconfInterface(message);
                break;
            default:
                return;
        }
        // Netconf messages for "all" (-1) and "default" (-2) come with one per interface for what changed.
        if (index <= 0) return;
        foreach (var each in Families(family))
        {
            var row = default(MibIpInterfaceRow);
            var status = message.Type == RtnlMessageType.RTM_DELLINK
                ? NetIoStatus.FileNotFound
                : backend.GetIpInterfaceEntry(each, (uint)index, ref row).Status;
            if (status == NetIoStatus.Success) changes.Upsert(row);
            else if (status is NetIoStatus.FileNotFound or NetIoStatus.NotFound) changes.Remove(new MibIpInterfaceRow { Family = each, InterfaceIndex = (uint)index });
        }
    }

    /// <summary>
    /// Equal rows, ignoring ReachableTime: the kernel draws it again (from BaseReachableTime) every few
    /// minutes, which is not a change a subscriber is told about.
    /// </summary>
    public bool Equivalent(in MibIpInterfaceRow a, in MibIpInterfaceRow b)
    {
        var left = a;
        var right = b;
        left.ReachableTime = 0;
        right.ReachableTime = 0;
        return RowBytes.Equal(left, right);
    }

    private static AddressFamily[] Families(AddressFamily family) => family == AddressFamily.Unspecified
        ? [AddressFamily.InterNetwork, AddressFamily.InterNetworkV6]
        : [family];

    /// <summary>NETCONFA_IFINDEX of an RTM_NEWNETCONF (struct netconfmsg: one family byte), or 0.</summary>
    private static int NetconfInterface(in NetlinkMessage message)
    {
        var attributes = message.Attributes(1);
        while (attributes.MoveNext())
            if (attributes.Current.Type == NETCONFA_IFINDEX && attributes.Current.TryGetU32(out var index))
                return (int)index;
        return 0;
    }
}
