using System.Runtime.InteropServices;

namespace IpHelper;

/// <summary>
/// SOCKADDR_IN6_PAIR: a destination and the source address to use for it, one row of the list
/// <see cref="NetIo.CreateSortedAddressPairs"/> returns. Windows holds two pointers into the same
/// allocation; here the two addresses are stored inline (56 bytes), so the whole list is one array
/// that <see cref="NetIo.FreeMibTable{TRow}(MibTable{TRow}?)"/> releases. Both addresses are IPv6
/// (AF_INET6); IPv4 appears as IPv4-mapped (::ffff:a.b.c.d).
/// </summary>
[StructLayout(LayoutKind.Sequential)]
public struct SockAddrIn6Pair
{
    /// <summary>The source address for <see cref="DestinationAddress"/>; :: when the destination is unreachable or no local address can reach it.</summary>
    public SockAddrInet SourceAddress;

    /// <summary>The destination, exactly as it was given (port, flow information and scope id included).</summary>
    public SockAddrInet DestinationAddress;
}
