using System.Buffers.Binary;
using System.Runtime.CompilerServices;
using IpHelper.Linux.Netlink;

namespace IpHelper.Linux.Rtnl;

/// <summary>
/// One decoded RTM_NEWROUTE or RTM_DELROUTE message: the rtmsg header and the attributes IpHelper
/// uses, as views into the receive buffer (valid only while the message is being handled). Unknown
/// attributes are skipped. <see cref="NextHops"/> walks the next hops the same way for single-path
/// routes (RTA_OIF, RTA_GATEWAY, RTA_VIA) and multipath routes (RTA_MULTIPATH).
/// </summary>
internal ref struct RouteMessage
{
    public ushort MessageType;
    public byte Family;
    public byte DstLen;
    public byte SrcLen;
    public byte Tos;
    /// <summary>RTA_TABLE when present (ids above 255 only travel there), else rtm_table.</summary>
    public uint Table;
    public byte Protocol;
    public byte Scope;
    public byte Type;
    public uint Flags;
    public ReadOnlySpan<byte> Dst;
    public ReadOnlySpan<byte> Src;
    public int Oif;
    public ReadOnlySpan<byte> Gateway;
    /// <summary>RTA_VIA: a next hop of another family (struct rtvia: a u16 family, then the address).</summary>
    public ReadOnlySpan<byte> Via;
    public uint Priority;
    public ReadOnlySpan<byte> PrefSrc;
    public ReadOnlySpan<byte> Multipath;
    /// <summary>The remaining lifetime from RTA_CACHEINFO in USER_HZ ticks; 0 when the route does not expire.</summary>
    public int ExpiresTicks;
    /// <summary>RTA_NH_ID: the kernel nexthop object the route uses, or 0.</summary>
    public uint NextHopId;

    /// <summary>True for a message the kernel sends about a route (a reply, a dump entry or a notification).</summary>
    public static bool IsRouteMessage(ushort type) => type is RtnlMessageType.RTM_NEWROUTE or RtnlMessageType.RTM_DELROUTE;

    /// <summary>Decodes an RTM_NEWROUTE or RTM_DELROUTE message; false when it is another type, too short, or malformed.</summary>
    public static bool TryDecode(in NetlinkMessage message, out RouteMessage route)
    {
        route = default;
        if (!IsRouteMessage(message.Type) || !message.TryReadHeader(out RtMsg header)) return false;
        route.MessageType = message.Type;
        route.Family = header.Family;
        route.DstLen = header.DstLen;
        route.SrcLen = header.SrcLen;
        route.Tos = header.Tos;
        route.Table = header.Table;
        route.Protocol = header.Protocol;
        route.Scope = header.Scope;
        route.Type = header.Type;
        route.Flags = header.Flags;
        var attributes = message.Attributes(Unsafe.SizeOf<RtMsg>());
        while (attributes.MoveNext())
        {
            var attribute = attributes.Current;
            switch (attribute.Type)
            {
                case RouteConstants.RTA_DST: route.Dst = attribute.Value; break;
                case RouteConstants.RTA_SRC: route.Src = attribute.Value; break;
                case RouteConstants.RTA_OIF: if (attribute.TryGetU32(out var oif)) route.Oif = (int)oif; break;
                case RouteConstants.RTA_GATEWAY: route.Gateway = attribute.Value; break;
                case RouteConstants.RTA_VIA: route.Via = attribute.Value; break;
                case RouteConstants.RTA_PRIORITY: attribute.TryGetU32(out route.Priority); break;
                case RouteConstants.RTA_PREFSRC: route.PrefSrc = attribute.Value; break;
                case RouteConstants.RTA_MULTIPATH: route.Multipath = attribute.Value; break;
                case RouteConstants.RTA_TABLE: attribute.TryGetU32(out route.Table); break;
                case RouteConstants.RTA_NH_ID: attribute.TryGetU32(out route.NextHopId); break;
                case RouteConstants.RTA_CACHEINFO:
                    if (attribute.Value.Length >= RouteConstants.CacheInfoExpiresOffset + 4)
                        route.ExpiresTicks = BinaryPrimitives.ReadInt32LittleEndian(attribute.Value[RouteConstants.CacheInfoExpiresOffset..]);
                    break;
            }
        }
        return !attributes.Malformed && IsValidLength(route.Dst, route.Family, route.DstLen) && IsValidLength(route.Src, route.Family, route.SrcLen);
    }

    /// <summary>The address length of the route's family: 4, 16, or 0 for any other family.</summary>
    public readonly int AddressLength => Family switch
    {
        RouteConstants.AF_INET => 4,
        RouteConstants.AF_INET6 => 16,
        _ => 0,
    };

    /// <summary>The next hops: one for a single-path route (even one without RTA_OIF), one per rtnexthop of RTA_MULTIPATH.</summary>
    public readonly RouteNextHopEnumerator NextHops => new(this);

    private static bool IsValidLength(ReadOnlySpan<byte> address, byte family, byte prefixLength)
    {
        var length = family switch
        {
            RouteConstants.AF_INET => 4,
            RouteConstants.AF_INET6 => 16,
            _ => -1,
        };
        if (length < 0) return true;
        return (address.IsEmpty || address.Length == length) && prefixLength <= length * 8;
    }
}

