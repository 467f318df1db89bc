using System.Net.Sockets;

namespace IpHelper;

internal partial interface INetIoBackend
{
    /// <summary>Every unicast address of <paramref name="family"/> (Unspecified: both families).</summary>
    BackendResult GetUnicastAddressTable(AddressFamily family, out MibTable<MibUnicastIpAddressRow>? table);

    /// <summary>The unicast address <paramref name="address"/> of the interface, or NotFound.</summary>
    BackendResult GetUnicastAddress(in InterfaceIdentity iface, in SockAddrInet address, out MibUnicastIpAddressRow row);

    /// <summary>Adds a validated row (OnLinkPrefixLength already a real length); ObjectAlreadyExists for a duplicate.</summary>
    BackendResult CreateUnicastAddress(in InterfaceIdentity iface, in MibUnicastIpAddressRow row);

    /// <summary>Changes lifetimes, origins and prefix length of an existing address; NotFound when it does not exist.</summary>
    BackendResult SetUnicastAddress(in InterfaceIdentity iface, in MibUnicastIpAddressRow row);

    /// <summary>Removes the address from the interface; NotFound when it has no such address.</summary>
    BackendResult DeleteUnicastAddress(in InterfaceIdentity iface, in SockAddrInet address);

    /// <summary>Every anycast address of <paramref name="family"/>.</summary>
    BackendResult GetAnycastAddressTable(AddressFamily family, out MibTable<MibAnycastIpAddressRow>? table);

    /// <summary>The anycast address of the interface, or NotFound.</summary>
    BackendResult GetAnycastAddress(in InterfaceIdentity iface, in SockAddrInet address, out MibAnycastIpAddressRow row);

    /// <summary>Makes the interface accept <paramref name="address"/> as an anycast address; ObjectAlreadyExists for a duplicate.</summary>
    BackendResult CreateAnycastAddress(in InterfaceIdentity iface, in SockAddrInet address);

    /// <summary>Removes an anycast address; NotFound when the interface has no such address.</summary>
    BackendResult DeleteAnycastAddress(in InterfaceIdentity iface, in SockAddrInet address);

    /// <summary>Every multicast group joined on an interface, of <paramref name="family"/>.</summary>
    BackendResult GetMulticastAddressTable(AddressFamily family, out MibTable<MibMulticastIpAddressRow>? table);

    /// <summary>The multicast group <paramref name="address"/> of the interface, or NotFound.</summary>
    BackendResult GetMulticastAddress(in InterfaceIdentity iface, in SockAddrInet address, out MibMulticastIpAddressRow row);

    /// <summary>
    /// Pairs every destination (IPv6 or IPv4-mapped, already validated) with its best source and sorts
    /// the pairs best first (RFC 6724).
    /// </summary>
    BackendResult CreateSortedAddressPairs(ReadOnlySpan<SockAddrInet> destinations, out MibTable<SockAddrIn6Pair>? pairs);
}
