using System.Buffers.Binary;
using System.Runtime.InteropServices;
using IpHelper.Linux.Netlink;

namespace IpHelper.Linux.Rtnl;

/// <summary>
/// Moves the kernel priority (RTA_PRIORITY) of the routes through one interface when its interface
/// metric changes, so that each stays "route Metric + interface metric" (docs/mapping.md, Metrics).
/// The priority is part of a route's key: NLM_F_REPLACE with another priority adds a second route
/// instead of changing the first. So each route is added again at its new priority (make before
/// break), then the old one is deleted. Moved: unicast routes in every table but local whose every
/// next hop leaves through the interface, added by an administrator or a daemon; routes the kernel
/// made (proto kernel: prefix routes of addresses, fe80::/64) or learnt from router advertisements
/// (proto ra) keep the priority the kernel finds them by, as do routes through nexthop objects.
/// </summary>
internal static class InterfaceRoutePriorities
{
    private const ushort RTA_OIF = 4, RTA_PRIORITY = 6, RTA_MULTIPATH = 9, RTA_CACHEINFO = 12, RTA_TABLE = 15,
        RTA_EXPIRES = 23, RTA_NH_ID = 30;
    private const uint RT_TABLE_LOCAL = 255, RTNH_F_ONLINK = 4;
    private const int RtMsgLength = 12, RtNextHopLength = 8;

    /// <summary>
    /// Adds <paramref name="delta"/> to the priority of every movable route of the interface (clamped to
    /// 0 .. 2^32 − 1). All or nothing: when a step fails, the routes already moved are moved back.
    /// </summary>
    public static NetlinkError Shift(NetlinkSocket socket, byte linuxFamily, int interfaceIndex, long delta)
    {
        if (delta == 0) return NetlinkError.None;
        using var request = new NetlinkMessageWriter();
        request.BeginMessage(RtnlMessageType.RTM_GETROUTE, 0);
        request.Header<RouteHeader>().Family = linuxFamily;
        request.PutU32(RTA_OIF, (uint)interfaceIndex);
        request.EndMessage();
        var collector = new Collector(interfaceIndex);
        var error = socket.Dump(request, ref collector);
        if (error.Failed) return error;
        var routes = collector.Routes;
        routes.Sort((a, b) => delta > 0 ? b.Priority.CompareTo(a.Priority) : a.Priority.CompareTo(b.Priority));
        var moved = new List<(Route Route, uint To)>();
        foreach (var route in routes)
        {
            var target = (uint)Math.Clamp(route.Priority + delta, 0, uint.MaxValue);
            if (target == route.Priority) continue;
            error = Move(socket, request, route, route.Priority, target);
            if (error.Failed)
            {
                for (var i = moved.Count - 1; i >= 0; i--) Move(socket, request, moved[i].Route, moved[i].To, moved[i].Route.Priority);
                return error;
            }
            moved.Add((route, target));
        }
        return NetlinkError.None;
    }

    /// <summary>Adds the route at <paramref name="to"/>, then deletes it at <paramref name="from"/>; undoes the add if the delete fails.</summary>
    private static NetlinkError Move(NetlinkSocket socket, NetlinkMessageWriter request, Route route, uint from, uint to)
    {
        request.Clear();
        Write(request, route, RtnlMessageType.RTM_NEWROUTE, NetlinkConstants.NLM_F_CREATE, to, forDelete: false);
        var error = socket.Execute(request);
        if (error.Failed && error.Errno != Errno.EEXIST) return error;
        request.Clear();
        Write(request, route, RtnlMessageType.RTM_DELROUTE, 0, from, forDelete: true);
        error = socket.Execute(request);
        if (!error.Failed) return error;
        request.Clear();
        Write(request, route, RtnlMessageType.RTM_DELROUTE, 0, to, forDelete: true);
        socket.Execute(request);
        return error;
    }

