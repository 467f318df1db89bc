using IpHelper.Linux.Netlink;

namespace IpHelper.Linux.Rtnl;

/// <summary>
/// One decoded RTM_NEWLINK message: the ifinfomsg header and the attributes IpHelper uses, as views
/// into the receive buffer (valid only while the message is being handled). Unknown attributes are skipped.
/// </summary>
internal ref struct LinkMessage
{
    public int Index;
    public ushort HardwareType;
    public uint Flags;
    public ReadOnlySpan<byte> Name;
    public uint Mtu;
    public ReadOnlySpan<byte> Address;
    public ReadOnlySpan<byte> Broadcast;
    public ReadOnlySpan<byte> PermanentAddress;
    /// <summary>IFLA_LINK: the lower or peer device, or -1 when absent.</summary>
    public int Link;
    /// <summary>IFLA_LINK_NETNSID: the namespace id of <see cref="Link"/>, or -1 when it is in this namespace.</summary>
    public int LinkNetnsId;
    /// <summary>IFLA_MASTER: the bridge/bond/vrf this device is a port of, or 0.</summary>
    public int Master;
    public byte OperState;
    /// <summary>IFLA_CARRIER: 1 or 0, or -1 when the kernel did not send it.</summary>
    public int Carrier;
    public uint TxQueueLength;
    public ReadOnlySpan<byte> Kind;
    public ReadOnlySpan<byte> SlaveKind;
    /// <summary>The underlying device of a vxlan (IFLA_VXLAN_LINK), or 0.</summary>
    public int VxlanLink;
    public ReadOnlySpan<byte> IfAlias;
    public ReadOnlySpan<byte> ParentDeviceName;
    public ReadOnlySpan<byte> ParentBusName;
    public LinkStats64 Stats;
    /// <summary>IFLA_AF_SPEC: the per-family blocks (IPv4 and IPv6 settings), decoded by <see cref="LinkAfSpec"/>.</summary>
    public ReadOnlySpan<byte> AfSpec;
    /// <summary>IFLA_MIN_MTU and IFLA_MAX_MTU: the MTU range the driver accepts, 0 when not sent.</summary>
    public uint MinMtu, MaxMtu;
    /// <summary>IFLA_GSO_MAX_SIZE and IFLA_GSO_IPV4_MAX_SIZE: the largest segmentation-offload packet (IPv6/any, IPv4), 0 when not sent.</summary>
    public uint GsoMaxSize, GsoIpv4MaxSize;

    /// <summary>Decodes an RTM_NEWLINK message; false when its header is too short or its attributes are malformed.</summary>
    public static bool TryDecode(in NetlinkMessage message, out LinkMessage link)
    {
        link = default;
        if (message.Type != RtnlMessageType.RTM_NEWLINK || !message.TryReadHeader(out IfInfoMsg header)) return false;
        link.Index = header.Index;
        link.HardwareType = header.Type;
        link.Flags = header.Flags;
        link.Link = -1;
        link.LinkNetnsId = -1;
        link.Carrier = -1;
        var attributes = message.Attributes(System.Runtime.CompilerServices.Unsafe.SizeOf<IfInfoMsg>());
        while (attributes.MoveNext())
        {
            var attribute = attributes.Current;
            switch (attribute.Type)
            {
                case LinkConstants.IFLA_IFNAME: link.Name = TrimNul(attribute.Value); break;
                case LinkConstants.IFLA_MTU: attribute.TryGetU32(out link.Mtu); break;
                case LinkConstants.IFLA_ADDRESS: link.Address = attribute.Value; break;
                case LinkConstants.IFLA_BROADCAST: link.Broadcast = attribute.Value; break;
                case LinkConstants.IFLA_PERM_ADDRESS: link.PermanentAddress = attribute.Value; break;
                case LinkConstants.IFLA_LINK: if (attribute.TryGetU32(out var lower)) link.Link = (int)lower; break;
                case LinkConstants.IFLA_LINK_NETNSID: if (attribute.TryGetU32(out var nsid)) link.LinkNetnsId = (int)nsid; break;
                case LinkConstants.IFLA_MASTER: if (attribute.TryGetU32(out var master)) link.Master = (int)master; break;
                case LinkConstants.IFLA_OPERSTATE: attribute.TryGetU8(out link.OperState); break;
                case LinkConstants.IFLA_CARRIER: if (attribute.TryGetU8(out var carrier)) link.Carrier = carrier; break;
                case LinkConstants.IFLA_TXQLEN: attribute.TryGetU32(out link.TxQueueLength); break;
                case LinkConstants.IFLA_IFALIAS: link.IfAlias = TrimNul(attribute.Value); break;
                case LinkConstants.IFLA_PARENT_DEV_NAME: link.ParentDeviceName = TrimNul(attribute.Value); break;
                case LinkConstants.IFLA_PARENT_DEV_BUS_NAME: link.ParentBusName = TrimNul(attribute.Value); break;
                case LinkConstants.IFLA_STATS64: link.Stats = new LinkStats64(attribute.Value); break;
                case LinkConstants.IFLA_LINKINFO: if (!DecodeLinkInfo(attribute.Nested, ref link)) return false; break;
                case LinkConstants.IFLA_AF_SPEC: link.AfSpec = attribute.Value; break;
                case LinkConstants.IFLA_MIN_MTU: attribute.TryGetU32(out link.MinMtu); break;
                case LinkConstants.IFLA_MAX_MTU: attribute.TryGetU32(out link.MaxMtu); break;
                case LinkConstants.IFLA_GSO_MAX_SIZE: attribute.TryGetU32(out link.GsoMaxSize); break;
                case LinkConstants.IFLA_GSO_IPV4_MAX_SIZE: attribute.TryGetU32(out link.GsoIpv4MaxSize); break;
            }
        }
        return !attributes.Malformed;
    }

    private static bool DecodeLinkInfo(NetlinkAttributeEnumerator info, ref LinkMessage link)
    {
        ReadOnlySpan<byte> data = default;
        while (info.MoveNext())
        {
            var attribute = info.Current;
            switch (attribute.Type)
            {
                case LinkConstants.IFLA_INFO_KIND: link.Kind = TrimNul(attribute.Value); break;
                case LinkConstants.IFLA_INFO_SLAVE_KIND: link.SlaveKind = TrimNul(attribute.Value); break;
                case LinkConstants.IFLA_INFO_DATA: data = attribute.Value; break;
            }
        }
        if (info.Malformed) return false;
        // IFLA_INFO_DATA is kind-specific; the kind may follow it, so it is read after the walk.
        if (!data.IsEmpty && link.Kind.SequenceEqual("vxlan"u8))
        {
            var vxlan = new NetlinkAttributeEnumerator(data);
            while (vxlan.MoveNext())
                if (vxlan.Current.Type == LinkConstants.IFLA_VXLAN_LINK && vxlan.Current.TryGetU32(out var lower))
                    link.VxlanLink = (int)lower;
        }
        return true;
    }

    private static ReadOnlySpan<byte> TrimNul(ReadOnlySpan<byte> value)
    {
        var end = value.IndexOf((byte)0);
        return end < 0 ? value : value[..end];
    }
}
