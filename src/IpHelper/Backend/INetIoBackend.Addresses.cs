using System.Net.Sockets;

namespace IpHelper;

internal partial interface INetIoBackend
{
    /// <summary>Every unicast address of <paramref name="family"/> (Unspecified: both families).</summary>
    NetIoStatus GetUnicastAddressTable(AddressFamily family, out MibTable<MibUnicastIpAddressRow>? table);

    /// <summary>The unicast address <paramref name="address"/> of the interface, or NotFound.</summary>
    NetIoStatus GetUnicastAddress(in InterfaceIdentity iface, in SockAddrInet address, out MibUnicastIpAddressRow row);

    /// <summary>Adds a validated row (OnLinkPrefixLength already a real length); ObjectAlreadyExists for a duplicate.</summary>
    NetIoStatus CreateUnicastAddress(in InterfaceIdentity iface, in MibUnicastIpAddressRow row);

    /// <summary>Changes lifetimes, origins and prefix length of an existing address; NotFound when it does not exist.</summary>
    NetIoStatus SetUnicastAddress(in InterfaceIdentity iface, in MibUnicastIpAddressRow row);

    /// <summary>Removes the address from the interface; NotFound when it has no such address.</summary>
    NetIoStatus DeleteUnicastAddress(in InterfaceIdentity iface, in SockAddrInet address);

    /// <summary>Every anycast address of <paramref name="family"/>.</summary>
    NetIoStatus GetAnycastAddressTable(AddressFamily family, out MibTable<MibAnycastIpAddressRow>? table);

    /// <summary>The anycast address of the interface, or NotFound.</summary>
    NetIoStatus GetAnycastAddress(in InterfaceIdentity iface, in SockAddrInet address, out MibAnycastIpAddressRow row);

    /// <summary>Makes the interface accept <paramref name="address"/> as an anycast address; ObjectAlreadyExists for a duplicate.</summary>
    NetIoStatus CreateAnycastAddress(in InterfaceIdentity iface, in SockAddrInet address);

    /// <summary>Removes an anycast address; NotFound when the interface has no such address.</summary>
    NetIoStatus DeleteAnycastAddress(in InterfaceIdentity iface, in SockAddrInet address);

    /// <summary>Every multicast group joined on an interface, of <paramref name="family"/>.</summary>
    NetIoStatus GetMulticastAddressTable(AddressFamily family, out MibTable<MibMulticastIpAddressRow>? table);

    /// <summary>The multicast group <paramref name="address"/> of the interface, or NotFound.</summary>
    NetIoStatus GetMulticastAddress(in InterfaceIdentity iface, in SockAddrInet address, out MibMulticastIpAddressRow row);

    /// <summary>
    /// Pairs every destination (IPv6 or IPv4-mapped, already validated) with its best source and sorts
    /// the pairs best first (RFC 6724).
    /// </summary>
    NetIoStatus CreateSortedAddressPairs(ReadOnlySpan<SockAddrInet> destinations, out MibTable<SockAddrIn6Pair>? pairs);
}
