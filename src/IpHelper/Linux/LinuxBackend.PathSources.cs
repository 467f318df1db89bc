using IpHelper.Linux.Genl;
using IpHelper.Linux.Netlink;
using IpHelper.Linux.Rtnl;
using static IpHelper.Linux.Rtnl.NeighborConstants;

namespace IpHelper.Linux;

internal sealed partial class LinuxBackend
{
    /// <summary>One route exception (a cached PMTU or redirect for one destination).</summary>
    private readonly record struct PathException(SockAddrInet Destination, int OutputInterface, SockAddrInet Gateway, uint Mtu, uint Table);

    /// <summary>One tcp_metrics entry: RTT estimates TCP keeps per (destination, source) pair.</summary>
    private readonly record struct TcpMetric(SockAddrInet Destination, SockAddrInet Source, uint RttMs, uint RttVarMs);

    /// <summary>What the neighbour cache says about one next hop.</summary>
    private readonly record struct NextHopState(ushort Nud, uint Confirmed, uint Updated);

    /// <summary>The route exceptions of one Linux family (RTM_GETROUTE dump with RTM_F_CLONED).</summary>
    private static BackendResult ReadPathExceptions(NetlinkSocket socket, byte family, List<PathException> exceptions)
    {
        using var request = new NetlinkMessageWriter();
        PathExceptionRequest.DumpExceptions(request, family);
        var collector = new PathExceptionCollector { Exceptions = exceptions, Family = family, Start = exceptions.Count };
        var error = socket.Dump(request, ref collector);
        if (error.Failed) return Failed(error, "RTM_GETROUTE dump (RTM_F_CLONED)");
        return collector.Malformed ? Malformed("RTM_GETROUTE dump (RTM_F_CLONED)") : BackendResult.Success;
    }

    /// <summary>
    /// Every tcp_metrics entry of the namespace, through a generic-netlink socket opened in it. A kernel
    /// without the family (ENOENT from the controller) simply has no entries.
    /// </summary>
    private BackendResult ReadTcpMetrics(List<TcpMetric> metrics)
    {
        using var socket = RtnlSockets.Open(Context, NetlinkConstants.NETLINK_GENERIC);
        var error = GenlFamily.Resolve(socket, TcpMetricsConstants.FamilyName, out var familyId);
        if (error.Errno == Errno.ENOENT) return BackendResult.Success;
        if (error.Failed) return Failed(error, "CTRL_CMD_GETFAMILY tcp_metrics");
        using var request = new NetlinkMessageWriter();
        TcpMetricsRequest.Dump(request, familyId);
        var collector = new TcpMetricCollector { Metrics = metrics, FamilyId = familyId, Start = metrics.Count };
        error = socket.Dump(request, ref collector);
        if (error.Failed) return Failed(error, "TCP_METRICS_CMD_GET dump");
        return collector.Malformed ? Malformed("TCP_METRICS_CMD_GET dump") : BackendResult.Success;
    }

    /// <summary>Deletes the tcp_metrics entries of one Linux family, or every entry for AF_UNSPEC (one request).</summary>
    private BackendResult FlushTcpMetrics(byte family)
    {
        using var socket = RtnlSockets.Open(Context, NetlinkConstants.NETLINK_GENERIC);
        var error = GenlFamily.Resolve(socket, TcpMetricsConstants.FamilyName, out var familyId);
        if (error.Errno == Errno.ENOENT) return BackendResult.Success;
        if (error.Failed) return Failed(error, "CTRL_CMD_GETFAMILY tcp_metrics");
        using var request = new NetlinkMessageWriter();
        if (family == LinuxFamily.AF_UNSPEC)
        {
            TcpMetricsRequest.Delete(request, familyId, default, default);
            error = socket.Execute(request);
            return error.Failed ? Failed(error, "TCP_METRICS_CMD_DEL") : BackendResult.Success;
        }
        var metrics = new List<TcpMetric>();
        TcpMetricsRequest.Dump(request, familyId);
        var collector = new TcpMetricCollector { Metrics = metrics, FamilyId = familyId };
        error = socket.Dump(request, ref collector);
        if (error.Failed) return Failed(error, "TCP_METRICS_CMD_GET dump");
        if (collector.Malformed) return Malformed("TCP_METRICS_CMD_GET dump");
        request.Clear();
        Span<byte> destination = stackalloc byte[16];
        Span<byte> source = stackalloc byte[16];
        foreach (var metric in metrics)
        {
            if (LinuxFamily.FromWindows(metric.Destination.Family) != family) continue;
            var sourceLength = metric.Source.WriteAddressBytes(source);
            TcpMetricsRequest.Delete(request, familyId, destination[..metric.Destination.WriteAddressBytes(destination)], source[..sourceLength]);
        }
        return ExecuteDeletes(socket, request, "TCP_METRICS_CMD_DEL");
    }

