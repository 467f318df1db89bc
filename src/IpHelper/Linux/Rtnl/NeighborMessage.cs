using System.Buffers.Binary;
using IpHelper.Linux.Netlink;

namespace IpHelper.Linux.Rtnl;

/// <summary>
/// One decoded RTM_NEWNEIGH or RTM_DELNEIGH message: the ndmsg header and the attributes IpHelper
/// uses, as views into the receive buffer (valid only while the message is being handled).
/// Unknown attributes are skipped.
/// </summary>
internal ref struct NeighborMessage
{
    public byte Family;
    public int IfIndex;
    public ushort State;
    public byte Flags;
    public byte Type;
    public ReadOnlySpan<byte> Destination;
    public ReadOnlySpan<byte> LinkLayerAddress;
    public bool HasLinkLayerAddress;
    public bool HasCacheInfo;
    /// <summary>nda_cacheinfo.ndm_confirmed: clock ticks (USER_HZ) since the entry was last confirmed reachable.</summary>
    public uint Confirmed;
    /// <summary>nda_cacheinfo.ndm_used: clock ticks since the entry was last used.</summary>
    public uint Used;
    /// <summary>nda_cacheinfo.ndm_updated: clock ticks since the entry's state last changed.</summary>
    public uint Updated;
    public uint Probes;

    /// <summary>Decodes an RTM_NEWNEIGH or RTM_DELNEIGH message; false when its header is too short or its attributes are malformed.</summary>
    public static bool TryDecode(in NetlinkMessage message, out NeighborMessage neighbor)
    {
        neighbor = default;
        if (message.Type is not (RtnlMessageType.RTM_NEWNEIGH or RtnlMessageType.RTM_DELNEIGH) || !message.TryReadHeader(out NdMsg header))
            return false;
        neighbor.Family = header.Family;
        neighbor.IfIndex = header.IfIndex;
        neighbor.State = header.State;
        neighbor.Flags = header.Flags;
        neighbor.Type = header.Type;
        var attributes = message.Attributes(System.Runtime.CompilerServices.Unsafe.SizeOf<NdMsg>());
        while (attributes.MoveNext())
        {
            var attribute = attributes.Current;
            switch (attribute.Type)
            {
                case NeighborConstants.NDA_DST: neighbor.Destination = attribute.Value; break;
                case NeighborConstants.NDA_LLADDR:
                    neighbor.LinkLayerAddress = attribute.Value;
                    neighbor.HasLinkLayerAddress = true;
                    break;
                case NeighborConstants.NDA_CACHEINFO:
                    // struct nda_cacheinfo { u32 ndm_confirmed, ndm_used, ndm_updated, ndm_refcnt; }
                    if (attribute.Value.Length >= 12)
                    {
                        neighbor.HasCacheInfo = true;
                        neighbor.Confirmed = BinaryPrimitives.ReadUInt32LittleEndian(attribute.Value);
                        neighbor.Used = BinaryPrimitives.ReadUInt32LittleEndian(attribute.Value[4..]);
                        neighbor.Updated = BinaryPrimitives.ReadUInt32LittleEndian(attribute.Value[8..]);
                    }
                    break;
                case NeighborConstants.NDA_PROBES: attribute.TryGetU32(out neighbor.Probes); break;
            }
        }
        return !attributes.Malformed;
    }
}
