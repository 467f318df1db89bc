namespace IpHelper.Linux.Rtnl;

/// <summary>
/// A copy of one kernel route (everything needed to delete it exactly or to write it again), for
/// the write paths that must find a route first. Reads decode <see cref="RouteMessage"/> in place instead.
/// Attributes IpHelper does not interpret (metrics, router preference, encapsulation, realms) are kept
/// as raw bytes so that re-writing a route preserves them.
/// </summary>
internal sealed class KernelRoute
{
    public byte Family;
    public byte DstLen;
    public byte[] Dst = [];
    public byte SrcLen;
    public byte[] Src = [];
    public byte Tos;
    public uint Table;
    public byte Protocol;
    public byte Scope;
    public byte Type;
    /// <summary>rtm_flags as the kernel reported them; only the next-hop flags (RTNH_F_ONLINK) are written back.</summary>
    public uint Flags;
    /// <summary>RTA_PRIORITY (0 when absent, as the kernel treats it).</summary>
    public uint Priority;
    public byte[]? PrefSrc;
    /// <summary>The remaining lifetime in seconds (IPv6 RTA_EXPIRES), or null for a permanent route.</summary>
    public uint? ExpiresSeconds;
    public uint NextHopId;
    public List<KernelNextHop> NextHops = [];
    public List<(ushort Type, byte[] Value)> Preserved = [];

    /// <summary>True when the kernel sent the next hops as RTA_MULTIPATH.</summary>
    public bool Multipath;

    /// <summary>Copies a decoded route; false when its RTA_MULTIPATH is malformed.</summary>
    public static bool TryCopy(in RouteMessage message, ReadOnlySpan<byte> rawAttributes, out KernelRoute route)
    {
        route = new KernelRoute
        {
            Family = message.Family,
            DstLen = message.DstLen,
            Dst = message.Dst.ToArray(),
            SrcLen = message.SrcLen,
            Src = message.Src.ToArray(),
            Tos = message.Tos,
            Table = message.Table,
            Protocol = message.Protocol,
            Scope = message.Scope,
            Type = message.Type,
            Flags = message.Flags,
            Priority = message.Priority,
            PrefSrc = message.PrefSrc.IsEmpty ? null : message.PrefSrc.ToArray(),
            ExpiresSeconds = message.ExpiresTicks > 0 ? (uint)((message.ExpiresTicks + RouteConstants.UserHz - 1) / RouteConstants.UserHz) : null,
            NextHopId = message.NextHopId,
        };
        var hops = message.NextHops;
        while (hops.MoveNext())
        {
            var hop = hops.Current;
            route.NextHops.Add(new KernelNextHop(hop.InterfaceIndex, hop.Flags, hop.Weight,
                hop.Gateway.IsEmpty ? null : hop.Gateway.ToArray(), hop.Via.IsEmpty ? null : hop.Via.ToArray()));
        }
        if (hops.Malformed) return false;
        route.Multipath = !message.Multipath.IsEmpty;
        foreach (var attribute in new Netlink.NetlinkAttributeEnumerator(rawAttributes))
        {
            if (attribute.Type is RouteConstants.RTA_METRICS or RouteConstants.RTA_PREF or RouteConstants.RTA_ENCAP_TYPE
                or RouteConstants.RTA_ENCAP or RouteConstants.RTA_FLOW)
                route.Preserved.Add((attribute.RawType, attribute.Value.ToArray()));
        }
        return true;
    }

    /// <summary>A copy with the same attributes and another set of next hops.</summary>
    public KernelRoute WithNextHops(IEnumerable<KernelNextHop> nextHops)
    {
        var copy = (KernelRoute)MemberwiseClone();
        copy.NextHops = [.. nextHops];
        copy.Multipath = copy.NextHops.Count > 1;
        return copy;
    }

    /// <summary>A copy to change header fields of; the next hops are shared.</summary>
    public KernelRoute Clone() => (KernelRoute)MemberwiseClone();
}

/// <summary>One next hop of a <see cref="KernelRoute"/>: interface, RTNH flags, weight, and the gateway or the raw struct rtvia.</summary>
internal sealed record KernelNextHop(int InterfaceIndex, byte Flags, int Weight, byte[]? Gateway, byte[]? Via);
