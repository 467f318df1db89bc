using System.Buffers.Binary;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
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
    public int Oif;
    public uint Priority;
    /// <summary>The remaining lifetime from RTA_CACHEINFO in USER_HZ ticks; 0 when the route does not expire.</summary>
    public int ExpiresTicks;
    /// <summary>RTA_NH_ID: the kernel nexthop object the route uses, or 0.</summary>
    public uint NextHopId;

    // The attribute values are kept as positions in the payload rather than as spans: a dump decodes a
    // million of these, and one span per attribute costs as much again as the whole decoding.
    private ReadOnlySpan<byte> _payload;
    private ValueAt _dst, _src, _gateway, _via, _prefSrc, _multipath;

    public readonly ReadOnlySpan<byte> Dst => _dst.In(_payload);
    public readonly ReadOnlySpan<byte> Src => _src.In(_payload);
    public readonly ReadOnlySpan<byte> Gateway => _gateway.In(_payload);
    /// <summary>RTA_VIA: a next hop of another family (struct rtvia: a u16 family, then the address).</summary>
    public readonly ReadOnlySpan<byte> Via => _via.In(_payload);
    public readonly ReadOnlySpan<byte> PrefSrc => _prefSrc.In(_payload);
    public readonly ReadOnlySpan<byte> Multipath => _multipath.In(_payload);

    /// <summary>True for a message the kernel sends about a route (a reply, a dump entry or a notification).</summary>
    public static bool IsRouteMessage(ushort type) => type is RtnlMessageType.RTM_NEWROUTE or RtnlMessageType.RTM_DELROUTE;

    /// <summary>Decodes an RTM_NEWROUTE or RTM_DELROUTE message; false when it is another type, too short, or malformed.</summary>
    public static bool TryDecode(in NetlinkMessage message, out RouteMessage route)
    {
        route = default;
        var payload = message.Payload;
        if (!IsRouteMessage(message.Type) || payload.Length < HeaderLength) return false;
        ref var start = ref MemoryMarshal.GetReference(payload);
        var header = Unsafe.ReadUnaligned<RtMsg>(ref start);
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
        route._payload = payload;
        // The attribute walk of NetlinkAttributeEnumerator, on offsets: every length is checked against
        // what remains before anything is read, and an attribute that runs past the end is malformed.
        // Netlink integers are in host order.
        var end = payload.Length;
        var at = HeaderLength;
        while (at < end)
        {
            var left = end - at;
            if (left < NetlinkConstants.AttributeHeaderLength) return false;
            int length = Unsafe.ReadUnaligned<ushort>(ref Unsafe.Add(ref start, at));
            if (length < NetlinkConstants.AttributeHeaderLength || length > left) return false;
            var type = Unsafe.ReadUnaligned<ushort>(ref Unsafe.Add(ref start, at + 2)) & NetlinkConstants.NLA_TYPE_MASK;
            var value = new ValueAt(at + NetlinkConstants.AttributeHeaderLength, length - NetlinkConstants.AttributeHeaderLength);
            ref var data = ref Unsafe.Add(ref start, value.Offset);
            switch (type)
            {
                case RouteConstants.RTA_DST: route._dst = value; break;
                case RouteConstants.RTA_SRC: route._src = value; break;
                case RouteConstants.RTA_OIF: if (value.Length >= 4) route.Oif = Unsafe.ReadUnaligned<int>(ref data); break;
                case RouteConstants.RTA_GATEWAY: route._gateway = value; break;
                case RouteConstants.RTA_VIA: route._via = value; break;
                case RouteConstants.RTA_PRIORITY: route.Priority = value.Length >= 4 ? Unsafe.ReadUnaligned<uint>(ref data) : 0; break;
                case RouteConstants.RTA_PREFSRC: route._prefSrc = value; break;
                case RouteConstants.RTA_MULTIPATH: route._multipath = value; break;
                case RouteConstants.RTA_TABLE: route.Table = value.Length >= 4 ? Unsafe.ReadUnaligned<uint>(ref data) : 0; break;
                case RouteConstants.RTA_NH_ID: route.NextHopId = value.Length >= 4 ? Unsafe.ReadUnaligned<uint>(ref data) : 0; break;
                case RouteConstants.RTA_CACHEINFO:
                    if (value.Length >= RouteConstants.CacheInfoExpiresOffset + 4)
                        route.ExpiresTicks = Unsafe.ReadUnaligned<int>(ref Unsafe.Add(ref data, RouteConstants.CacheInfoExpiresOffset));
                    break;
            }
            at += NetlinkConstants.Align(length);
        }
        return IsValidLength(route._dst.Length, route.Family, route.DstLen) && IsValidLength(route._src.Length, route.Family, route.SrcLen);
    }

    /// <summary>The address length of the route's family: 4, 16, or 0 for any other family.</summary>
    public readonly int AddressLength => Family switch
    {
        RouteConstants.AF_INET => 4,
        RouteConstants.AF_INET6 => 16,
        _ => 0,
    };

    /// <summary>The next hops: one for a single-path route (even one without RTA_OIF), one per rtnexthop of RTA_MULTIPATH.</summary>
    public readonly RouteNextHopEnumerator NextHops => new(Oif, Flags, Gateway, Via, Multipath);

    /// <summary>The padded length of struct rtmsg, where the attributes start.</summary>
    private static int HeaderLength => NetlinkConstants.Align(Unsafe.SizeOf<RtMsg>());

    private static bool IsValidLength(int addressLength, byte family, byte prefixLength)
    {
        var length = family switch
        {
            RouteConstants.AF_INET => 4,
            RouteConstants.AF_INET6 => 16,
            _ => -1,
        };
        if (length < 0) return true;
        return (addressLength == 0 || addressLength == length) && prefixLength <= length * 8;
    }

    /// <summary>Where an attribute's value is in the payload; a zero length stands for "absent" (an empty span).</summary>
    private readonly struct ValueAt(int offset, int length)
    {
        public int Offset { get; } = offset;
        public int Length { get; } = length;

        public ReadOnlySpan<byte> In(ReadOnlySpan<byte> payload) => Length == 0 ? default : payload.Slice(Offset, Length);
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
    private readonly int _oif;
    private readonly byte _flags;
    private readonly ReadOnlySpan<byte> _gateway;
    private readonly ReadOnlySpan<byte> _via;
    private ReadOnlySpan<byte> _remaining;
    private bool _single;
    private RouteNextHop _current;

    /// <summary>The next hops of a route with these RTA_OIF, rtm_flags, RTA_GATEWAY, RTA_VIA and RTA_MULTIPATH values.</summary>
    public RouteNextHopEnumerator(int oif, uint flags, ReadOnlySpan<byte> gateway, ReadOnlySpan<byte> via, ReadOnlySpan<byte> multipath)
    {
        _oif = oif;
        // A single-path route carries its next-hop flags (onlink, dead, linkdown) in the low byte of rtm_flags.
        _flags = (byte)flags;
        _gateway = gateway;
        _via = via;
        _remaining = multipath;
        _single = multipath.IsEmpty;
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
            _current = new RouteNextHop(_oif, _flags, 1, _gateway, _via);
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
