using System.Net.Sockets;

namespace IpHelper;

public static partial class NetIo
{
    /// <summary>
    /// OnLinkPrefixLength 255, the "illegal value" InitializeUnicastIpAddressEntry sets: the full length
    /// (32 or 128) in CreateUnicastIpAddressEntry, the current length in SetUnicastIpAddressEntry.
    /// </summary>
    internal const byte OnLinkPrefixLengthUnspecified = 255;

    /// <summary>A lifetime of 0xFFFFFFFF seconds: infinite.</summary>
    internal const uint InfiniteAddressLifetime = 0xFFFFFFFF;

    private static bool IsInetFamily(AddressFamily family) => family is AddressFamily.InterNetwork or AddressFamily.InterNetworkV6;

    /// <summary>Family argument of the Get*Table functions: AF_UNSPEC, AF_INET or AF_INET6.</summary>
    private static NetIoStatus CheckAddressTableFamily(AddressFamily family) =>
        family is AddressFamily.Unspecified || IsInetFamily(family)
            ? NetIoStatus.Success
            : Fail(NetIoStatus.InvalidParameter, $"family {(int)family} is not AF_UNSPEC, AF_INET or AF_INET6", "Family");

    /// <summary>
    /// True for an IPv4 or IPv6 address that can be assigned: not unspecified, not multicast, not the
    /// IPv4 limited broadcast 255.255.255.255, and with a scope id only if it is link-local.
    /// </summary>
    private static bool IsUnicastAddress(in SockAddrInet address)
    {
        if (!IsInetFamily(address.Family) || address.IsUnspecified || !HasValidScope(address)) return false;
        Span<byte> bytes = stackalloc byte[16];
        var length = address.WriteAddressBytes(bytes);
        return length == 4
            ? bytes[0] is < 224 or > 239 && bytes[..4].IndexOfAnyExcept((byte)255) >= 0
            : bytes[0] != 0xFF;
    }

    /// <summary>
    /// False for a scope id on an address that is not IPv6 link-local: it names no zone there and would be
    /// dropped. Every function that takes an address or next hop refuses it with this one check.
    /// </summary>
    private static bool HasValidScope(in SockAddrInet address) => address.ScopeId == 0 || address.IsIPv6LinkLocal;

    /// <summary>True for an IPv4 (224.0.0.0/4) or IPv6 (ff00::/8) multicast address.</summary>
    private static bool IsMulticastAddress(in SockAddrInet address)
    {
        Span<byte> bytes = stackalloc byte[16];
        var length = address.WriteAddressBytes(bytes);
        return length == 4 ? bytes[0] >> 4 == 14 : length == 16 && bytes[0] == 0xFF;
    }

    /// <summary>
    /// The interface of a Create/Set/Delete row: InvalidParameter when neither LUID nor index is set,
    /// NotFound when they name no interface (as the Create/Set/Delete pages document).
    /// </summary>
    private static NetIoStatus ResolveAddressWriteInterface(in NetLuid luid, uint index, out InterfaceIdentity identity)
    {
        identity = default;
        if (luid.IsUnspecified && index == 0)
            return Fail(NetIoStatus.InvalidParameter, "neither InterfaceLuid nor InterfaceIndex is set", "InterfaceLuid");
        return UnknownInterfaceIsNotFound(ResolveInterface(luid, index, out identity));
    }

    /// <summary>
    /// The Create/Set/Delete functions of addresses and routes answer NotFound (1168) where the readers answer
    /// FileNotFound (2) for an interface that does not exist or vanished during the call: Microsoft documents
    /// ERROR_NOT_FOUND for them. The detail is kept.
    /// </summary>
    private static NetIoStatus UnknownInterfaceIsNotFound(NetIoStatus status) =>
        status == NetIoStatus.FileNotFound && LastErrorDetail is { } detail ? Fail(detail with { Status = NetIoStatus.NotFound }) : status;

    /// <summary>A per-row detail of a batch, with an unknown interface answered as <see cref="UnknownInterfaceIsNotFound(NetIoStatus)"/> does.</summary>
    private static NetIoErrorDetail? UnknownInterfaceIsNotFound(NetIoErrorDetail? detail) =>
        detail is { Status: NetIoStatus.FileNotFound } ? detail with { Status = NetIoStatus.NotFound } : detail;
}
