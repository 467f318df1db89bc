using System.Net.Sockets;

namespace IpHelper;

public static partial class NetIo
{
    /// <summary>
    /// The path table of <paramref name="family"/> (InterNetwork, InterNetworkV6, or Unspecified for both): one
    /// row per destination Linux keeps state for, that is every route exception (cached path MTU or redirect,
    /// RTM_GETROUTE dump with RTM_F_CLONED) and every tcp_metrics entry (RTT estimates per destination and
    /// source), completed by a route lookup, the neighbour cache and the link. docs/mapping.md gives the source
    /// of every field. NotFound with an empty table when there is no entry, as Windows documents;
    /// InvalidParameter and a null table for any other family.
    /// </summary>
    public static NetIoStatus GetIpPathTable(AddressFamily family, out MibTable<MibIpPathRow>? table)
    {
        table = null;
        var status = CheckTableFamily(family);
        return status == NetIoStatus.Success ? Record(Backend.GetIpPathTable(family, out table)) : status;
    }

    /// <summary>
    /// Fills <paramref name="row"/> with the path entry to its Destination through the interface named by its
    /// InterfaceLuid or, when that is zero, its InterfaceIndex, and from its Source when Source's family is not
    /// Unspecified. InvalidParameter when Destination is not IPv4 or IPv6, Source is of the other family, or both
    /// LUID and index are zero; FileNotFound for an unknown interface; NotFound when Linux keeps no state for
    /// that destination on that interface (no route exception and no tcp_metrics entry). The row is left as it
    /// was on failure.
    /// </summary>
    public static NetIoStatus GetIpPathEntry(ref MibIpPathRow row)
    {
        if (row.Destination.Family is not (AddressFamily.InterNetwork or AddressFamily.InterNetworkV6))
            return Fail(NetIoStatus.InvalidParameter, $"Destination has family {(int)row.Destination.Family}, not AF_INET or AF_INET6", "Destination");
        if (row.Source.Family != AddressFamily.Unspecified && row.Source.Family != row.Destination.Family)
            return Fail(NetIoStatus.InvalidParameter, "Source is neither AF_UNSPEC nor of the family of Destination", "Source");
        if (!HasValidScope(row.Destination) || !HasValidScope(row.Source))
            return Fail(NetIoStatus.InvalidParameter, "a scope id on an address that is not link-local", HasValidScope(row.Destination) ? "Source" : "Destination");
        if (row.InterfaceLuid.IsUnspecified && row.InterfaceIndex == 0)
            return Fail(NetIoStatus.InvalidParameter, "neither InterfaceLuid nor InterfaceIndex is set", "InterfaceLuid");
        var status = ResolveInterface(row.InterfaceLuid, row.InterfaceIndex, out var identity);
        if (status != NetIoStatus.Success) return status;
        status = Record(Backend.GetIpPathEntry(identity, row.Destination, row.Source, ref row));
        return status == NetIoStatus.Success ? Ok() : status;
    }

    /// <summary>
    /// Forgets the path entries of <paramref name="family"/> (Unspecified: both): IPv4 route exceptions through
    /// /proc/sys/net/ipv4/route/flush (Linux cannot delete one IPv4 exception), IPv6 exceptions one by one
    /// (RTM_DELROUTE with RTM_F_CLONED), and the family's tcp_metrics entries. InvalidParameter for another
    /// family; AccessDenied without CAP_NET_ADMIN.
    /// </summary>
    public static NetIoStatus FlushIpPathTable(AddressFamily family)
    {
        var status = CheckTableFamily(family);
        if (status != NetIoStatus.Success) return status;
        status = Record(Backend.FlushIpPathTable(family));
        return status == NetIoStatus.Success ? Ok() : status;
    }
}
