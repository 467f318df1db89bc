using System.Buffers.Binary;
using IpHelper.Linux.Netlink;

namespace IpHelper.Linux.Rtnl;

/// <summary>Encodes RTM_GETROUTE, RTM_NEWROUTE and RTM_DELROUTE requests.</summary>
internal static class RouteRequest
{
    /// <summary>
    /// A dump of the routes of one family, filtered by the kernel (strict checking) to one table
    /// (0: every table) and one output interface (0: any).
    /// </summary>
    public static void Dump(NetlinkMessageWriter writer, byte family, uint table, int outputInterface)
    {
        writer.BeginMessage(RtnlMessageType.RTM_GETROUTE, 0);
        ref var header = ref writer.Header<RtMsg>();
        header.Family = family;
        header.Table = table is > 0 and < 256 ? (byte)table : (byte)0;
        if (table != 0) writer.PutU32(RouteConstants.RTA_TABLE, table);
        if (outputInterface != 0) writer.PutU32(RouteConstants.RTA_OIF, (uint)outputInterface);
        writer.EndMessage();
    }

    /// <summary>
    /// A route lookup (what <c>ip route get</c> sends): the destination, and optionally the source and
    /// the output interface. <paramref name="flags"/> may ask for the FIB entry (RTM_F_FIB_MATCH) and
    /// the table it came from (RTM_F_LOOKUP_TABLE, IPv4 only).
    /// </summary>
    public static void Get(NetlinkMessageWriter writer, byte family, ReadOnlySpan<byte> destination, ReadOnlySpan<byte> source,
        int outputInterface, uint flags)
    {
        writer.BeginMessage(RtnlMessageType.RTM_GETROUTE, 0);
        ref var header = ref writer.Header<RtMsg>();
        header.Family = family;
        header.DstLen = (byte)(destination.Length * 8);
        header.SrcLen = (byte)(source.Length * 8);
        header.Flags = flags;
        writer.Put(RouteConstants.RTA_DST, destination);
        if (!source.IsEmpty) writer.Put(RouteConstants.RTA_SRC, source);
        if (outputInterface != 0) writer.PutU32(RouteConstants.RTA_OIF, (uint)outputInterface);
        writer.EndMessage();
    }

    /// <summary>
    /// An RTM_NEWROUTE for one single-path unicast route: what the batch path writes for each row.
    /// An empty <paramref name="gateway"/> makes an on-link route (scope link); <paramref name="expiresSeconds"/>
    /// (IPv6 only) makes it expire.
    /// </summary>
    public static void New(NetlinkMessageWriter writer, ushort flags, byte family, ReadOnlySpan<byte> destination, byte prefixLength,
        uint table, byte protocol, int outputInterface, ReadOnlySpan<byte> gateway, uint priority, uint? expiresSeconds)
    {
        writer.BeginMessage(RtnlMessageType.RTM_NEWROUTE, flags);
        ref var header = ref writer.Header<RtMsg>();
        header.Family = family;
        header.DstLen = prefixLength;
        header.Table = table < 256 ? (byte)table : (byte)0;
        header.Protocol = protocol;
        header.Scope = gateway.IsEmpty ? RouteConstants.RT_SCOPE_LINK : RouteConstants.RT_SCOPE_UNIVERSE;
        header.Type = RouteConstants.RTN_UNICAST;
        if (prefixLength > 0) writer.Put(RouteConstants.RTA_DST, destination);
        writer.PutU32(RouteConstants.RTA_TABLE, table);
        writer.PutU32(RouteConstants.RTA_OIF, (uint)outputInterface);
        if (!gateway.IsEmpty) writer.Put(RouteConstants.RTA_GATEWAY, gateway);
        writer.PutU32(RouteConstants.RTA_PRIORITY, priority);
        if (expiresSeconds is { } expires) writer.PutU32(RouteConstants.RTA_EXPIRES, expires);
        writer.EndMessage();
    }

