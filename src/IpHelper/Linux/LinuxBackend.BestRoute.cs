using System.Net.Sockets;
using IpHelper.Linux.Netlink;
using IpHelper.Linux.Rtnl;

namespace IpHelper.Linux;

internal sealed partial class LinuxBackend
{
    public BackendResult GetBestRoute(in SockAddrInet destination, in SockAddrInet source, uint interfaceIndex,
        out MibIpForwardRow2 bestRoute, out SockAddrInet bestSource)
    {
        bestRoute = default;
        bestSource = default;
        using var lease = Context.Sockets.Rent();
        var socket = lease.Socket;
        var family = LinuxFamily.FromWindows(destination.Family);
        Span<byte> destinationBytes = stackalloc byte[16], sourceBytes = stackalloc byte[16];
        var length = destination.WriteAddressBytes(destinationBytes);
        var sourceLength = source.IsUnspecified ? 0 : source.WriteAddressBytes(sourceBytes);

        // Both questions go in one sendmsg: the route the kernel would send through, with its source
        // choice and multipath next hop (a plain `ip route get`), then the table entry it came from
        // (`ip route get fibmatch`), the row. A source the caller fixed needs no plain lookup, unless
        // the entry turns out to be multipath.
        var status = Lookup(socket, family, destinationBytes[..length], sourceBytes[..sourceLength], interfaceIndex,
            withPlain: sourceLength == 0, destination, out var replies);
        if (status == NetIoStatus.Success && sourceLength > 0 && replies.Match.HopCount > 1)
            status = Lookup(socket, family, destinationBytes[..length], sourceBytes[..sourceLength], interfaceIndex,
                withPlain: true, destination, out replies);
        if (status != NetIoStatus.Success) return status;
        if (replies.Malformed) return Malformed("RTM_GETROUTE");
        var row = replies.Match.Row;
        var error = Context.Links.ResolveRoute(socket, ref row);
        if (error.Failed) return Failed(error, "RTM_GETLINK");
        if (interfaceIndex != 0 && row.InterfaceIndex != interfaceIndex)
            return BackendResult.Fail(NetIoStatus.NetworkUnreachable,
                $"no route to {destination} through interface {interfaceIndex} (the kernel would use interface {row.InterfaceIndex})", "DestinationAddress");

        bestRoute = row;
        var plain = replies.Plain;
        var chosen = sourceLength > 0 ? source : plain.PreferredSource;
        bestSource = chosen.Family == destination.Family
            ? SourceWithScope(chosen, plain.Interface != 0 ? (uint)plain.Interface : row.InterfaceIndex)
            : SockAddrInet.FromBytes(stackalloc byte[length]);
        return BackendResult.Success;
    }

    public BackendResult FindLocalAddress(in SockAddrInet address, out uint interfaceIndex)
    {
        interfaceIndex = 0;
        using var lease = Context.Sockets.Rent();
        var socket = lease.Socket;
        var family = LinuxFamily.FromWindows(address.Family);
        Span<byte> bytes = stackalloc byte[16];
        var length = address.WriteAddressBytes(bytes);
        using var request = new NetlinkMessageWriter();
        var flags = RouteConstants.RTM_F_FIB_MATCH | (family == RouteConstants.AF_INET ? RouteConstants.RTM_F_LOOKUP_TABLE : 0);
        // A local address has a local-table route on the interface that owns it; a scope id restricts the lookup to that interface.
        RouteRequest.Get(request, family, bytes[..length], default, address.IsIPv6LinkLocal ? (int)address.ScopeId : 0, flags);
        var found = new LookupReader();
        var results = new NetlinkError[1];
        var error = socket.Query(request, results, ref found);
        if (error.Failed) return Failed(error, "RTM_GETROUTE");
        error = results[0];
        if (error.Failed && error.Errno is Errno.ENOBUFS or Errno.ENOMEM or Errno.EBADMSG) return Failed(error, "RTM_GETROUTE");
        if (error.Failed || !found.Found || found.Type != RouteConstants.RTN_LOCAL
            || (address.IsIPv6LinkLocal && address.ScopeId != 0 && found.Interface != (int)address.ScopeId))
            return BackendResult.Fail(NetIoStatus.NotFound, $"{address} is not an address of this host", "SourceAddress", error.Errno, error.Message);
        if (found.Malformed) return Malformed("RTM_GETROUTE");
        interfaceIndex = (uint)found.Interface;
        return BackendResult.Success;
    }

    /// <summary>
    /// Asks the kernel, in one sendmsg, for the FIB entry of the destination and, with
    /// <paramref name="withPlain"/>, first for the plain lookup; a refused lookup becomes its status.
    /// </summary>
    private static BackendResult Lookup(NetlinkSocket socket, byte family, ReadOnlySpan<byte> destination,
        ReadOnlySpan<byte> source, uint interfaceIndex, bool withPlain, in SockAddrInet destinationAddress, out LookupReplies replies)
    {
        var fibMatch = RouteConstants.RTM_F_FIB_MATCH | (family == RouteConstants.AF_INET ? RouteConstants.RTM_F_LOOKUP_TABLE : 0);
        var request = socket.Request();
        if (withPlain) RouteRequest.Get(request, family, destination, source, (int)interfaceIndex, 0);
        RouteRequest.Get(request, family, destination, source, (int)interfaceIndex, fibMatch);
        replies = new LookupReplies(withPlain);
        var answers = default(TwoResults);
        Span<NetlinkError> results = answers;
        var error = socket.Query(request, results, ref replies);
        if (error.Failed) return Failed(error, "RTM_GETROUTE");
        foreach (var result in results[..request.MessageCount])
            if (result.Failed) return LookupFailed(result, destinationAddress);
        return BackendResult.Success;
    }

