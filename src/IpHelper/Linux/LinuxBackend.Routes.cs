using System.Net.Sockets;
using IpHelper.Linux.Netlink;
using IpHelper.Linux.Rtnl;

namespace IpHelper.Linux;

internal sealed partial class LinuxBackend
{
    public BackendResult GetIpForwardTable(AddressFamily family, RouteTableSelection tables, out MibTable<MibIpForwardRow2>? table)
    {
        table = null;
        using var lease = Context.Sockets.Rent();
        var socket = lease.Socket;
        var error = RouteInterfaceMap.LoadAll(socket, Context.Metrics, out var interfaces);
        if (error.Failed) return Failed(error, "RTM_GETLINK dump");
        var families = FamiliesOf(family);
        var estimate = RouteCountEstimate.Rows(Context, families, tables);
        var collector = new RouteCollector(interfaces, tables, estimate);
        try
        {
            using var request = new NetlinkMessageWriter();
            foreach (var linuxFamily in families)
            {
                foreach (var dumpTable in tables.DumpTables)
                {
                    request.Clear();
                    RouteRequest.Dump(request, linuxFamily, dumpTable, 0);
                    collector.BeginDump();
                    error = DumpRoutes(socket, request, linuxFamily, ref collector, out var duplicatesPossible);
                    if (error.Failed && !IsMissingTable(error, dumpTable)) return Failed(error, "RTM_GETROUTE dump");
                    if (duplicatesPossible) collector.RemoveDuplicates();
                }
            }
            if (collector.Malformed) return Malformed("RTM_GETROUTE dump");
            if (collector.Unresolved > 0)
            {
                error = RouteRowMapper.Resolve(socket, interfaces, collector.Rows, 0);
                if (error.Failed) return Failed(error, "RTM_GETLINK");
            }
            RouteCountEstimate.Remember(Context, families, tables, estimate, collector.Rows.Count);
            table = collector.Rows.ToTable();
            return BackendResult.Success;
        }
        finally
        {
            collector.Rows.Dispose();
        }
    }

    public BackendResult GetIpForwardEntry(RouteTableSelection tables, ref MibIpForwardRow2 row)
    {
        using var lease = Context.Sockets.Rent();
        var status = FindRoute(lease.Socket, tables, row, out var found, out _);
        if (status != NetIoStatus.Success) return status;
        row = found!.Row;
        return BackendResult.Success;
    }

    public BackendResult CreateIpForwardEntry(RouteTableSelection tables, in MibIpForwardRow2 row)
    {
        using var lease = Context.Sockets.Rent();
        var socket = lease.Socket;
        var status = FindRoute(socket, tables, row, out var existing, out var routeInterface);
        if (status == NetIoStatus.Success)
            return BackendResult.Fail(NetIoStatus.ObjectAlreadyExists,
                $"a route to {row.DestinationPrefix} via {row.NextHop} on interface {row.InterfaceIndex} exists (table {existing!.Route.Table})", "DestinationPrefix");
        if (status != NetIoStatus.NotFound) return status;
        status = NewRouteSettings(row, existing: null, routeInterface!, out var priority, out var protocol, out var expires);
        if (status != NetIoStatus.Success) return status;
        using var request = new NetlinkMessageWriter();
        Span<byte> destination = stackalloc byte[16], gateway = stackalloc byte[16];
        var length = row.DestinationPrefix.Prefix.WriteAddressBytes(destination);
        var gatewayLength = row.NextHop.IsUnspecified ? 0 : row.NextHop.WriteAddressBytes(gateway);
        RouteRequest.New(request, NetlinkConstants.NLM_F_CREATE | NetlinkConstants.NLM_F_APPEND, LinuxFamily.FromWindows(row.DestinationPrefix.Prefix.Family),
            destination[..length], row.DestinationPrefix.PrefixLength, tables.WriteTable, protocol, (int)row.InterfaceIndex,
            gateway[..gatewayLength], priority, expires);
        var error = socket.Execute(request);
        return error.Failed ? RouteWriteFailed(error, "RTM_NEWROUTE") : BackendResult.Success;
    }

