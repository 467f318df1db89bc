using System.Net.Sockets;
using IpHelper.Linux.Netlink;
using IpHelper.Linux.Rtnl;
using static IpHelper.Linux.Rtnl.NeighborConstants;

namespace IpHelper.Linux;

internal sealed partial class LinuxBackend
{
    public BackendResult GetIpNetTable(AddressFamily family, out MibTable<MibIpNetRow2>? table)
    {
        table = null;
        using var lease = Context.Sockets.Rent();
        using var request = new NetlinkMessageWriter();
        NeighborRequest.Dump(request, LinuxFamily.FromWindows(family), 0);
        var collector = new NeighborRowCollector();
        try
        {
            var error = lease.Socket.Dump(request, ref collector);
            if (error.Failed) return Failed(error, "RTM_GETNEIGH dump");
            if (collector.Malformed) return Malformed("RTM_GETNEIGH dump");
            // Links after neighbours: a link created in between cannot matter, one deleted in between leaves a zero LUID.
            var status = Context.Links.Directory(lease.Socket, out var links);
            if (status != NetIoStatus.Success) return status;
            for (var i = 0; i < collector.Rows.Count; i++)
            {
                ref var row = ref collector.Rows[i];
                row.InterfaceLuid = links.LuidOf((int)row.InterfaceIndex);
            }
            var count = collector.Rows.Count;
            table = collector.Rows.ToTable();
            return count > 0 ? BackendResult.Success : BackendResult.Fail(NetIoStatus.NotFound, "the neighbour table has no entries of that family");
        }
        finally
        {
            collector.Rows.Dispose();
        }
    }

    public BackendResult GetIpNetEntry(in InterfaceIdentity identity, in SockAddrInet address, ref MibIpNetRow2 row)
    {
        using var lease = Context.Sockets.Rent();
        var error = GetNeighbor(lease.Socket, (int)identity.Index, address, out var found);
        if (error.Errno == Errno.ENOENT) return NoEntry(address, identity, error);
        if (error.Failed) return Failed(error, "RTM_GETNEIGH");
        if (!found.Found) return Malformed("RTM_GETNEIGH");
        found.Row.InterfaceLuid = identity.Luid;
        row = found.Row;
        return BackendResult.Success;
    }

    public BackendResult CreateIpNetEntry(in InterfaceIdentity identity, in MibIpNetRow2 row) => WriteNeighbor(identity, row, create: true);

    public BackendResult SetIpNetEntry(in InterfaceIdentity identity, in MibIpNetRow2 row) => WriteNeighbor(identity, row, create: false);

    public BackendResult DeleteIpNetEntry(in InterfaceIdentity identity, in SockAddrInet address)
    {
        using var lease = Context.Sockets.Rent();
        using var request = new NetlinkMessageWriter();
        Span<byte> destination = stackalloc byte[16];
        destination = destination[..address.WriteAddressBytes(destination)];
        NeighborRequest.Delete(request, LinuxFamily.FromWindows(address.Family), (int)identity.Index, destination);
        var error = lease.Socket.Execute(request);
        if (error.Errno == Errno.ENOENT) return NoEntry(address, identity, error);
        if (error.Errno == Errno.ENODEV) return InterfaceGone(identity);
        return error.Failed ? Failed(error, "RTM_DELNEIGH") : BackendResult.Success;
    }

    public BackendResult FlushIpNetTable(AddressFamily family, uint interfaceIndex)
    {
        using var lease = Context.Sockets.Rent();
        if (interfaceIndex != 0)
        {
            var status = LinkDirectory.LoadOne(lease.Socket, (int)interfaceIndex, out _);
            if (status == NetIoStatus.FileNotFound) return BackendResult.Fail(NetIoStatus.FileNotFound, $"no interface has index {interfaceIndex}", "InterfaceIndex");
            if (status != NetIoStatus.Success) return status;
        }
        using var request = new NetlinkMessageWriter();
        NeighborRequest.Dump(request, LinuxFamily.FromWindows(family), (int)interfaceIndex);
        var collector = new FlushTargetCollector { Targets = [] };
        var error = lease.Socket.Dump(request, ref collector);
        if (error.Failed) return Failed(error, "RTM_GETNEIGH dump");
        if (collector.Malformed) return Malformed("RTM_GETNEIGH dump");
        if (collector.Targets.Count == 0) return BackendResult.Success;

        using var batch = new NetlinkMessageWriter(collector.Targets.Count * 48);
        Span<byte> destination = stackalloc byte[16];
        foreach (var target in collector.Targets)
        {
            var length = target.Address.WriteAddressBytes(destination);
            NeighborRequest.Delete(batch, LinuxFamily.FromWindows(target.Address.Family), target.IfIndex, destination[..length]);
        }
        var results = new NetlinkError[batch.MessageCount];
        error = lease.Socket.ExecuteBatch(batch, results);
        if (error.Failed) return Failed(error, "RTM_DELNEIGH batch");
        foreach (var result in results)
        {
            // An entry that went away on its own between the dump and the delete is flushed all the same.
            if (result.Failed && result.Errno != Errno.ENOENT) return Failed(result, "RTM_DELNEIGH");
        }
        return BackendResult.Success;
    }

