using System.Net.Sockets;

namespace IpHelper;

public static partial class NetIo
{
    /// <summary>
    /// Every IPv6 anycast address of the interfaces (RTM_GETANYCAST, or /proc/net/anycast6 on kernels
    /// without that dump): those the kernel joins itself (the subnet-router anycast address of each
    /// prefix on a forwarding interface) and those sockets joined with IPV6_JOIN_ANYCAST, including
    /// the ones <see cref="CreateAnycastIpAddressEntry"/> made. IPv4 has no anycast addresses: AF_INET
    /// gives an empty table. InvalidParameter for a family other than AF_UNSPEC, AF_INET, AF_INET6.
    /// </summary>
    public static NetIoStatus GetAnycastIpAddressTable(AddressFamily family, out MibTable<MibAnycastIpAddressRow>? table)
    {
        table = null;
        var status = CheckAddressTableFamily(family);
        if (status != NetIoStatus.Success) return status;
        status = Record(Backend.GetAnycastAddressTable(family, out table));
        return status == NetIoStatus.Success ? Ok() : status;
    }

    /// <summary>
    /// Fills <paramref name="row"/> for the anycast address <c>row.Address</c> of the interface named by
    /// InterfaceLuid or InterfaceIndex. InvalidParameter: Address is not an IPv4/IPv6 unicast-form
    /// address; FileNotFound: no such interface; NotFound: the interface has no such anycast address;
    /// NotSupported: an IPv4 address.
    /// </summary>
    public static NetIoStatus GetAnycastIpAddressEntry(ref MibAnycastIpAddressRow row)
    {
        if (!IsUnicastAddress(row.Address))
            return Fail(NetIoStatus.InvalidParameter, $"'{row.Address}' is not a valid anycast address", "Address");
        var status = ResolveInterface(row.InterfaceLuid, row.InterfaceIndex, out var identity);
        if (status != NetIoStatus.Success) return status;
        status = Record(Backend.GetAnycastAddress(identity, row.Address, out var found));
        if (status != NetIoStatus.Success) return status;
        row = found;
        return Ok();
    }

    /// <summary>
    /// Makes the interface accept <c>row.Address</c> as an IPv6 anycast address. Linux has anycast
    /// memberships only per socket (IPV6_JOIN_ANYCAST): IpHelper keeps one socket per address it adds,
    /// so the address lasts until <see cref="DeleteAnycastIpAddressEntry"/> or until this process exits
    /// (a Windows anycast address lasts until reboot). On a host (forwarding off) Linux accepts only
    /// addresses inside one of the interface's on-link prefixes. InvalidParameter: not a unicast-form
    /// address, no LUID and no index, a local unicast address, or outside the on-link prefixes;
    /// NotFound: no such interface; NotSupported: IPv4; ObjectAlreadyExists: the interface has it already;
    /// AccessDenied: no CAP_NET_ADMIN. ScopeId is ignored.
    /// </summary>
    public static NetIoStatus CreateAnycastIpAddressEntry(in MibAnycastIpAddressRow row)
    {
        if (!IsUnicastAddress(row.Address))
            return Fail(NetIoStatus.InvalidParameter, $"'{row.Address}' is not a valid anycast address", "Address");
        var status = ResolveAddressWriteInterface(row.InterfaceLuid, row.InterfaceIndex, out var identity);
        if (status != NetIoStatus.Success) return status;
        status = Record(Backend.CreateAnycastAddress(identity, row.Address));
        return status == NetIoStatus.Success ? Ok() : status;
    }

    /// <summary>
    /// Removes an anycast address this process added with <see cref="CreateAnycastIpAddressEntry"/>
    /// (closes its socket). NotSupported for an address the kernel or another socket holds (only the
    /// owner can leave it on Linux) and for IPv4; NotFound when the interface does not exist or has no
    /// such anycast address; InvalidParameter as for Create.
    /// </summary>
    public static NetIoStatus DeleteAnycastIpAddressEntry(in MibAnycastIpAddressRow row)
    {
        if (!IsUnicastAddress(row.Address))
            return Fail(NetIoStatus.InvalidParameter, $"'{row.Address}' is not a valid anycast address", "Address");
        var status = ResolveAddressWriteInterface(row.InterfaceLuid, row.InterfaceIndex, out var identity);
        if (status != NetIoStatus.Success) return status;
        status = Record(Backend.DeleteAnycastAddress(identity, row.Address));
        return status == NetIoStatus.Success ? Ok() : status;
    }
}