    public BackendResult SetIpForwardEntry(RouteTableSelection tables, in MibIpForwardRow2 row)
    {
        using var lease = Context.Sockets.Rent();
        var socket = lease.Socket;
        var status = FindRoute(socket, tables, row, out var found, out var routeInterface);
        if (status != NetIoStatus.Success) return status;
        var old = found!.Route;
        status = NewRouteSettings(row, found, routeInterface!, out var priority, out var protocol, out var expires);
        if (status != NetIoStatus.Success) return status;
        if (priority == old.Priority && protocol == old.Protocol && SameLifetime(expires, old.ExpiresSeconds)) return BackendResult.Success;

        var changed = old.NextHopId != 0 ? old.Clone() : old.WithNextHops([old.NextHops[found.HopIndex] with { Weight = 1 }]);
        changed.Priority = priority;
        changed.Protocol = protocol;
        changed.ExpiresSeconds = expires;
        return ReplaceNextHop(socket, found, changed);
    }

    public BackendResult DeleteIpForwardEntry(RouteTableSelection tables, in MibIpForwardRow2 row)
    {
        using var lease = Context.Sockets.Rent();
        var socket = lease.Socket;
        var status = FindRoute(socket, tables, row, out var found, out _);
        if (status != NetIoStatus.Success) return status;
        return ReplaceNextHop(socket, found!, replacement: null);
    }

    /// <summary>
    /// Removes the found next hop from its route and, when <paramref name="replacement"/> is given,
    /// adds it back as a route of its own, in one batch. An IPv4 multipath route is deleted whole and
    /// written again with its other next hops (Linux cannot delete one IPv4 next hop); an IPv6 next hop
    /// is its own route to the kernel and is deleted alone. If a later step fails, the earlier ones are undone.
    /// </summary>
    private static BackendResult ReplaceNextHop(NetlinkSocket socket, FoundRoute found, KernelRoute? replacement)
    {
        var old = found.Route;
        var steps = new List<(ushort Type, ushort Flags, KernelRoute Route)>();
        var undo = new List<(ushort Type, ushort Flags, KernelRoute Route)>();
        const ushort Create = NetlinkConstants.NLM_F_CREATE | NetlinkConstants.NLM_F_APPEND;
        if (old.NextHopId == 0 && old.Family == RouteConstants.AF_INET && old.NextHops.Count > 1)
        {
            var others = old.WithNextHops(old.NextHops.Where((_, i) => i != found.HopIndex));
            steps.Add((RtnlMessageType.RTM_DELROUTE, 0, old));
            steps.Add((RtnlMessageType.RTM_NEWROUTE, Create, others));
            undo.Add((RtnlMessageType.RTM_NEWROUTE, Create, old));
            undo.Add((RtnlMessageType.RTM_DELROUTE, 0, others));
        }
        else
        {
            var alone = old.NextHopId == 0 && old.NextHops.Count > 1 ? old.WithNextHops([old.NextHops[found.HopIndex]]) : old;
            steps.Add((RtnlMessageType.RTM_DELROUTE, 0, alone));
            undo.Add((RtnlMessageType.RTM_NEWROUTE, Create, alone));
        }
        if (replacement is not null)
        {
            steps.Add((RtnlMessageType.RTM_NEWROUTE, Create, replacement));
            undo.Add((RtnlMessageType.RTM_DELROUTE, 0, replacement));
        }

        using var request = new NetlinkMessageWriter();
        foreach (var (type, flags, route) in steps) RouteRequest.Write(request, type, flags, route);
        var results = new NetlinkError[steps.Count];
        var error = socket.ExecuteBatch(request, results);
        if (error.Failed) return Failed(error, "route update");
        var failed = -1;
        for (var i = 0; i < steps.Count && failed < 0; i++) if (results[i].Failed) failed = i;
        if (failed < 0) return BackendResult.Success;

        // The kernel ran every step; undo each one that succeeded, newest first.
        request.Clear();
        for (var i = steps.Count - 1; i >= 0; i--)
            if (!results[i].Failed) RouteRequest.Write(request, undo[i].Type, undo[i].Flags, undo[i].Route);
        if (request.MessageCount > 0)
        {
            var undone = new NetlinkError[request.MessageCount];
            socket.ExecuteBatch(request, undone);
        }
        return RouteWriteFailed(results[failed], steps[failed].Type == RtnlMessageType.RTM_DELROUTE ? "RTM_DELROUTE" : "RTM_NEWROUTE");
    }

