using System.Net.Sockets;
using IpHelper.AddressSelection;
using IpHelper.Linux.Netlink;
using IpHelper.Linux.Proc;
using IpHelper.Linux.Rtnl;

namespace IpHelper.Linux;

internal sealed partial class LinuxBackend
{
    public BackendResult CreateSortedAddressPairs(ReadOnlySpan<SockAddrInet> destinations, out MibTable<SockAddrIn6Pair>? pairs)
    {
        pairs = null;
        using var lease = Context.Sockets.Rent();
        var socket = lease.Socket;
        var status = Context.Links.Directory(socket, out var links);
        if (status != NetIoStatus.Success) return status;
        status = SourceCandidates(socket, links, out var candidates);
        if (status != NetIoStatus.Success) return status;

        var ordered = new DestinationSelection.Candidate[destinations.Length];
        for (var i = 0; i < destinations.Length; i++)
        {
            var address = SelectionAddress.From(destinations[i]);
            var lookup = LookupPath(socket, RouteDestination(address, destinations[i].ScopeId), default, (int)destinations[i].ScopeId, fibMatch: false, out var route);
            if (lookup.Failed && lookup.Errno is not (Errno.ENETUNREACH or Errno.EHOSTUNREACH or Errno.ENODEV or Errno.EINVAL or Errno.EACCES or Errno.EPERM))
                return Failed(lookup, "RTM_GETROUTE");
            // RTN_UNICAST 1, LOCAL 2, BROADCAST 3, ANYCAST 4, MULTICAST 5 deliver; blackhole, unreachable, prohibit, throw do not.
            var reachable = !lookup.Failed && route.Type is >= 1 and <= 5;
            SourceCandidate? chosen = null;
            var native = true;
            if (reachable)
            {
                var destination = new SourceSelection.Destination
                {
                    Address = address,
                    OutgoingInterface = (uint)route.OutputInterface,
                    NextHop = route.Gateway.IsUnspecified ? null : SelectionAddress.From(route.Gateway),
                    PreferredSource = route.PreferredSource.IsUnspecified ? null : SelectionAddress.From(route.PreferredSource),
                };
                var best = SourceSelection.Select(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(candidates), destination);
                if (best >= 0) chosen = candidates[best];
                native = links.LuidOf(route.OutputInterface).IfType != (ushort)IfType.Tunnel;
            }
            ordered[i] = new DestinationSelection.Candidate
            {
                Address = address,
                Reachable = reachable,
                Source = chosen,
                NativeTransport = native,
                OriginalIndex = i,
            };
        }
        DestinationSelection.Sort(ordered);

        using var rows = new MibTableBuilder<SockAddrIn6Pair>(Math.Max(destinations.Length, 1));
        foreach (var destination in ordered)
        {
            ref var pair = ref rows.Add();
            pair.DestinationAddress = destinations[destination.OriginalIndex];
            pair.SourceAddress = destination.Source is { } source ? PairSource(source) : UnspecifiedPairSource();
        }
        pairs = rows.ToTable();
        return BackendResult.Success;
    }

    /// <summary>
    /// What the route lookup is asked for: an IPv4-mapped destination as IPv4, an IPv6 one with its
    /// scope id (which the lookup also gets as the output interface).
    /// </summary>
    private static SockAddrInet RouteDestination(UInt128 address, uint scopeId)
    {
        Span<byte> bytes = stackalloc byte[16];
        System.Buffers.Binary.BinaryPrimitives.WriteUInt128BigEndian(bytes, address);
        return SelectionAddress.IsIpv4Mapped(address) ? SockAddrInet.FromBytes(bytes[12..]) : SockAddrInet.FromBytes(bytes, scopeId);
    }

    /// <summary>
    /// Every local unicast address that can be a source: the unicast table without addresses whose
    /// duplicate address detection is running (tentative, not optimistic) or failed.
    /// </summary>
    private BackendResult SourceCandidates(NetlinkSocket socket, LinkDirectory links, out List<SourceCandidate> candidates)
    {
        candidates = [];
        using var request = new NetlinkMessageWriter();
        AddressRequest.Dump(request, RtnlMessageType.RTM_GETADDR, LinuxFamily.AF_UNSPEC, 0);
        var collector = new CandidateCollector(candidates);
        var error = socket.Dump(request, ref collector);
        if (error.Failed) return Failed(error, "RTM_GETADDR dump");
        if (collector.Malformed) return Malformed("RTM_GETADDR dump");
        // Rule 7 needs each interface's privacy preference only when some temporary address exists.
        if (!candidates.Exists(static c => c.Temporary)) return BackendResult.Success;
        var preferTemporary = new Dictionary<uint, bool>();
        for (var i = 0; i < candidates.Count; i++)
        {
            var index = candidates[i].InterfaceIndex;
            if (candidates[i].IsIpv4) continue;
            if (!preferTemporary.TryGetValue(index, out var prefer))
                preferTemporary[index] = prefer = links.TryGet((int)index, out var link) && Sysctl.ReadInt64(Context, $"ipv6/conf/{link.Name}/use_tempaddr") >= 2;
            candidates[i] = candidates[i] with { PreferTemporary = prefer };
        }
        return BackendResult.Success;
    }

    private static SockAddrInet PairSource(in SourceCandidate source)
    {
        Span<byte> bytes = stackalloc byte[16];
        System.Buffers.Binary.BinaryPrimitives.WriteUInt128BigEndian(bytes, source.Address);
        var scopeId = NeedsScope(bytes) ? source.InterfaceIndex : 0;
        return SockAddrInet.FromBytes(bytes, scopeId);
    }

    private static SockAddrInet UnspecifiedPairSource() => SockAddrInet.FromBytes(stackalloc byte[16]);

    private struct CandidateCollector(List<SourceCandidate> candidates) : INetlinkReplyHandler
    {
        public bool Malformed;

        public void OnMessage(in NetlinkMessage message)
        {
            if (!AddressMessage.TryDecode(message, out var address))
            {
                Malformed |= message.Type == RtnlMessageType.RTM_NEWADDR;
                return;
            }
            var flags = address.Flags;
            if ((flags & AddressConstants.IFA_F_DADFAILED) != 0) return;
            if ((flags & AddressConstants.IFA_F_TENTATIVE) != 0 && (flags & AddressConstants.IFA_F_OPTIMISTIC) == 0) return;
            var local = address.LocalAddress;
            candidates.Add(new SourceCandidate
            {
                Address = SelectionAddress.From(local),
                PrefixLength = address.PrefixLength + (local.Length == 4 ? 96 : 0),
                InterfaceIndex = (uint)address.Index,
                Deprecated = (flags & AddressConstants.IFA_F_DEPRECATED) != 0,
                Home = (flags & AddressConstants.IFA_F_HOMEADDRESS) != 0,
                Temporary = address.Family == LinuxFamily.AF_INET6 && (flags & AddressConstants.IFA_F_TEMPORARY) != 0,
            });
        }

        public readonly void OnRestart() => candidates.Clear();
    }
}
