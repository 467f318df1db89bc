using System.Net.Sockets;
using System.Text;
using IpHelper.Linux.Netlink;
using IpHelper.Linux.Proc;
using IpHelper.Linux.Rtnl;
using static IpHelper.Linux.Rtnl.NeighborConstants;

namespace IpHelper.Linux;

internal sealed partial class LinuxBackend
{
    public BackendResult GetIpPathTable(AddressFamily family, out MibTable<MibIpPathRow>? table)
    {
        table = null;
        using var rows = new MibTableBuilder<MibIpPathRow>();
        var status = BuildPaths(LinuxFamily.FromWindows(family), default, rows);
        if (status != NetIoStatus.Success) return status;
        var count = rows.Count;
        table = rows.ToTable();
        return count > 0 ? BackendResult.Success : BackendResult.Fail(NetIoStatus.NotFound, "the path table has no entries of that family");
    }

    public BackendResult GetIpPathEntry(in InterfaceIdentity identity, in SockAddrInet destination, in SockAddrInet source, ref MibIpPathRow row)
    {
        using var rows = new MibTableBuilder<MibIpPathRow>();
        var status = BuildPaths(LinuxFamily.FromWindows(destination.Family), destination, rows);
        if (status != NetIoStatus.Success) return status;
        for (var i = 0; i < rows.Count; i++)
        {
            ref var candidate = ref rows[i];
            if (candidate.InterfaceIndex != identity.Index) continue;
            if (!source.IsUnspecified && !SameIp(candidate.Source, source)) continue;
            row = candidate;
            return BackendResult.Success;
        }
        var from = source.IsUnspecified ? "" : $" from {source}";
        return BackendResult.Fail(NetIoStatus.NotFound, $"no path entry to {destination}{from} through {identity.Alias}", "Destination");
    }

    public BackendResult FlushIpPathTable(AddressFamily family)
    {
        var linuxFamily = LinuxFamily.FromWindows(family);
        if (linuxFamily != LinuxFamily.AF_INET6)
        {
            // IPv4 has no per-exception delete: bumping the route generation makes every exception stale,
            // so the kernel stops reporting and using them (what `ip route flush cache` does).
            var errno = Sysctl.Write(Context, "ipv4/route/flush", 1);
            if (errno != 0)
                return BackendResult.Fail(Errno.ToStatus(errno), $"writing /proc/sys/net/ipv4/route/flush failed: {Errno.Name(errno)}", errno: errno);
        }
        if (linuxFamily != LinuxFamily.AF_INET)
        {
            using var lease = Context.Sockets.Rent();
            var status = FlushIpv6Exceptions(lease.Socket);
            if (status != NetIoStatus.Success) return status;
        }
        var flushed = FlushTcpMetrics(linuxFamily);
        return flushed == NetIoStatus.Success ? BackendResult.Success : flushed;
    }