    /// <summary>
    /// The priority, protocol and lifetime a created or changed route gets. Metric 0xFFFFFFFF (what
    /// InitializeIpForwardEntry leaves) keeps the old priority, or for a new route takes the kernel's
    /// default for the family (0 for IPv4, 1024 for IPv6); the interface metric is added
    /// (docs/mapping.md, Metrics). An unspecified Protocol keeps the old one, or is RTPROT_BOOT.
    /// </summary>
    private static BackendResult NewRouteSettings(in MibIpForwardRow2 row, FoundRoute? existing, RouteInterfaceMap.Entry routeInterface,
        out uint priority, out byte protocol, out uint? expires)
    {
        var family = row.DestinationPrefix.Prefix.Family;
        priority = 0;
        protocol = existing is not null && !RouteProtocolMap.IsDefined(row.Protocol)
            ? existing.Route.Protocol
            : RouteProtocolMap.ToLinux(row.Protocol);
        expires = null;
        if (row.ValidLifetime != uint.MaxValue)
        {
            if (family == AddressFamily.InterNetwork)
                return BackendResult.Fail(NetIoStatus.NotSupported, "Linux IPv4 routes cannot expire: ValidLifetime must be infinite (0xFFFFFFFF)", "ValidLifetime");
            expires = row.ValidLifetime;
        }
        if (row.Metric == uint.MaxValue && existing is not null)
        {
            priority = existing.Route.Priority;
            return BackendResult.Success;
        }
        var metric = row.Metric != uint.MaxValue ? row.Metric : family == AddressFamily.InterNetwork ? 0 : RouteConstants.Ip6DefaultPriority;
        var sum = (ulong)metric + routeInterface.Metric(family);
        if (sum > uint.MaxValue)
            return BackendResult.Fail(NetIoStatus.InvalidParameter, $"Metric {metric} plus the interface metric exceeds the largest Linux route priority", "Metric");
        priority = (uint)sum;
        return BackendResult.Success;
    }

    /// <summary>Equal lifetimes: both permanent, or within a second of each other (the kernel counts down).</summary>
    private bool SameLifetime(uint? wanted, uint? current) =>
        wanted is null ? current is null : current is { } c && (wanted.Value > c ? wanted.Value - c : c - wanted.Value) <= 1;