    /// <summary>
    /// An RTM_NEWROUTE or RTM_DELROUTE carrying every identifying attribute of <paramref name="route"/>
    /// (table, type, scope, protocol, priority, preferred source, next hops), so that a delete matches
    /// exactly that route and a new route is its exact copy.
    /// </summary>
    public static void Write(NetlinkMessageWriter writer, ushort type, ushort flags, KernelRoute route)
    {
        writer.BeginMessage(type, flags);
        ref var header = ref writer.Header<RtMsg>();
        header.Family = route.Family;
        header.DstLen = route.DstLen;
        header.SrcLen = route.SrcLen;
        header.Tos = route.Tos;
        header.Table = route.Table < 256 ? (byte)route.Table : (byte)0;
        header.Protocol = route.Protocol;
        header.Scope = route.Scope;
        header.Type = route.Type;
        var single = route.NextHopId == 0 && !route.Multipath && route.NextHops.Count == 1;
        header.Flags = single ? route.NextHops[0].Flags & (uint)RouteConstants.RTNH_F_ONLINK : 0;
        // The header reference is not used past here: a Put may move the buffer.
        if (route.DstLen > 0) writer.Put(RouteConstants.RTA_DST, route.Dst);
        if (route.SrcLen > 0) writer.Put(RouteConstants.RTA_SRC, route.Src);
        writer.PutU32(RouteConstants.RTA_TABLE, route.Table);
        writer.PutU32(RouteConstants.RTA_PRIORITY, route.Priority);
        if (route.PrefSrc is { } prefSrc) writer.Put(RouteConstants.RTA_PREFSRC, prefSrc);
        if (route.NextHopId != 0) writer.PutU32(RouteConstants.RTA_NH_ID, route.NextHopId);
        else if (route.Multipath) WriteMultipath(writer, route.NextHops);
        else if (single)
        {
            var hop = route.NextHops[0];
            if (hop.InterfaceIndex != 0) writer.PutU32(RouteConstants.RTA_OIF, (uint)hop.InterfaceIndex);
            if (hop.Gateway is { } gateway) writer.Put(RouteConstants.RTA_GATEWAY, gateway);
            if (hop.Via is { } via) writer.Put(RouteConstants.RTA_VIA, via);
        }
        if (type == RtnlMessageType.RTM_NEWROUTE)
        {
            if (route.ExpiresSeconds is { } expires) writer.PutU32(RouteConstants.RTA_EXPIRES, expires);
            foreach (var (attributeType, value) in route.Preserved) writer.Put(attributeType, value);
        }
        writer.EndMessage();
    }

    /// <summary>RTA_MULTIPATH: back-to-back struct rtnexthop, each followed by its gateway attribute.</summary>
    private static void WriteMultipath(NetlinkMessageWriter writer, List<KernelNextHop> nextHops)
    {
        var length = 0;
        foreach (var hop in nextHops) length += NextHopLength(hop);
        Span<byte> value = length <= 512 ? stackalloc byte[length] : new byte[length];
        value.Clear();
        var at = 0;
        foreach (var hop in nextHops)
        {
            var hopLength = NextHopLength(hop);
            var rtnh = value.Slice(at, hopLength);
            BinaryPrimitives.WriteUInt16LittleEndian(rtnh, (ushort)hopLength);
            rtnh[2] = (byte)(hop.Flags & RouteConstants.RTNH_F_ONLINK);
            rtnh[3] = (byte)Math.Clamp(hop.Weight - 1, 0, 255);
            BinaryPrimitives.WriteInt32LittleEndian(rtnh[4..], hop.InterfaceIndex);
            var attributeAt = RouteConstants.RtNextHopLength;
            if (hop.Gateway is { } gateway) attributeAt += PutInline(rtnh[attributeAt..], RouteConstants.RTA_GATEWAY, gateway);
            if (hop.Via is { } via) PutInline(rtnh[attributeAt..], RouteConstants.RTA_VIA, via);
            at += hopLength;
        }
        writer.Put(RouteConstants.RTA_MULTIPATH, value);
    }

    private static int NextHopLength(KernelNextHop hop) =>
        RouteConstants.RtNextHopLength
        + (hop.Gateway is { } gateway ? NetlinkConstants.Align(NetlinkConstants.AttributeHeaderLength + gateway.Length) : 0)
        + (hop.Via is { } via ? NetlinkConstants.Align(NetlinkConstants.AttributeHeaderLength + via.Length) : 0);

    private static int PutInline(Span<byte> destination, ushort type, ReadOnlySpan<byte> value)
    {
        BinaryPrimitives.WriteUInt16LittleEndian(destination, (ushort)(NetlinkConstants.AttributeHeaderLength + value.Length));
        BinaryPrimitives.WriteUInt16LittleEndian(destination[2..], type);
        value.CopyTo(destination[NetlinkConstants.AttributeHeaderLength..]);
        return NetlinkConstants.Align(NetlinkConstants.AttributeHeaderLength + value.Length);
    }
}
