using System.Buffers.Binary;
using IpHelper.Linux.Netlink;

namespace IpHelper.Linux.Rtnl;

/// <summary>
/// The fields of an RTM_NEWROUTE reply that describe the path to one destination: a route exception
/// (PMTU or redirect, from a dump with RTM_F_CLONED) or the answer of a route lookup. Views into the
/// receive buffer, valid only while the message is handled; unknown attributes are skipped.
/// </summary>
internal ref struct PathExceptionMessage
{
    public byte Family;
    public byte Type;
    public uint Flags;
    public uint Table;
    public ReadOnlySpan<byte> Destination;
    public ReadOnlySpan<byte> Gateway;
    public ReadOnlySpan<byte> PreferredSource;
    public int OutputInterface;
    /// <summary>RTAX_MTU in RTA_METRICS: the path MTU of an exception, or the MTU a route was configured with; 0 when absent.</summary>
    public uint Mtu;
    /// <summary>rta_cacheinfo.rta_expires: clock ticks until the exception expires, 0 when it does not.</summary>
    public int Expires;

    /// <summary>True when the reply describes a cached clone or exception rather than a FIB route.</summary>
    public readonly bool IsCloned => (Flags & PathExceptionConstants.RTM_F_CLONED) != 0;

    /// <summary>Decodes an RTM_NEWROUTE message; false when its header is too short or its attributes are malformed.</summary>
    public static bool TryDecode(in NetlinkMessage message, out PathExceptionMessage path)
    {
        path = default;
        if (message.Type != RtnlMessageType.RTM_NEWROUTE || !message.TryReadHeader(out RtMsg header)) return false;
        path.Family = header.Family;
        path.Type = header.Type;
        path.Flags = header.Flags;
        path.Table = header.Table;
        var attributes = message.Attributes(System.Runtime.CompilerServices.Unsafe.SizeOf<RtMsg>());
        while (attributes.MoveNext())
        {
            var attribute = attributes.Current;
            switch (attribute.Type)
            {
                case PathExceptionConstants.RTA_DST: path.Destination = attribute.Value; break;
                case PathExceptionConstants.RTA_GATEWAY: path.Gateway = attribute.Value; break;
                case PathExceptionConstants.RTA_VIA:
                    // struct rtvia { u16 family; u8 addr[]; }: an IPv6 next hop of an IPv4 route.
                    if (attribute.Value.Length > 2) path.Gateway = attribute.Value[2..];
                    break;
                case PathExceptionConstants.RTA_PREFSRC: path.PreferredSource = attribute.Value; break;
                case PathExceptionConstants.RTA_OIF: if (attribute.TryGetU32(out var oif)) path.OutputInterface = (int)oif; break;
                case PathExceptionConstants.RTA_TABLE: attribute.TryGetU32(out path.Table); break;
                case PathExceptionConstants.RTA_CACHEINFO:
                    // struct rta_cacheinfo { u32 rta_clntref, rta_lastuse; s32 rta_expires; ... }
                    if (attribute.Value.Length >= 12) path.Expires = BinaryPrimitives.ReadInt32LittleEndian(attribute.Value[8..]);
                    break;
                case PathExceptionConstants.RTA_METRICS:
                    var metrics = attribute.Nested;
                    while (metrics.MoveNext())
                        if (metrics.Current.Type == PathExceptionConstants.RTAX_MTU) metrics.Current.TryGetU32(out path.Mtu);
                    if (metrics.Malformed) return false;
                    break;
            }
        }
        return !attributes.Malformed;
    }
}