    /// <summary>
    /// Joins what Linux keeps per destination into path rows: every route exception (PMTU, redirect) and every
    /// tcp_metrics entry (RTT), completed by a route lookup (interface, source, next hop, MTU), the neighbour
    /// cache (reachability of the next hop) and the link (MTU, speed). Only <paramref name="onlyDestination"/>
    /// when it is specified. docs/mapping.md explains each field.
    /// </summary>
    private BackendResult BuildPaths(byte family, in SockAddrInet onlyDestination, MibTableBuilder<MibIpPathRow> rows)
    {
        using var lease = Context.Sockets.Rent();
        var socket = lease.Socket;
        var exceptions = new List<PathException>();
        var metrics = new List<TcpMetric>();
        foreach (var f in (ReadOnlySpan<byte>)[LinuxFamily.AF_INET, LinuxFamily.AF_INET6])
        {
            if (family != LinuxFamily.AF_UNSPEC && family != f) continue;
            var read = ReadPathExceptions(socket, f, exceptions);
            if (read != NetIoStatus.Success) return read;
        }
        var status = ReadTcpMetrics(metrics);
        if (status != NetIoStatus.Success) return status;
        var filter = onlyDestination;
        exceptions.RemoveAll(e => !filter.IsUnspecified && !SameIp(e.Destination, filter));
        metrics.RemoveAll(m => (family != LinuxFamily.AF_UNSPEC && LinuxFamily.FromWindows(m.Destination.Family) != family)
            || (!filter.IsUnspecified && !SameIp(m.Destination, filter)));
        if (exceptions.Count == 0 && metrics.Count == 0) return BackendResult.Success;

        status = Context.Links.Directory(socket, out var links);
        if (status != NetIoStatus.Success) return status;
        var nextHops = new Dictionary<(int, SockAddrInet), NextHopState>();
        status = ReadNextHopStates(socket, family, nextHops);
        if (status != NetIoStatus.Success) return status;

        foreach (var exception in exceptions)
        {
            var error = LookupPath(socket, exception.Destination, default, exception.OutputInterface, fibMatch: false, out var route);
            if (error.Failed && error.Errno is not (Errno.ENETUNREACH or Errno.EHOSTUNREACH or Errno.EINVAL)) return Failed(error, "RTM_GETROUTE");
            ref var row = ref rows.Add();
            row.Destination = exception.Destination;
            row.Source = route.PreferredSource;
            row.InterfaceIndex = (uint)exception.OutputInterface;
            row.CurrentNextHop = !exception.Gateway.IsUnspecified ? exception.Gateway
                : !route.Gateway.IsUnspecified ? route.Gateway : exception.Destination;
            row.PathMtu = exception.Mtu != 0 ? exception.Mtu : route.Mtu;
        }
        foreach (var metric in metrics)
        {
            var merged = false;
            for (var i = 0; i < rows.Count && !merged; i++)
            {
                ref var existing = ref rows[i];
                if (!SameIp(existing.Destination, metric.Destination) || !SameIp(existing.Source, metric.Source)) continue;
                existing.RttMean = metric.RttMs;
                existing.RttDeviation = metric.RttVarMs;
                merged = true;
            }
            if (merged) continue;
            var error = LookupPath(socket, metric.Destination, metric.Source, 0, fibMatch: false, out var route);
            // The source TCP used may no longer be an address of this machine: ask for the route without it.
            if (error.Errno == Errno.EINVAL && !metric.Source.IsUnspecified)
                error = LookupPath(socket, metric.Destination, default, 0, fibMatch: false, out route);
            if (error.Errno is Errno.ENETUNREACH or Errno.EHOSTUNREACH or Errno.EINVAL) continue;
            if (error.Failed) return Failed(error, "RTM_GETROUTE");
            ref var row = ref rows.Add();
            row.Destination = WithInterfaceScope(metric.Destination, route.OutputInterface);
            row.Source = metric.Source.IsUnspecified ? route.PreferredSource : metric.Source;
            row.InterfaceIndex = (uint)route.OutputInterface;
            row.CurrentNextHop = route.Gateway.IsUnspecified ? row.Destination : route.Gateway;
            row.PathMtu = route.Mtu;
            row.RttMean = metric.RttMs;
            row.RttDeviation = metric.RttVarMs;
        }

        var speeds = new Dictionary<int, ulong>();
        for (var i = 0; i < rows.Count; i++)
        {
            ref var row = ref rows[i];
            var index = (int)row.InterfaceIndex;
            if (!links.TryGet(index, out var link)) continue;
            row.InterfaceLuid = link.Luid;
            if (row.PathMtu == 0) row.PathMtu = DeviceMtu(link, row.Destination.Family);
            if (!speeds.TryGetValue(index, out var speed))
                speeds[index] = speed = Ethtool.GetSpeed(socket, Encoding.UTF8.GetBytes(link.Name)) ?? ulong.MaxValue;
            row.LinkTransmitSpeed = speed;
            row.LinkReceiveSpeed = speed;
            FillReachability(ref row, link, nextHops);
        }
        return BackendResult.Success;
    }

    /// <summary>
    /// IsReachable and LastReachable/LastUnreachable from the neighbour entry of the next hop: a valid entry
    /// (reachable, stale, delay, probe, permanent, noarp) is reachable since it was last confirmed; a failed
    /// or incomplete one unreachable since its last state change. A link without neighbour discovery
    /// (point-to-point, loopback) is reachable while it is up. No entry at all: not known to be reachable.
    /// </summary>
    private static void FillReachability(ref MibIpPathRow row, in LinkFacts link, Dictionary<(int, SockAddrInet), NextHopState> nextHops)
    {
        if (!link.ResolvesNeighbors)
        {
            row.IsReachable = link.IsUp;
            return;
        }
        Span<byte> bytes = stackalloc byte[16];
        var key = (link.Index, SockAddrInet.FromBytes(bytes[..row.CurrentNextHop.WriteAddressBytes(bytes)]));
        if (row.CurrentNextHop.IsUnspecified || !nextHops.TryGetValue(key, out var state)) return;
        row.IsReachable = (state.Nud & NUD_VALID) != 0;
        row.LastReachable = ClockTicks.ToMilliseconds(row.IsReachable ? state.Confirmed : state.Updated);
    }

    /// <summary>The MTU the link offers the family: IFLA_MTU for IPv4, the per-interface IPv6 MTU (net.ipv6.conf.IF.mtu) for IPv6.</summary>
    private uint DeviceMtu(in LinkFacts link, AddressFamily family) =>
        family == AddressFamily.InterNetworkV6 && Sysctl.ReadInt64(Context, $"ipv6/conf/{link.Name}/mtu") is > 0 and <= uint.MaxValue and var mtu
            ? (uint)mtu
            : link.Mtu;

    /// <summary>True when both are the same IP address of the same family, whatever their scope ids say.</summary>
    private static bool SameIp(in SockAddrInet a, in SockAddrInet b)
    {
        if (a.Family != b.Family) return false;
        Span<byte> left = stackalloc byte[16];
        Span<byte> right = stackalloc byte[16];
        return left[..a.WriteAddressBytes(left)].SequenceEqual(right[..b.WriteAddressBytes(right)]);
    }

    /// <summary>The address with the interface as its scope id when it is an IPv6 link-local one.</summary>
    private static SockAddrInet WithInterfaceScope(in SockAddrInet address, int ifIndex)
    {
        Span<byte> bytes = stackalloc byte[16];
        return AddressOf(bytes[..address.WriteAddressBytes(bytes)], ifIndex);
    }
}
