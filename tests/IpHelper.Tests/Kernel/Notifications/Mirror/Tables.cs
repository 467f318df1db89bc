using System.Net.Sockets;
using IpHelper.Linux.Notifications;
using Xunit;

namespace IpHelper.Tests.Kernel.Notifications.Mirror;

/// <summary>
/// The fresh tables the mirrors are compared with, by Windows key. Linux may hold one route key at
/// several metrics (and one IPv4 address at several prefix lengths); Windows cannot, and the
/// notifications report the row with the lowest metric (shortest prefix), so the table is read that way.
/// </summary>
internal static class Tables
{
    public static (uint, IpAddressPrefix, SockAddrInet) RouteKey(MibIpForwardRow2 row) => (row.InterfaceIndex, row.DestinationPrefix, row.NextHop);

    public static (uint, SockAddrInet) AddressKey(MibUnicastIpAddressRow row) => (row.InterfaceIndex, row.Address);

    public static (AddressFamily, uint) IpInterfaceKey(MibIpInterfaceRow row) => (row.Family, row.InterfaceIndex);

    public static Dictionary<(uint, IpAddressPrefix, SockAddrInet), MibIpForwardRow2> Routes()
    {
        Assert.Equal(NetIoStatus.Success, NetIo.GetIpForwardTable2(AddressFamily.Unspecified, out var table));
        using (table)
            return table!.GroupBy(RouteKey).ToDictionary(g => g.Key, g => g.OrderBy(r => r.Metric).ThenBy(r => r.Loopback).First());
    }

    public static Dictionary<(uint, SockAddrInet), MibUnicastIpAddressRow> Addresses()
    {
        Assert.Equal(NetIoStatus.Success, NetIo.GetUnicastIpAddressTable(AddressFamily.Unspecified, out var table));
        using (table)
            return table!.GroupBy(AddressKey).ToDictionary(g => g.Key, g => g.OrderBy(r => r.OnLinkPrefixLength).First());
    }

    public static Dictionary<(AddressFamily, uint), MibIpInterfaceRow> IpInterfaces()
    {
        Assert.Equal(NetIoStatus.Success, NetIo.GetIpInterfaceTable(AddressFamily.Unspecified, out var table));
        using (table)
            return table!.ToDictionary(IpInterfaceKey);
    }

    /// <summary>Equal but for the lifetimes, which count down between two reads.</summary>
    public static bool SameRoute(MibIpForwardRow2 a, MibIpForwardRow2 b)
    {
        a.ValidLifetime = b.ValidLifetime = a.PreferredLifetime = b.PreferredLifetime = 0;
        return RowBytes.Equal(a, b);
    }

    /// <summary>Equal but for the lifetimes, which count down between two reads.</summary>
    public static bool SameAddress(MibUnicastIpAddressRow a, MibUnicastIpAddressRow b)
    {
        a.ValidLifetime = b.ValidLifetime = a.PreferredLifetime = b.PreferredLifetime = 0;
        return RowBytes.Equal(a, b);
    }

    /// <summary>Equal but for ReachableTime, which the kernel draws again every few minutes without a notification.</summary>
    public static bool SameIpInterface(MibIpInterfaceRow a, MibIpInterfaceRow b)
    {
        a.ReachableTime = b.ReachableTime = 0;
        return RowBytes.Equal(a, b);
    }
}