    /// <summary>
    /// Decodes one RTM_NEWNEIGH or RTM_DELNEIGH (a dump reply or a notification) into a MIB_IPNET_ROW2;
    /// false for messages that are not IP neighbour cache entries (proxy entries, bridge FDB entries,
    /// malformed messages). <paramref name="luidOf"/> gives the LUID of an ifindex.
    /// </summary>
    internal static bool TryFillNeighborRow(in NetlinkMessage message, Func<int, NetLuid> luidOf, ref MibIpNetRow2 row)
    {
        if (!NeighborMessage.TryDecode(message, out var neighbor) || !IsIpNeighbor(neighbor)) return false;
        FillNeighbor(ref row, neighbor, luidOf(neighbor.IfIndex));
        return true;
    }

    /// <summary>Maps one kernel neighbour entry to MIB_IPNET_ROW2; docs/mapping.md explains every field.</summary>
    private static void FillNeighbor(ref MibIpNetRow2 row, in NeighborMessage neighbor, NetLuid luid)
    {
        row = default;
        row.Address = SockAddrInet.FromBytes(neighbor.Destination, NeedsScope(neighbor.Destination) ? (uint)neighbor.IfIndex : 0);
        row.InterfaceIndex = (uint)neighbor.IfIndex;
        row.InterfaceLuid = luid;
        if (neighbor.LinkLayerAddress.Length <= IfPhysicalAddressBuffer.MaxLength) row.SetPhysicalAddress(neighbor.LinkLayerAddress);
        row.State = StateOf(neighbor.State);
        row.IsRouter = (neighbor.Flags & NTF_ROUTER) != 0;
        row.IsUnreachable = (neighbor.State & NUD_FAILED) != 0;
        if (neighbor.HasCacheInfo)
            row.LastReachable = ClockTicks.ToMilliseconds(row.IsUnreachable ? neighbor.Updated : neighbor.Confirmed);
    }

    /// <summary>
    /// NUD_* to NL_NEIGHBOR_STATE. NOARP (multicast, broadcast and point-to-point mappings the kernel
    /// computes) is permanent as on Windows; NONE (an entry whose resolution has not started) has no
    /// link-layer address yet, like an incomplete one.
    /// </summary>
    internal static NlNeighborState StateOf(ushort nud)
    {
        if ((nud & (NUD_PERMANENT | NUD_NOARP)) != 0) return NlNeighborState.NlnsPermanent;
        if ((nud & NUD_REACHABLE) != 0) return NlNeighborState.NlnsReachable;
        if ((nud & NUD_STALE) != 0) return NlNeighborState.NlnsStale;
        if ((nud & NUD_DELAY) != 0) return NlNeighborState.NlnsDelay;
        if ((nud & NUD_PROBE) != 0) return NlNeighborState.NlnsProbe;
        if ((nud & NUD_FAILED) != 0) return NlNeighborState.NlnsUnreachable;
        return NlNeighborState.NlnsIncomplete;
    }

    /// <summary>
    /// The NUD state a written row asks for: Permanent, also for a zeroed row (Unreachable, 0), as
    /// <c>ip neigh add</c> and Windows' New-NetNeighbor do; Reachable, Stale, Delay and Probe as given.
    /// Incomplete needs a resolution in progress and cannot be written.
    /// </summary>
    internal static bool TryNudOf(NlNeighborState state, out ushort nud)
    {
        nud = state switch
        {
            NlNeighborState.NlnsUnreachable or NlNeighborState.NlnsPermanent => NUD_PERMANENT,
            NlNeighborState.NlnsReachable => NUD_REACHABLE,
            NlNeighborState.NlnsStale => NUD_STALE,
            NlNeighborState.NlnsDelay => NUD_DELAY,
            NlNeighborState.NlnsProbe => NUD_PROBE,
            _ => NUD_NONE,
        };
        return nud != NUD_NONE;
    }

    private static bool IsIpNeighbor(in NeighborMessage neighbor) =>
        (neighbor.Flags & NTF_PROXY) == 0 && neighbor.IfIndex > 0
        && LinuxFamily.AddressLength(neighbor.Family) is var length && length != 0 && neighbor.Destination.Length == length;

    /// <summary>IPv6 link-local unicast and interface- or link-local multicast addresses carry the interface as their scope id.</summary>
    private static bool NeedsScope(ReadOnlySpan<byte> address) =>
        address.Length == 16 && ((address[0] == 0xFE && (address[1] & 0xC0) == 0x80) || (address[0] == 0xFF && (address[1] & 0x0F) is 1 or 2));

