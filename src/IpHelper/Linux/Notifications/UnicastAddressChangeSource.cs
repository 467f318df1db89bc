using System.Net.Sockets;
using IpHelper.Linux.Netlink;
using IpHelper.Linux.Rtnl;

namespace IpHelper.Linux.Notifications;

/// <summary>
/// Changes of the unicast address table (MIB_UNICASTIPADDRESS_ROW, known by interface and address)
/// for NotifyUnicastIpAddressChange, from RTM_NEWADDR / RTM_DELADDR on RTNLGRP_IPV4_IFADDR /
/// RTNLGRP_IPV6_IFADDR. DAD finishing, deprecation and lifetime refreshes come as RTM_NEWADDR for an
/// existing address: MibParameterNotification. A deleted link (RTNLGRP_LINK) asks for a rescan. Linux may hold one IPv4 address on one interface with
/// several prefix lengths (Windows cannot): the subscriber is told of the one with the shortest prefix.
/// </summary>
internal sealed class UnicastAddressChangeSource(LinuxBackend backend) : IChangeSource<(uint Index, SockAddrInet Address), MibUnicastIpAddressRow>
{
    public string TableName => "UnicastAddress";

    public uint[] Groups(AddressFamily family) => family switch
    {
        AddressFamily.InterNetwork => [RtnlGroups.RTNLGRP_IPV4_IFADDR, RtnlGroups.RTNLGRP_LINK],
        AddressFamily.InterNetworkV6 => [RtnlGroups.RTNLGRP_IPV6_IFADDR, RtnlGroups.RTNLGRP_LINK],
        _ => [RtnlGroups.RTNLGRP_IPV4_IFADDR, RtnlGroups.RTNLGRP_IPV6_IFADDR, RtnlGroups.RTNLGRP_LINK],
    };

    public BackendResult Read(AddressFamily family, out MibTable<MibUnicastIpAddressRow>? table) =>
        backend.GetUnicastAddressTable(family, out table);

    /// <summary>The Windows key: InterfaceLuid (its NetLuidIndex is the index) and Address.</summary>
    public (uint Index, SockAddrInet Address) GroupOf(in MibUnicastIpAddressRow row) => (row.InterfaceIndex, row.Address);

    public AddressFamily FamilyOf(in MibUnicastIpAddressRow row) => row.Address.Family;

    public bool SameKernelRow(in MibUnicastIpAddressRow a, in MibUnicastIpAddressRow b) => a.OnLinkPrefixLength == b.OnLinkPrefixLength;

    public bool Precedes(in MibUnicastIpAddressRow a, in MibUnicastIpAddressRow b) => a.OnLinkPrefixLength < b.OnLinkPrefixLength;

    public void OnMessage(in NetlinkMessage message, AddressFamily family, ChangeList<MibUnicastIpAddressRow> changes)
    {
        if (message.Type == RtnlMessageType.RTM_DELLINK)
        {
            // The addresses of a deleted link go with it; their RTM_DELADDR may come after the link is
            // gone, when its row can no longer be decoded: the table is re-read and diffed.
            changes.Rescan(family);
            return;
        }
        if (message.Type is not (RtnlMessageType.RTM_NEWADDR or RtnlMessageType.RTM_DELADDR)) return;
        using var lease = backend.Context.Sockets.Rent();
        var socket = lease.Socket;
        // The LUIDs come from the namespace's kept interface facts (a link that changed since is read again).
        var links = backend.Context.Links;
        if (!LinuxBackend.TryDecodeUnicastRow(message, index => links.LuidOf(socket, index), out var row))
            return;
        if (family != AddressFamily.Unspecified && row.Address.Family != family) return;
        if (message.Type == RtnlMessageType.RTM_DELADDR) changes.Remove(row);
        // The link went away after the kernel sent this: its LUID is unknown and the address gone with it.
        else if (row.InterfaceLuid.IsUnspecified) changes.Rescan(row.Address.Family);
        else changes.Upsert(row);
    }

    /// <summary>Rows that differ only in remaining lifetime (it counts down between two reads) are the same.</summary>
    public bool Equivalent(in MibUnicastIpAddressRow a, in MibUnicastIpAddressRow b)
    {
        var x = a;
        var y = b;
        x.ValidLifetime = y.ValidLifetime = 0;
        x.PreferredLifetime = y.PreferredLifetime = 0;
        return RowBytes.Equal(x, y);
    }
}
