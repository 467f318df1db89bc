using System.Net.Sockets;

namespace IpHelper;

public static partial class NetIo
{
    /// <summary>
    /// Every multicast group joined on an interface (by the kernel, such as ff02::1 and 224.0.0.1, or by
    /// sockets), of <paramref name="family"/> (AF_UNSPEC: both). Read from RTM_GETMULTICAST where the
    /// kernel has that dump (IPv6 always, IPv4 since Linux 6.12), else from /proc/net/igmp and igmp6 of
    /// the current namespace. InvalidParameter for a family other than AF_UNSPEC, AF_INET, AF_INET6.
    /// </summary>
    public static NetIoStatus GetMulticastIpAddressTable(AddressFamily family, out MibTable<MibMulticastIpAddressRow>? table)
    {
        table = null;
        var status = CheckAddressTableFamily(family);
        if (status != NetIoStatus.Success) return status;
        status = Record(Backend.GetMulticastAddressTable(family, out table));
        return status == NetIoStatus.Success ? Ok() : status;
    }

    /// <summary>
    /// Fills <paramref name="row"/> for the group <c>row.Address</c> on the interface named by
    /// InterfaceLuid or InterfaceIndex. InvalidParameter: Address is not an IPv4 or IPv6 multicast
    /// address; FileNotFound: no such interface; NotFound: the interface has not joined the group.
    /// </summary>
    public static NetIoStatus GetMulticastIpAddressEntry(ref MibMulticastIpAddressRow row)
    {
        if (!IsInetFamily(row.Address.Family) || !IsMulticastAddress(row.Address))
            return Fail(NetIoStatus.InvalidParameter, $"'{row.Address}' is not a multicast address", "Address");
        var status = ResolveInterface(row.InterfaceLuid, row.InterfaceIndex, out var identity);
        if (status != NetIoStatus.Success) return status;
        status = Record(Backend.GetMulticastAddress(identity, row.Address, out var found));
        if (status != NetIoStatus.Success) return status;
        row = found;
        return Ok();
    }
}
