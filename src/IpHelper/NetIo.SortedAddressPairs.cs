using System.Net.Sockets;

namespace IpHelper;

public static partial class NetIo
{
    /// <summary>The most destinations <see cref="CreateSortedAddressPairs"/> accepts, as on Windows.</summary>
    public const int MaxSortedAddressPairDestinations = 500;

    /// <summary>
    /// Pairs each destination with the source address to use for it and sorts the pairs best first, by
    /// RFC 6724 (default policy table, source rules 1-8, destination rules 1-10, stable). Sources come
    /// from the unicast table (not tentative or duplicate); the outgoing interface, gateway and
    /// reachability of each destination from the kernel's route lookup (RTM_GETROUTE, as
    /// <c>ip route get</c>). An unreachable destination, or one no local address can reach, is sorted
    /// last with source ::. Destinations are SOCKADDR_IN6 values: IPv6 (AF_INET6) with IPv4 as
    /// IPv4-mapped (::ffff:a.b.c.d); a link-local destination's scope id names its interface.
    /// The result is one table (free it with <see cref="FreeMibTable{TRow}(MibTable{TRow}?)"/>), whose
    /// Count is Windows' SortedAddressPairCount.
    /// InvalidParameter: a non-empty source list (reserved, must be empty), no destinations, more than
    /// 500, or a destination that is not AF_INET6. The result is null on failure.
    /// </summary>
    /// <param name="sourceAddressList">Reserved: must be empty.</param>
    /// <param name="destinationAddressList">The destinations, 1 to 500.</param>
    /// <param name="addressSortOptions">Reserved: ignored.</param>
    /// <param name="sortedAddressPairList">The pairs, best first.</param>
    public static NetIoStatus CreateSortedAddressPairs(ReadOnlySpan<SockAddrInet> sourceAddressList, ReadOnlySpan<SockAddrInet> destinationAddressList,
        uint addressSortOptions, out MibTable<SockAddrIn6Pair>? sortedAddressPairList)
    {
        sortedAddressPairList = null;
        if (!sourceAddressList.IsEmpty)
            return Fail(NetIoStatus.InvalidParameter, "SourceAddressList is reserved and must be empty", "SourceAddressList");
        if (destinationAddressList.IsEmpty)
            return Fail(NetIoStatus.InvalidParameter, "DestinationAddressList is empty", "DestinationAddressList");
        if (destinationAddressList.Length > MaxSortedAddressPairDestinations)
            return Fail(NetIoStatus.InvalidParameter, $"{destinationAddressList.Length} destinations; at most {MaxSortedAddressPairDestinations} are allowed", "DestinationAddressCount");
        for (var i = 0; i < destinationAddressList.Length; i++)
        {
            if (destinationAddressList[i].Family != AddressFamily.InterNetworkV6)
                return Fail(NetIoStatus.InvalidParameter, $"destination {i} ('{destinationAddressList[i]}') is not AF_INET6; give IPv4 as ::ffff:a.b.c.d", "DestinationAddressList");
        }
        var status = Record(Backend.CreateSortedAddressPairs(destinationAddressList, out sortedAddressPairList));
        return status == NetIoStatus.Success ? Ok() : status;
    }
}