    /// <summary>
    /// Finds the first route, in kernel order over the selected tables, with a next hop on the row's
    /// InterfaceIndex whose prefix and next hop address equal the row's. The kernel filters the dump
    /// by family, table and output interface; routes without an interface (blackhole, unreachable,
    /// prohibit) belong to the loopback interface and are found by a dump of the whole table.
    /// </summary>
    private BackendResult FindRoute(NetlinkSocket socket, RouteTableSelection tables, in MibIpForwardRow2 key, out FoundRoute? found,
        out RouteInterfaceMap.Entry? routeInterface)
    {
        found = null;
        routeInterface = null;
        var interfaces = new RouteInterfaceMap(Context.Metrics);
        if (!interfaces.TryLoad(socket, (int)key.InterfaceIndex, out var error))
        {
            if (error.Failed) return Failed(error, "RTM_GETLINK");
            return BackendResult.Fail(NetIoStatus.FileNotFound, $"interface {key.InterfaceIndex} disappeared", "InterfaceIndex");
        }
        routeInterface = interfaces.Find((int)key.InterfaceIndex);
        var filterInterface = interfaces.LoopbackIndex == (int)key.InterfaceIndex ? 0 : (int)key.InterfaceIndex;
        var finder = new RouteFinder(key, tables, interfaces);
        using var request = new NetlinkMessageWriter();
        foreach (var table in tables.DumpTables)
        {
            request.Clear();
            RouteRequest.Dump(request, LinuxFamily.FromWindows(key.DestinationPrefix.Prefix.Family), table, filterInterface);
            error = DumpRoutes(socket, request, LinuxFamily.FromWindows(key.DestinationPrefix.Prefix.Family), ref finder, out _);
            if (error.Failed && !IsMissingTable(error, table)) return Failed(error, "RTM_GETROUTE dump");
            if (finder.Malformed) return Malformed("RTM_GETROUTE dump");
            if (finder.Found is not null) break;
        }
        if (finder.Found is null)
            return BackendResult.Fail(NetIoStatus.NotFound,
                $"no route to {key.DestinationPrefix} via {key.NextHop} on interface {key.InterfaceIndex} in the {tables} table(s)", "DestinationPrefix");
        found = finder.Found;
        return BackendResult.Success;
    }

    /// <summary>
    /// Dumps routes of one family. The kernel's IPv6 route walk, when the route tree changes between two
    /// of its datagrams, resumes by skipping as many routes as it had sent, without NLM_F_DUMP_INTR: a
    /// route removed meanwhile before its position makes it skip one it never sent, a route added there
    /// makes it send the previous one again. An IPv6 dump is therefore watched through RTNLGRP_IPV6_ROUTE
    /// and repeated when a route was removed or replaced during it (<see cref="Ipv6RouteWatch"/>);
    /// when routes were only added, <paramref name="duplicatesPossible"/> says a row may have come twice.
    /// Repeating on additions too would never end under a flood of them. IPv4 dumps resume by key and
    /// are flagged, so the plain dump is enough.
    /// </summary>
    private NetlinkError DumpRoutes<THandler>(NetlinkSocket socket, NetlinkMessageWriter request, byte family, ref THandler handler, out bool duplicatesPossible)
        where THandler : INetlinkReplyHandler
    {
        duplicatesPossible = false;
        if (family != RouteConstants.AF_INET6) return socket.Dump(request, ref handler);
        var error = Ipv6RouteWatch.Open(Context, out var watch);
        if (error.Failed) return error;
        using (watch) return socket.Dump(request, ref handler, watch!.Removals, watch.Additions, out duplicatesPossible);
    }

    /// <summary>
    /// Maps a failed route write: EEXIST is ObjectAlreadyExists, an unusable next hop InvalidParameter,
    /// ESRCH NotFound, an interface that is down (IPv4) NotSupported ("the interface cannot hold routes").
    /// </summary>
    private static BackendResult RouteWriteFailed(NetlinkError error, string what) => error.Errno switch
    {
        Errno.EHOSTUNREACH or Errno.ENETUNREACH => BackendResult.Fail(NetIoStatus.InvalidParameter,
            $"{what}: {error}: Linux accepts a next hop only when a route on the interface reaches it", "NextHop", error.Errno, error.Message),
        Errno.ESRCH => BackendResult.Fail(NetIoStatus.NotFound, $"{what}: {error}: the route changed meanwhile", "DestinationPrefix", error.Errno, error.Message),
        Errno.ENETDOWN => BackendResult.Fail(NetIoStatus.NotSupported,
            $"{what}: {error}: Linux accepts IPv4 routes only through an interface that is up", "InterfaceIndex", error.Errno, error.Message),
        _ => Failed(error, what),
    };

    /// <summary>A dump filtered to a table that does not exist fails with ENOENT: that table simply has no routes.</summary>
    private static bool IsMissingTable(NetlinkError error, uint table) => error.Errno == Errno.ENOENT && table != 0;

