using System.Net.Sockets;

namespace IpHelper;

public static partial class NetIo
{
    /// <summary>
    /// GetBestRoute2: the route the kernel would use to reach <paramref name="destinationAddress"/>
    /// (as the row of the routing-table entry, found with RTM_GETROUTE and RTM_F_FIB_MATCH) and the
    /// source address it would choose for it (RTA_PREFSRC of a plain route lookup).
    /// <para>
    /// Interface: a non-null <paramref name="interfaceLuid"/> names it (a zero LUID means "any", and
    /// the index is then ignored, as on Windows); a null LUID lets <paramref name="interfaceIndex"/>
    /// name it (0: any). A source address of the destination's family that is not all zeros must be
    /// an address of this host and restricts the lookup to the interface that owns it (strong host),
    /// overriding the requested interface; a source of another family, or all zeros, is ignored.
    /// The route's Metric, LUID and protocol are mapped as in GetIpForwardTable2.
    /// </para>
    /// Failures, with <paramref name="bestRoute"/> and <paramref name="bestSourceAddress"/> zeroed:
    /// InvalidParameter for a destination that is not IPv4 or IPv6, a scope id on an IPv6 destination
    /// or source that is not link-local, a link-local scope id that names no interface or another
    /// interface than the requested one, or a loopback destination forced onto a non-loopback interface;
    /// FileNotFound for an unknown InterfaceIndex; NotFound for an unknown LUID or a source that is not
    /// a local address; NetworkUnreachable when the kernel has no usable route (none, an unreachable,
    /// prohibit or blackhole route, or none through the required interface).
    /// </summary>
    /// <param name="interfaceLuid">The interface, or null to use <paramref name="interfaceIndex"/>.</param>
    /// <param name="interfaceIndex">The interface index when <paramref name="interfaceLuid"/> is null; 0 for any.</param>
    /// <param name="sourceAddress">The source address, or null.</param>
    /// <param name="destinationAddress">The destination.</param>
    /// <param name="addressSortOptions">Unused, as on Windows.</param>
    /// <param name="bestRoute">The routing-table entry of the best route.</param>
    /// <param name="bestSourceAddress">The source address for that route (for link-local IPv6, with the interface as scope id).</param>
    public static NetIoStatus GetBestRoute2(NetLuid? interfaceLuid, uint interfaceIndex, SockAddrInet? sourceAddress,
        in SockAddrInet destinationAddress, uint addressSortOptions, out MibIpForwardRow2 bestRoute, out SockAddrInet bestSourceAddress)
    {
        _ = addressSortOptions;
        bestRoute = default;
        bestSourceAddress = default;
        var destination = destinationAddress;
        var family = destination.Family;
        if (family is not (AddressFamily.InterNetwork or AddressFamily.InterNetworkV6))
            return Fail(NetIoStatus.InvalidParameter, "DestinationAddress is not an IPv4 or IPv6 address", "DestinationAddress");
        if (!HasValidScope(destination))
            return Fail(NetIoStatus.InvalidParameter, $"{destination} is not link-local and cannot have a scope id", "DestinationAddress");

        uint index = 0;
        var source = default(SockAddrInet);
        if (sourceAddress is { } given && given.Family == family && !given.IsUnspecified)
        {
            if (!HasValidScope(given))
                return Fail(NetIoStatus.InvalidParameter, $"{given} is not link-local and cannot have a scope id", "SourceAddress");
            // The source's interface wins over the requested one, but an index without a LUID must still exist.
            if (interfaceLuid is null && interfaceIndex != 0 && Record(Backend.LookupInterface(interfaceIndex, out _)) == NetIoStatus.FileNotFound)
                return Fail(NetIoStatus.FileNotFound, $"no interface has index {interfaceIndex}", "InterfaceIndex");
            var status = Record(Backend.FindLocalAddress(given, out index));
            if (status != NetIoStatus.Success) return status;
            source = given;
        }
        else if (interfaceLuid is { } luid)
        {
            if (!luid.IsUnspecified)
            {
                var status = ResolveInterface(luid, 0, out var identity);
                if (status == NetIoStatus.FileNotFound) return Fail(NetIoStatus.NotFound, $"no interface has LUID {luid.Value}", "InterfaceLuid");
                if (status != NetIoStatus.Success) return status;
                index = identity.Index;
            }
        }
        else if (interfaceIndex != 0)
        {
            var status = ResolveInterface(default, interfaceIndex, out _);
            if (status != NetIoStatus.Success) return status;
            index = interfaceIndex;
        }

        if (destination.IsIPv6LinkLocal && destination.ScopeId != 0)
        {
            if (Record(Backend.LookupInterface(destination.ScopeId, out _)) != NetIoStatus.Success)
                return Fail(NetIoStatus.InvalidParameter, $"the scope id of {destination} names no interface", "DestinationAddress");
            if (index != 0 && index != destination.ScopeId)
                return Fail(NetIoStatus.InvalidParameter, $"the scope id of {destination} is not interface {index}", "DestinationAddress");
            index = destination.ScopeId;
        }
        if (destination.IsLoopback && index != 0)
        {
            var status = Record(Backend.LookupInterface(index, out var identity));
            if (status != NetIoStatus.Success) return status == NetIoStatus.FileNotFound ? Fail(status, $"interface {index} disappeared", "InterfaceIndex") : status;
            if (identity.Luid.IfType != (ushort)IfType.SoftwareLoopback)
                return Fail(NetIoStatus.InvalidParameter, $"{destination} is a loopback address and interface {identity.Alias} is not a loopback interface", "DestinationAddress");
        }

        var result = Record(Backend.GetBestRoute(destination, source, index, out var row, out var bestSource));
        if (result != NetIoStatus.Success) return result;
        bestRoute = row;
        bestSourceAddress = bestSource;
        return Ok();
    }
}
