using IpHelper.Linux.Netlink;

namespace IpHelper.Linux.Rtnl;

/// <summary>Encodes RTM_GETNEIGH, RTM_NEWNEIGH and RTM_DELNEIGH requests for the ARP (AF_INET) and ND (AF_INET6) tables.</summary>
internal static class NeighborRequest
{
    /// <summary>
    /// A dump of one family's neighbours (AF_UNSPEC: both), on one interface when <paramref name="ifIndex"/>
    /// is not 0. With strict checking the kernel filters by family and NDA_IFINDEX itself.
    /// </summary>
    public static void Dump(NetlinkMessageWriter writer, byte family, int ifIndex)
    {
        Begin(writer, RtnlMessageType.RTM_GETNEIGH, 0, family, 0);
        if (ifIndex != 0) writer.PutU32(NeighborConstants.NDA_IFINDEX, (uint)ifIndex);
        writer.EndMessage();
    }

    /// <summary>One entry, by interface and address (the kernel answers ENOENT when there is none).</summary>
    public static void Get(NetlinkMessageWriter writer, byte family, int ifIndex, ReadOnlySpan<byte> destination)
    {
        Begin(writer, RtnlMessageType.RTM_GETNEIGH, 0, family, ifIndex);
        writer.Put(NeighborConstants.NDA_DST, destination);
        writer.EndMessage();
    }

    /// <summary>
    /// Creates (<paramref name="create"/>: NLM_F_CREATE|NLM_F_EXCL, EEXIST when it exists) or replaces
    /// (NLM_F_REPLACE without NLM_F_CREATE, ENOENT when it does not exist) an entry.
    /// </summary>
    public static void Write(NetlinkMessageWriter writer, bool create, byte family, int ifIndex, ReadOnlySpan<byte> destination,
        ReadOnlySpan<byte> linkLayerAddress, ushort state, byte flags)
    {
        ref var header = ref Begin(writer, RtnlMessageType.RTM_NEWNEIGH,
            create ? (ushort)(NetlinkConstants.NLM_F_CREATE | NetlinkConstants.NLM_F_EXCL) : NetlinkConstants.NLM_F_REPLACE, family, ifIndex);
        header.State = state;
        header.Flags = flags;
        writer.Put(NeighborConstants.NDA_DST, destination);
        if (!linkLayerAddress.IsEmpty) writer.Put(NeighborConstants.NDA_LLADDR, linkLayerAddress);
        writer.EndMessage();
    }

    /// <summary>
    /// Makes the kernel resolve an address now (NTF_USE): the entry is created in NUD_NONE if missing
    /// (not permanent, so the garbage collector may take it back), then an ARP request or Neighbor
    /// Solicitation goes out at once and the kernel retries as its neighbour parameters say.
    /// </summary>
    public static void Probe(NetlinkMessageWriter writer, byte family, int ifIndex, ReadOnlySpan<byte> destination)
    {
        ref var header = ref Begin(writer, RtnlMessageType.RTM_NEWNEIGH, (ushort)(NetlinkConstants.NLM_F_CREATE | NetlinkConstants.NLM_F_REPLACE), family, ifIndex);
        header.State = NeighborConstants.NUD_NONE;
        header.Flags = NeighborConstants.NTF_USE;
        writer.Put(NeighborConstants.NDA_DST, destination);
        writer.EndMessage();
    }

    /// <summary>Deletes one entry (ENOENT when there is none).</summary>
    public static void Delete(NetlinkMessageWriter writer, byte family, int ifIndex, ReadOnlySpan<byte> destination)
    {
        Begin(writer, RtnlMessageType.RTM_DELNEIGH, 0, family, ifIndex);
        writer.Put(NeighborConstants.NDA_DST, destination);
        writer.EndMessage();
    }

    private static ref NdMsg Begin(NetlinkMessageWriter writer, ushort type, ushort flags, byte family, int ifIndex)
    {
        writer.BeginMessage(type, flags);
        ref var header = ref writer.Header<NdMsg>();
        header.Family = family;
        header.IfIndex = ifIndex;
        return ref header;
    }
}
