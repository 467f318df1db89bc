using IpHelper.Linux.Netlink;

namespace IpHelper.Linux.Rtnl;

/// <summary>
/// Encodes the RTM_GETROUTE and RTM_DELROUTE requests of the path table: a dump of route exceptions,
/// a route lookup for one destination, and the deletion of one IPv6 exception.
/// </summary>
internal static class PathExceptionRequest
{
    /// <summary>
    /// A dump of the route exceptions (cached PMTU and redirect entries) of one family, in every table:
    /// RTM_F_CLONED in the request header asks for exceptions instead of FIB routes.
    /// </summary>
    public static void DumpExceptions(NetlinkMessageWriter writer, byte family)
    {
        writer.BeginMessage(RtnlMessageType.RTM_GETROUTE, 0);
        ref var header = ref writer.Header<RtMsg>();
        header.Family = family;
        header.Flags = PathExceptionConstants.RTM_F_CLONED;
        writer.EndMessage();
    }

    /// <summary>
    /// The route the kernel would use for <paramref name="destination"/> (like <c>ip route get</c>), from
    /// <paramref name="source"/> and out of <paramref name="outputInterface"/> when given. With
    /// <paramref name="fibMatch"/> the answer is the FIB entry that matched (like <c>ip route get fibmatch</c>).
    /// </summary>
    public static void Lookup(NetlinkMessageWriter writer, byte family, ReadOnlySpan<byte> destination, ReadOnlySpan<byte> source,
        int outputInterface, bool fibMatch)
    {
        writer.BeginMessage(RtnlMessageType.RTM_GETROUTE, 0);
        ref var header = ref writer.Header<RtMsg>();
        header.Family = family;
        header.DstLen = (byte)(destination.Length * 8);
        header.SrcLen = (byte)(source.Length * 8);
        if (fibMatch) header.Flags = PathExceptionConstants.RTM_F_FIB_MATCH;
        writer.Put(PathExceptionConstants.RTA_DST, destination);
        if (!source.IsEmpty) writer.Put(PathExceptionConstants.RTA_SRC, source);
        if (outputInterface != 0) writer.PutU32(PathExceptionConstants.RTA_OIF, (uint)outputInterface);
        writer.EndMessage();
    }

    /// <summary>
    /// Deletes one IPv6 route exception: the kernel finds the FIB route covering <paramref name="destination"/>
    /// in <paramref name="table"/> and removes its cached entry (RTM_F_CLONED) for that destination,
    /// gateway and interface. IPv4 has no per-exception delete.
    /// </summary>
    public static void DeleteIpv6Exception(NetlinkMessageWriter writer, ReadOnlySpan<byte> destination, ReadOnlySpan<byte> gateway,
        int outputInterface, uint table)
    {
        writer.BeginMessage(RtnlMessageType.RTM_DELROUTE, 0);
        ref var header = ref writer.Header<RtMsg>();
        header.Family = LinuxFamily.AF_INET6;
        header.DstLen = 128;
        header.Table = table < 256 ? (byte)table : PathExceptionConstants.RT_TABLE_UNSPEC;
        header.Flags = PathExceptionConstants.RTM_F_CLONED;
        writer.Put(PathExceptionConstants.RTA_DST, destination);
        if (!gateway.IsEmpty) writer.Put(PathExceptionConstants.RTA_GATEWAY, gateway);
        if (outputInterface != 0) writer.PutU32(PathExceptionConstants.RTA_OIF, (uint)outputInterface);
        writer.PutU32(PathExceptionConstants.RTA_TABLE, table);
        writer.EndMessage();
    }
}