/// <summary>One next hop of a route: the interface, the gateway (of the route's family, or of another family through RTA_VIA), flags and weight.</summary>
internal readonly ref struct RouteNextHop
{
    public RouteNextHop(int interfaceIndex, byte flags, int weight, ReadOnlySpan<byte> gateway, ReadOnlySpan<byte> via)
    {
        InterfaceIndex = interfaceIndex;
        Flags = flags;
        Weight = weight;
        Gateway = gateway;
        Via = via;
    }

    public int InterfaceIndex { get; }

    /// <summary>RTNH_F_* flags (dead, onlink, linkdown, ...).</summary>
    public byte Flags { get; }

    /// <summary>rtnh_hops + 1, as <c>ip route</c> shows it; 1 for a single-path route.</summary>
    public int Weight { get; }

    /// <summary>RTA_GATEWAY, or empty for an on-link next hop.</summary>
    public ReadOnlySpan<byte> Gateway { get; }

    /// <summary>RTA_VIA (struct rtvia), or empty.</summary>
    public ReadOnlySpan<byte> Via { get; }

    /// <summary>The Linux family of <see cref="Via"/>, or 0 when there is none.</summary>
    public ushort ViaFamily => Via.Length >= 2 ? BinaryPrimitives.ReadUInt16LittleEndian(Via) : (ushort)0;

    /// <summary>The address bytes of <see cref="Via"/>.</summary>
    public ReadOnlySpan<byte> ViaAddress => Via.Length >= 2 ? Via[2..] : default;
}

/// <summary>
/// Walks the next hops of a <see cref="RouteMessage"/>. A malformed RTA_MULTIPATH (an rtnexthop whose
/// length is shorter than its header or runs past the attribute) ends the walk with <see cref="Malformed"/> set.
/// </summary>
internal ref struct RouteNextHopEnumerator
{
    private readonly RouteMessage _route;
    private ReadOnlySpan<byte> _remaining;
    private bool _single;
    private RouteNextHop _current;

    public RouteNextHopEnumerator(RouteMessage route)
    {
        _route = route;
        _remaining = route.Multipath;
        _single = route.Multipath.IsEmpty;
        _current = default;
        Malformed = false;
    }

    public bool Malformed { get; private set; }

    public readonly RouteNextHop Current => _current;

    public readonly RouteNextHopEnumerator GetEnumerator() => this;

    public bool MoveNext()
    {
        if (_single)
        {
            _single = false;
            _remaining = default;
            // A single-path route carries its next-hop flags (onlink, dead, linkdown) in the low byte of rtm_flags.
            _current = new RouteNextHop(_route.Oif, (byte)_route.Flags, 1, _route.Gateway, _route.Via);
            return true;
        }
        if (_remaining.IsEmpty) return false;
        if (_remaining.Length < RouteConstants.RtNextHopLength)
        {
            Malformed = true;
            return false;
        }
        var length = BinaryPrimitives.ReadUInt16LittleEndian(_remaining);
        if (length < RouteConstants.RtNextHopLength || length > _remaining.Length)
        {
            Malformed = true;
            return false;
        }
        var flags = _remaining[2];
        var hops = _remaining[3];
        var index = BinaryPrimitives.ReadInt32LittleEndian(_remaining[4..]);
        ReadOnlySpan<byte> gateway = default, via = default;
        var attributes = new NetlinkAttributeEnumerator(_remaining[RouteConstants.RtNextHopLength..length]);
        while (attributes.MoveNext())
        {
            var attribute = attributes.Current;
            if (attribute.Type == RouteConstants.RTA_GATEWAY) gateway = attribute.Value;
            else if (attribute.Type == RouteConstants.RTA_VIA) via = attribute.Value;
        }
        if (attributes.Malformed)
        {
            Malformed = true;
            return false;
        }
        _current = new RouteNextHop(index, flags, hops + 1, gateway, via);
        var advance = NetlinkConstants.Align(length);
        _remaining = advance >= _remaining.Length ? default : _remaining[advance..];
        return true;
    }
}
