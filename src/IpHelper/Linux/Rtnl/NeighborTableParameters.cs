using IpHelper.Linux.Netlink;

namespace IpHelper.Linux.Rtnl;

/// <summary>
/// The per-interface parameters of a neighbour table (ARP for IPv4, ND for IPv6) from one
/// RTM_NEWNEIGHTBL message of an RTM_GETNEIGHTBL dump: the times <c>ip ntable</c> shows as
/// reachable, base_reachable and retrans, in milliseconds. The dump also sends one message per table
/// with the defaults and no interface; those have <see cref="InterfaceIndex"/> 0.
/// </summary>
internal readonly record struct NeighborTableParameters(int InterfaceIndex, ulong ReachableTime, ulong BaseReachableTime, ulong RetransmitTime)
{
    private const ushort NDTA_PARMS = 6;
    private const ushort NDTPA_IFINDEX = 1, NDTPA_REACHABLE_TIME = 3, NDTPA_BASE_REACHABLE_TIME = 4, NDTPA_RETRANS_TIME = 5;

    /// <summary>struct ndtmsg: the family, then 3 bytes of padding.</summary>
    private const int NdtMsgLength = 4;

    /// <summary>A dump of one family's neighbour table with per-interface parameters (the kernel filters by family).</summary>
    public static void Dump(NetlinkMessageWriter writer, byte linuxFamily)
    {
        writer.BeginMessage(RtnlMessageType.RTM_GETNEIGHTBL, 0);
        writer.Header<uint>() = linuxFamily;
        writer.EndMessage();
    }

    /// <summary>Decodes one RTM_NEWNEIGHTBL message; false for another type, a short header or malformed attributes.</summary>
    public static bool TryDecode(in NetlinkMessage message, out NeighborTableParameters parameters)
    {
        parameters = default;
        if (message.Type != RtnlMessageType.RTM_NEWNEIGHTBL || message.Payload.Length < NdtMsgLength) return false;
        var attributes = message.Attributes(NdtMsgLength);
        while (attributes.MoveNext())
        {
            if (attributes.Current.Type != NDTA_PARMS) continue;
            var parms = attributes.Current.Nested;
            uint index = 0;
            ulong reachable = 0, baseReachable = 0, retransmit = 0;
            while (parms.MoveNext())
            {
                var attribute = parms.Current;
                switch (attribute.Type)
                {
                    case NDTPA_IFINDEX: attribute.TryGetU32(out index); break;
                    case NDTPA_REACHABLE_TIME: attribute.TryGetU64(out reachable); break;
                    case NDTPA_BASE_REACHABLE_TIME: attribute.TryGetU64(out baseReachable); break;
                    case NDTPA_RETRANS_TIME: attribute.TryGetU64(out retransmit); break;
                }
            }
            if (parms.Malformed) return false;
            parameters = new NeighborTableParameters((int)index, reachable, baseReachable, retransmit);
        }
        return !attributes.Malformed;
    }
}