    /// <summary>
    /// The route as a request: its rtmsg (flags other than RTNH_F_ONLINK are state the kernel refuses in
    /// a request) and attributes, with <paramref name="priority"/>. RTA_CACHEINFO is output only; a
    /// delete also drops the remaining lifetime (RTA_EXPIRES), which an add keeps.
    /// </summary>
    private static void Write(NetlinkMessageWriter request, Route route, ushort type, ushort flags, uint priority, bool forDelete)
    {
        request.BeginMessage(type, flags);
        ref var header = ref request.Header<RouteHeader>();
        header = MemoryMarshal.Read<RouteHeader>(route.Message);
        header.Flags &= RTNH_F_ONLINK;
        var attributes = new NetlinkAttributeEnumerator(route.Message.AsSpan(RtMsgLength));
        while (attributes.MoveNext())
        {
            var attribute = attributes.Current;
            if (attribute.Type is RTA_PRIORITY or RTA_CACHEINFO || (forDelete && attribute.Type == RTA_EXPIRES)) continue;
            request.Put(attribute.RawType, attribute.Value);
        }
        request.PutU32(RTA_PRIORITY, priority);
        request.EndMessage();
    }

    /// <summary>One route to move: its message payload (rtmsg and attributes) and its priority.</summary>
    private sealed record Route(byte[] Message, uint Priority);

    private struct Collector(int interfaceIndex) : INetlinkReplyHandler
    {
        public List<Route> Routes = [];

        public readonly void OnMessage(in NetlinkMessage message)
        {
            if (message.Type != RtnlMessageType.RTM_NEWROUTE || !message.TryReadHeader(out RouteHeader header)) return;
            if (!InterfaceMetricRule.Applies(header.Type, header.Protocol, nextHopId: 0)) return;
            uint table = header.Table, priority = 0, outInterface = 0;
            var multipathOnInterface = true;
            var multipath = false;
            var attributes = message.Attributes(RtMsgLength);
            while (attributes.MoveNext())
            {
                var attribute = attributes.Current;
                switch (attribute.Type)
                {
                    case RTA_TABLE: attribute.TryGetU32(out table); break;
                    case RTA_PRIORITY: attribute.TryGetU32(out priority); break;
                    case RTA_OIF: attribute.TryGetU32(out outInterface); break;
                    case RTA_NH_ID: return;
                    case RTA_MULTIPATH:
                        multipath = true;
                        multipathOnInterface = AllNextHopsOn(attribute.Value, interfaceIndex);
                        break;
                }
            }
            if (attributes.Malformed || table == RT_TABLE_LOCAL) return;
            if (multipath ? !multipathOnInterface : outInterface != (uint)interfaceIndex) return;
            Routes.Add(new Route(message.Payload.ToArray(), priority));
        }

        public readonly void OnRestart() => Routes.Clear();

        /// <summary>Whether every struct rtnexthop in RTA_MULTIPATH names the interface.</summary>
        private static bool AllNextHopsOn(ReadOnlySpan<byte> nextHops, int interfaceIndex)
        {
            while (nextHops.Length >= RtNextHopLength)
            {
                var length = BinaryPrimitives.ReadUInt16LittleEndian(nextHops);
                if (length < RtNextHopLength || length > nextHops.Length) return false;
                if (BinaryPrimitives.ReadInt32LittleEndian(nextHops[4..]) != interfaceIndex) return false;
                nextHops = nextHops[Math.Min(nextHops.Length, NetlinkConstants.Align(length))..];
            }
            return nextHops.IsEmpty;
        }
    }

    /// <summary>struct rtmsg.</summary>
    [StructLayout(LayoutKind.Sequential)]
    private struct RouteHeader
    {
        public byte Family;
        public byte DestinationLength;
        public byte SourceLength;
        public byte Tos;
        public byte Table;
        public byte Protocol;
        public byte Scope;
        public byte Type;
        public uint Flags;
    }
}