    /// <summary>Removes every IPv6 route exception (RTM_DELROUTE with RTM_F_CLONED, one per exception, in one batch).</summary>
    private static BackendResult FlushIpv6Exceptions(NetlinkSocket socket)
    {
        var exceptions = new List<PathException>();
        var status = ReadPathExceptions(socket, LinuxFamily.AF_INET6, exceptions);
        if (status != NetIoStatus.Success) return status;
        using var batch = new NetlinkMessageWriter();
        Span<byte> destination = stackalloc byte[16];
        Span<byte> gateway = stackalloc byte[16];
        foreach (var exception in exceptions)
        {
            var gatewayLength = exception.Gateway.WriteAddressBytes(gateway);
            PathExceptionRequest.DeleteIpv6Exception(batch, destination[..exception.Destination.WriteAddressBytes(destination)],
                gateway[..gatewayLength], exception.OutputInterface, exception.Table);
        }
        return ExecuteDeletes(socket, batch, "RTM_DELROUTE (RTM_F_CLONED)");
    }

    /// <summary>Sends a batch of deletes; entries that vanished on their own meanwhile (ENOENT, ESRCH) count as deleted.</summary>
    private static BackendResult ExecuteDeletes(NetlinkSocket socket, NetlinkMessageWriter batch, string what)
    {
        if (batch.MessageCount == 0) return BackendResult.Success;
        var results = new NetlinkError[batch.MessageCount];
        var error = socket.ExecuteBatch(batch, results);
        if (error.Failed) return Failed(error, what);
        foreach (var result in results)
            if (result.Failed && result.Errno is not (Errno.ENOENT or Errno.ESRCH)) return Failed(result, what);
        return BackendResult.Success;
    }

    /// <summary>The neighbour entries of one Linux family (AF_UNSPEC: both) by interface and address, for path reachability.</summary>
    private static BackendResult ReadNextHopStates(NetlinkSocket socket, byte family, Dictionary<(int, SockAddrInet), NextHopState> states)
    {
        using var request = new NetlinkMessageWriter();
        NeighborRequest.Dump(request, family, 0);
        var collector = new NextHopStateCollector { States = states };
        var error = socket.Dump(request, ref collector);
        if (error.Failed) return Failed(error, "RTM_GETNEIGH dump");
        return collector.Malformed ? Malformed("RTM_GETNEIGH dump") : BackendResult.Success;
    }

    private struct PathExceptionCollector : INetlinkReplyHandler
    {
        public List<PathException> Exceptions;
        public byte Family;
        public int Start;
        public bool Malformed;

        public void OnMessage(in NetlinkMessage message)
        {
            if (!PathExceptionMessage.TryDecode(message, out var path))
            {
                Malformed |= message.Type == RtnlMessageType.RTM_NEWROUTE;
                return;
            }
            // Kernels before 5.3 ignore RTM_F_CLONED in dump requests and send FIB routes: keep only clones.
            if (!path.IsCloned || path.Family != Family || path.Destination.Length != LinuxFamily.AddressLength(Family)) return;
            // A flush resets an IPv4 exception rather than freeing it: once a lookup uses it again it is dumped
            // with no MTU, no redirect and no expiry. It holds nothing about the path.
            if (Family == LinuxFamily.AF_INET && path.Mtu == 0 && path.Expires == 0) return;
            Exceptions.Add(new PathException(AddressOf(path.Destination, path.OutputInterface), path.OutputInterface,
                AddressOf(path.Gateway, path.OutputInterface), path.Mtu, path.Table));
        }

        public readonly void OnRestart() => Exceptions.RemoveRange(Start, Exceptions.Count - Start);
    }

    private struct TcpMetricCollector : INetlinkReplyHandler
    {
        public List<TcpMetric> Metrics;
        public ushort FamilyId;
        public int Start;
        public bool Malformed;

        public void OnMessage(in NetlinkMessage message)
        {
            if (!TcpMetricsMessage.TryDecode(message, FamilyId, out var metric))
            {
                Malformed |= message.Type == FamilyId;
                return;
            }
            var source = metric.Source.Length == metric.Destination.Length ? SockAddrInet.FromBytes(metric.Source) : default;
            Metrics.Add(new TcpMetric(SockAddrInet.FromBytes(metric.Destination), source, metric.RttMs, metric.RttVarMs));
        }

        public readonly void OnRestart() => Metrics.RemoveRange(Start, Metrics.Count - Start);
    }

    private struct NextHopStateCollector : INetlinkReplyHandler
    {
        public Dictionary<(int, SockAddrInet), NextHopState> States;
        public bool Malformed;

        public void OnMessage(in NetlinkMessage message)
        {
            if (!NeighborMessage.TryDecode(message, out var neighbor))
            {
                Malformed |= message.Type == RtnlMessageType.RTM_NEWNEIGH;
                return;
            }
            if (!IsIpNeighbor(neighbor)) return;
            States[(neighbor.IfIndex, SockAddrInet.FromBytes(neighbor.Destination))] =
                new NextHopState(neighbor.State, neighbor.Confirmed, neighbor.Updated);
        }

        public readonly void OnRestart() => States.Clear();
    }
}