    private BackendResult WriteNeighbor(in InterfaceIdentity identity, in MibIpNetRow2 row, bool create)
    {
        var what = create ? "CreateIpNetEntry2" : "SetIpNetEntry2";
        if (!TryNudOf(row.State, out var nud))
            return BackendResult.Fail(NetIoStatus.InvalidParameter, $"{what}: State {row.State} cannot be written on Linux (use Permanent, Reachable, Stale, Delay or Probe)", "State");
        using var lease = Context.Sockets.Rent();
        var status = LinkDirectory.LoadOne(lease.Socket, (int)identity.Index, out var link);
        if (status == NetIoStatus.FileNotFound) return InterfaceGone(identity);
        if (status != NetIoStatus.Success) return status;
        if (row.PhysicalAddressLength != (uint)link.AddressLength)
            return BackendResult.Fail(NetIoStatus.InvalidParameter,
                $"PhysicalAddressLength is {row.PhysicalAddressLength}, but {identity.Alias} uses {link.AddressLength}-byte link-layer addresses",
                "PhysicalAddressLength");

        using var request = new NetlinkMessageWriter();
        Span<byte> destination = stackalloc byte[16];
        destination = destination[..row.Address.WriteAddressBytes(destination)];
        NeighborRequest.Write(request, create, LinuxFamily.FromWindows(row.Address.Family), (int)identity.Index, destination,
            row.GetPhysicalAddressBytes(), nud, row.IsRouter ? NTF_ROUTER : (byte)0);
        var error = lease.Socket.Execute(request);
        if (error.Errno == Errno.EEXIST)
            return BackendResult.Fail(NetIoStatus.ObjectAlreadyExists, $"{identity.Alias} already has a neighbour entry for {row.Address}", "Address", error.Errno, error.Message);
        if (error.Errno == Errno.ENOENT) return NoEntry(row.Address, identity, error);
        if (error.Errno == Errno.ENODEV) return InterfaceGone(identity);
        return error.Failed ? Failed(error, "RTM_NEWNEIGH") : BackendResult.Success;
    }

    /// <summary>One entry by interface and address: ENOENT when there is none.</summary>
    private static NetlinkError GetNeighbor(NetlinkSocket socket, int ifIndex, in SockAddrInet address, out SingleNeighborReader reader)
    {
        using var request = new NetlinkMessageWriter();
        Span<byte> destination = stackalloc byte[16];
        destination = destination[..address.WriteAddressBytes(destination)];
        NeighborRequest.Get(request, LinuxFamily.FromWindows(address.Family), ifIndex, destination);
        reader = default;
        return socket.Execute(request, ref reader);
    }

    private static BackendResult NoEntry(in SockAddrInet address, in InterfaceIdentity identity, NetlinkError error) =>
        BackendResult.Fail(NetIoStatus.NotFound, $"{identity.Alias} has no neighbour entry for {address}", "Address", error.Errno, error.Message);

    private static BackendResult InterfaceGone(in InterfaceIdentity identity) =>
        BackendResult.Fail(NetIoStatus.FileNotFound, $"interface {identity.Alias} disappeared", "InterfaceIndex");

    private struct NeighborRowCollector() : INetlinkReplyHandler
    {
        public MibTableBuilder<MibIpNetRow2> Rows = new();
        public bool Malformed;

        public void OnMessage(in NetlinkMessage message)
        {
            if (!NeighborMessage.TryDecode(message, out var neighbor))
            {
                Malformed |= message.Type == RtnlMessageType.RTM_NEWNEIGH;
                return;
            }
            if (IsIpNeighbor(neighbor)) FillNeighbor(ref Rows.Add(), neighbor, default);
        }

        public void OnRestart()
        {
            Rows.Dispose();
            Rows = new MibTableBuilder<MibIpNetRow2>();
        }
    }

    private struct SingleNeighborReader : INetlinkReplyHandler
    {
        public MibIpNetRow2 Row;
        public bool Found;
        /// <summary>The NUD_* state of the entry, for callers that need more than NL_NEIGHBOR_STATE says.</summary>
        public ushort Nud;

        public void OnMessage(in NetlinkMessage message)
        {
            if (Found || !NeighborMessage.TryDecode(message, out var neighbor) || !IsIpNeighbor(neighbor)) return;
            FillNeighbor(ref Row, neighbor, default);
            Nud = neighbor.State;
            Found = true;
        }

        public void OnRestart() => Found = false;
    }

    /// <summary>An entry to delete in a flush: everything but permanent entries and the kernel's NOARP mappings, as <c>ip neigh flush</c>.</summary>
    private readonly record struct FlushTarget(int IfIndex, SockAddrInet Address);

    private struct FlushTargetCollector : INetlinkReplyHandler
    {
        public List<FlushTarget> Targets;
        public bool Malformed;

        public void OnMessage(in NetlinkMessage message)
        {
            if (!NeighborMessage.TryDecode(message, out var neighbor))
            {
                Malformed |= message.Type == RtnlMessageType.RTM_NEWNEIGH;
                return;
            }
            if (!IsIpNeighbor(neighbor) || (neighbor.State & (NUD_PERMANENT | NUD_NOARP)) != 0) return;
            Targets.Add(new FlushTarget(neighbor.IfIndex, SockAddrInet.FromBytes(neighbor.Destination)));
        }

        public readonly void OnRestart() => Targets.Clear();
    }
}