    /// <summary>
    /// The route lookup failed: ENODEV means the interface went away (FileNotFound); every other
    /// kernel refusal (no route, an unreachable, prohibit or blackhole route, a source the kernel
    /// will not send from) means the destination cannot be reached this way (NetworkUnreachable).
    /// </summary>
    private static BackendResult LookupFailed(NetlinkError error, in SockAddrInet destination) => error.Errno switch
    {
        Errno.ENODEV => BackendResult.Fail(NetIoStatus.FileNotFound, $"RTM_GETROUTE: {error}: the interface disappeared", "InterfaceIndex", error.Errno, error.Message),
        Errno.ETIMEDOUT or Errno.ENOBUFS or Errno.ENOMEM or Errno.EBADMSG or Errno.EPERM => Failed(error, "RTM_GETROUTE"),
        _ => BackendResult.Fail(NetIoStatus.NetworkUnreachable, $"no route to {destination}: {error}", "DestinationAddress", error.Errno, error.Message),
    };

    /// <summary>The source as GetBestRoute2 returns it: port 0, and for IPv6 link-local the interface as scope id (else 0).</summary>
    private static SockAddrInet SourceWithScope(in SockAddrInet address, uint interfaceIndex)
    {
        Span<byte> bytes = stackalloc byte[16];
        var length = address.WriteAddressBytes(bytes);
        return SockAddrInet.FromBytes(bytes[..length], address.IsIPv6LinkLocal ? interfaceIndex : 0);
    }

    /// <summary>Room for the outcomes of the two requests of a lookup, without an array per call.</summary>
    [System.Runtime.CompilerServices.InlineArray(2)]
    private struct TwoResults
    {
        private NetlinkError _first;
    }

    /// <summary>Reads the one RTM_NEWROUTE answer of a lookup: its type, interface, gateway and preferred source.</summary>
    private struct LookupReader : INetlinkQueryHandler
    {
        public bool Found;
        public bool Malformed;
        public byte Type;
        public int Interface;
        public SockAddrInet Gateway;
        public SockAddrInet PreferredSource;

        public void OnMessage(in NetlinkMessage message)
        {
            if (!RouteMessage.TryDecode(message, out var route) || route.AddressLength == 0)
            {
                Malformed |= RouteMessage.IsRouteMessage(message.Type);
                return;
            }
            Found = true;
            Type = route.Type;
            var hops = route.NextHops;
            if (hops.MoveNext())
            {
                Interface = hops.Current.InterfaceIndex;
                Span<byte> zero = stackalloc byte[16];
                zero.Clear();
                Gateway = RouteRowMapper.NextHop(hops.Current, zero[..route.AddressLength]);
            }
            if (route.PrefSrc.Length == route.AddressLength) PreferredSource = SockAddrInet.FromBytes(route.PrefSrc);
        }

        public void OnMessage(int request, in NetlinkMessage message) => OnMessage(message);
    }

    /// <summary>
    /// Turns the FIB entry of a lookup into a row. Of a multipath entry it takes the next hop the kernel
    /// chose (the interface and gateway of the plain lookup), else the first next hop on that interface.
    /// </summary>
    private struct FibMatchReader
    {
        private static readonly RouteInterfaceMap s_noInterfaces = new(metrics: null);

        public bool Found;
        public bool Malformed;
        public int HopCount;
        public MibIpForwardRow2 Row;

        public void OnMessage(in NetlinkMessage message, int chosenInterface, in SockAddrInet chosenGateway)
        {
            if (!RouteMessage.TryDecode(message, out var route) || route.AddressLength == 0)
            {
                Malformed |= RouteMessage.IsRouteMessage(message.Type);
                return;
            }
            int exact = -1, sameInterface = -1, count = 0;
            var hops = route.NextHops;
            for (; hops.MoveNext(); count++)
            {
                var hop = hops.Current;
                if (hop.InterfaceIndex != chosenInterface) continue;
                if (sameInterface < 0) sameInterface = count;
                if (exact < 0 && RouteKey.NextHopMatches(hop, chosenGateway, route.AddressLength)) exact = count;
            }
            if (hops.Malformed || count == 0)
            {
                Malformed = true;
                return;
            }
            HopCount = count;
            var pick = exact >= 0 ? exact : Math.Max(sameInterface, 0);
            hops = route.NextHops;
            for (var i = 0; hops.MoveNext(); i++)
            {
                if (i != pick) continue;
                Row = default;
                RouteRowMapper.Fill(ref Row, route, hops.Current, s_noInterfaces);
                Found = true;
                return;
            }
        }
    }

    /// <summary>
    /// The answers of one lookup query: the plain lookup (request 0 when <paramref name="plainFirst"/>)
    /// and the FIB entry (the last request), whose next hop is picked with what the plain lookup chose.
    /// </summary>
    private struct LookupReplies(bool plainFirst) : INetlinkQueryHandler
    {
        public LookupReader Plain;
        public FibMatchReader Match;

        public readonly bool Malformed => Plain.Malformed || Match.Malformed || !Match.Found || (plainFirst && !Plain.Found);

        public void OnMessage(int request, in NetlinkMessage message)
        {
            if (plainFirst && request == 0) Plain.OnMessage(message);
            else Match.OnMessage(message, Plain.Interface, Plain.Gateway);
        }
    }
}