    private static byte[] FamiliesOf(AddressFamily family) => family switch
    {
        AddressFamily.InterNetwork => [RouteConstants.AF_INET],
        AddressFamily.InterNetworkV6 => [RouteConstants.AF_INET6],
        _ => [RouteConstants.AF_INET, RouteConstants.AF_INET6],
    };

    /// <summary>A route found by key: its kernel copy, which of its next hops matched, and the row.</summary>
    private sealed record FoundRoute(KernelRoute Route, int HopIndex, MibIpForwardRow2 Row);

    /// <summary>Collects the rows of one or more dumps; on an interrupted dump it drops only that dump's rows.</summary>
    private struct RouteCollector(RouteInterfaceMap interfaces, RouteTableSelection tables, int capacity) : INetlinkReplyHandler
    {
        public MibTableBuilder<MibIpForwardRow2> Rows = new(Math.Max(capacity, 16));
        public bool Malformed;
        public int Unresolved;
        private int _dumpStart;

        public void BeginDump() => _dumpStart = Rows.Count;

        // Kept out of the datagram loop: inlined, the loop's tier-1 compile took the whole decoder (7 KB of
        // code) and the JIT's working memory for it added about 1 MB to a dump's peak RSS; the call costs
        // nothing measurable per route.
        [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
        public void OnMessage(in NetlinkMessage message)
        {
            if (!RouteRowMapper.AppendRows(message, tables, interfaces, Rows, ref Unresolved)) Malformed = true;
        }

        public void OnRestart()
        {
            while (Rows.Count > _dumpStart) Rows.RemoveLast();
        }

        /// <summary>
        /// Keeps the first of identical rows of the current dump (a route the kernel sent twice because
        /// routes were added during its walk). A dump of every table at once could in principle hold the
        /// same route, field for field, in two tables: a row does not say its table, so both would be one
        /// row to a caller anyway.
        /// </summary>
        public void RemoveDuplicates()
        {
            var seen = new HashSet<MibIpForwardRow2>(Rows.Count - _dumpStart, Notifications.RowBytes.Comparer<MibIpForwardRow2>.Instance);
            var kept = _dumpStart;
            for (var i = _dumpStart; i < Rows.Count; i++)
            {
                if (!seen.Add(Rows[i])) continue;
                if (kept != i) Rows[kept] = Rows[i];
                kept++;
            }
            while (Rows.Count > kept) Rows.RemoveLast();
        }
    }

    /// <summary>Looks for the first next hop with the key of a row, and copies its route.</summary>
    private struct RouteFinder(MibIpForwardRow2 key, RouteTableSelection tables, RouteInterfaceMap interfaces) : INetlinkReplyHandler
    {
        public FoundRoute? Found;
        public bool Malformed;

        public void OnMessage(in NetlinkMessage message)
        {
            if (Found is not null) return;
            if (!RouteMessage.TryDecode(message, out var route))
            {
                Malformed |= RouteMessage.IsRouteMessage(message.Type);
                return;
            }
            if (!RouteRowMapper.IsShown(route, tables) || !RouteKey.PrefixMatches(route, key.DestinationPrefix)) return;
            var hops = route.NextHops;
            for (var i = 0; hops.MoveNext(); i++)
            {
                var hop = hops.Current;
                var index = hop.InterfaceIndex != 0 ? hop.InterfaceIndex : interfaces.LoopbackIndex;
                if (index != (int)key.InterfaceIndex || !RouteKey.NextHopMatches(hop, key.NextHop, route.AddressLength)) continue;
                if (!KernelRoute.TryCopy(route, message.Payload[NetlinkConstants.Align(System.Runtime.CompilerServices.Unsafe.SizeOf<RtMsg>())..], out var copy))
                {
                    Malformed = true;
                    return;
                }
                var row = default(MibIpForwardRow2);
                RouteRowMapper.Fill(ref row, route, hop, interfaces);
                Found = new FoundRoute(copy, i, row);
                return;
            }
            Malformed |= hops.Malformed;
        }

        public void OnRestart() => Found = null;
    }
}
