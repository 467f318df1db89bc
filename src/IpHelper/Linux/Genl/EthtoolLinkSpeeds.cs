using IpHelper.Linux.Netlink;

namespace IpHelper.Linux.Genl;

/// <summary>
/// The link speed of every device of the current namespace in one request: an ETHTOOL_MSG_LINKMODES_GET
/// dump of the "ethtool" generic-netlink family (kernel 5.6+). Devices whose driver reports no link
/// modes (lo, ifb, bridges) are absent from the answer. Where the kernel has no ethtool netlink
/// family, <see cref="TryDump"/> says so and callers ask each device with the SIOCETHTOOL ioctl.
/// </summary>
internal static class EthtoolLinkSpeeds
{
    private const byte ETHTOOL_MSG_LINKMODES_GET = 4, ETHTOOL_MSG_LINKMODES_GET_REPLY = 4;
    private const ushort ETHTOOL_A_LINKMODES_HEADER = 1, ETHTOOL_A_LINKMODES_SPEED = 5;
    private const ushort ETHTOOL_A_HEADER_DEV_INDEX = 1, ETHTOOL_A_HEADER_FLAGS = 3;
    private const uint ETHTOOL_FLAG_COMPACT_BITSETS = 1;

    /// <summary>Generic-netlink family ids are the same in every namespace; 0 until looked up, -1 when the kernel has none.</summary>
    private static int s_familyId;

    /// <summary>
    /// Speeds in bits per second by ifindex (only devices that report one), or false when the kernel has
    /// no ethtool netlink family or the dump failed.
    /// </summary>
    public static bool TryDump(Namespaces.NamespaceContext context, out Dictionary<int, ulong> speeds)
    {
        speeds = [];
        if (Volatile.Read(ref s_familyId) < 0) return false;
        using var socket = RtnlSockets.Open(context, NetlinkConstants.NETLINK_GENERIC);
        if (s_familyId == 0)
        {
            var resolved = GenlFamily.Resolve(socket, "ethtool", out var id);
            Volatile.Write(ref s_familyId, resolved.Failed ? -1 : id);
            if (resolved.Failed) return false;
        }
        using var request = new NetlinkMessageWriter();
        request.BeginMessage((ushort)s_familyId, 0);
        ref var header = ref request.Header<GenlMsgHdr>();
        header.Command = ETHTOOL_MSG_LINKMODES_GET;
        header.Version = 1;
        var nest = request.BeginNested(ETHTOOL_A_LINKMODES_HEADER);
        request.PutU32(ETHTOOL_A_HEADER_FLAGS, ETHTOOL_FLAG_COMPACT_BITSETS);
        request.EndNested(nest);
        request.EndMessage();
        var collector = new Collector((ushort)s_familyId, speeds);
        return !socket.Dump(request, ref collector).Failed && !collector.Malformed;
    }

    private struct Collector(ushort familyId, Dictionary<int, ulong> speeds) : INetlinkReplyHandler
    {
        public bool Malformed;

        public void OnMessage(in NetlinkMessage message)
        {
            if (message.Type != familyId || !message.TryReadHeader(out GenlMsgHdr genl) || genl.Command != ETHTOOL_MSG_LINKMODES_GET_REPLY) return;
            int index = 0;
            uint speed = 0;
            var attributes = message.Attributes(System.Runtime.CompilerServices.Unsafe.SizeOf<GenlMsgHdr>());
            while (attributes.MoveNext())
            {
                var attribute = attributes.Current;
                if (attribute.Type == ETHTOOL_A_LINKMODES_SPEED) attribute.TryGetU32(out speed);
                else if (attribute.Type == ETHTOOL_A_LINKMODES_HEADER)
                {
                    var inner = attribute.Nested;
                    while (inner.MoveNext())
                        if (inner.Current.Type == ETHTOOL_A_HEADER_DEV_INDEX && inner.Current.TryGetU32(out var i)) index = (int)i;
                }
            }
            Malformed |= attributes.Malformed;
            // SPEED_UNKNOWN is (u32)-1; 0 means no speed either (as the ioctl path reads it).
            if (index > 0 && speed is not (0 or uint.MaxValue)) speeds[index] = speed * 1_000_000UL;
        }

        public readonly void OnRestart() => speeds.Clear();
    }
}
