using System.Net.Sockets;

namespace IpHelper;

internal partial interface INetIoBackend
{
    /// <summary>Every route of <paramref name="family"/> (Unspecified: IPv4, then IPv6) in the selected tables, one row per next hop.</summary>
    BackendResult GetIpForwardTable(AddressFamily family, RouteTableSelection tables, out MibTable<MibIpForwardRow2>? table);

    /// <summary>The rows of <see cref="GetIpForwardTable"/>, read batch by batch as the caller asks (NetIo.EnumerateIpForwardTable2); an empty table is an empty source.</summary>
    BackendResult EnumerateIpForwardTable(AddressFamily family, RouteTableSelection tables, out IMibRowSource<MibIpForwardRow2>? rows);

    /// <summary>
    /// Replaces <paramref name="row"/> with the route whose key (InterfaceIndex, DestinationPrefix,
    /// NextHop) it holds, or returns NotFound. The LUID is not consulted: NetIo resolved it to the index.
    /// </summary>
    BackendResult GetIpForwardEntry(RouteTableSelection tables, ref MibIpForwardRow2 row);

    /// <summary>Creates the route of <paramref name="row"/> (validated by NetIo, InterfaceIndex resolved); ObjectAlreadyExists for a key in use.</summary>
    BackendResult CreateIpForwardEntry(RouteTableSelection tables, in MibIpForwardRow2 row);

    /// <summary>Changes the metric, protocol and lifetime of the route with the key of <paramref name="row"/>; NotFound when there is none.</summary>
    BackendResult SetIpForwardEntry(RouteTableSelection tables, in MibIpForwardRow2 row);

    /// <summary>Deletes the route (for a multipath route: the next hop) with the key of <paramref name="row"/>; NotFound when there is none.</summary>
    BackendResult DeleteIpForwardEntry(RouteTableSelection tables, in MibIpForwardRow2 row);

    /// <summary>
    /// Creates many validated routes with few system calls, row i on interface <paramref name="interfaceIndexes"/>[i]
    /// (rows with index 0 are skipped: NetIo already refused them). <paramref name="results"/> receives
    /// one outcome per created row (null for success). Returns a failure only when the kernel could not be asked at all.
    /// </summary>
    BackendResult CreateIpForwardEntries(RouteTableSelection tables, ReadOnlySpan<MibIpForwardRow2> rows, ReadOnlySpan<uint> interfaceIndexes,
        Span<NetIoErrorDetail?> results);

    /// <summary>
    /// The kernel's route to <paramref name="destination"/> (from <paramref name="source"/> and through
    /// <paramref name="interfaceIndex"/> when not 0): the FIB entry as a row and the source address the
    /// kernel would use. NetworkUnreachable when there is none.
    /// </summary>
    BackendResult GetBestRoute(in SockAddrInet destination, in SockAddrInet source, uint interfaceIndex,
        out MibIpForwardRow2 bestRoute, out SockAddrInet bestSource);

    /// <summary>
    /// The interface that owns the local address <paramref name="address"/> (on Linux: the device of
    /// its local-table route), or NotFound when the address is not local. A link-local address with a
    /// scope id must be on that interface.
    /// </summary>
    BackendResult FindLocalAddress(in SockAddrInet address, out uint interfaceIndex);
}
