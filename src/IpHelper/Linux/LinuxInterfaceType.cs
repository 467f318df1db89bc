using IpHelper.Linux.Rtnl;

namespace IpHelper.Linux;

/// <summary>
/// How a Linux device is described in Windows terms: IANA ifType, tunnel type, NDIS medium and
/// physical medium, and access type, from the ARPHRD hardware type, the link kind and the flags.
/// The table is documented in docs/mapping.md.
/// </summary>
internal readonly record struct LinuxInterfaceType(
    IfType Type, TunnelType TunnelType, NdisMedium MediaType, NdisPhysicalMedium PhysicalMediumType, NetIfAccessType AccessType)
{
    public static LinuxInterfaceType Classify(in LinkMessage link)
    {
        var kind = link.Kind;
        var hardware = !link.ParentDeviceName.IsEmpty;
        var access = (link.Flags & LinkConstants.IFF_LOOPBACK) != 0 ? NetIfAccessType.NetIfAccessLoopback
            : (link.Flags & LinkConstants.IFF_POINTOPOINT) != 0 ? NetIfAccessType.NetIfAccessPointToPoint
            : (link.Flags & LinkConstants.IFF_BROADCAST) != 0 ? NetIfAccessType.NetIfAccessBroadcast
            : NetIfAccessType.NetIfAccessPointToMultiPoint;
        var unspecified = NdisPhysicalMedium.NdisPhysicalMediumUnspecified;

        switch (link.HardwareType)
        {
            case LinkConstants.ARPHRD_LOOPBACK:
                return new(IfType.SoftwareLoopback, TunnelType.TunnelTypeNone, NdisMedium.NdisMediumLoopback, unspecified, access);
            case LinkConstants.ARPHRD_ETHER when IsWireless(link):
                return new(IfType.Ieee80211, TunnelType.TunnelTypeNone, NdisMedium.NdisMediumNative802_11, NdisPhysicalMedium.NdisPhysicalMediumNative802_11, access);
            case LinkConstants.ARPHRD_ETHER when kind.SequenceEqual("bridge"u8):
                return new(IfType.Bridge, TunnelType.TunnelTypeNone, NdisMedium.NdisMedium802_3, unspecified, access);
            case LinkConstants.ARPHRD_ETHER when kind.SequenceEqual("bond"u8) || kind.SequenceEqual("team"u8):
                return new(IfType.Ieee8023adLag, TunnelType.TunnelTypeNone, NdisMedium.NdisMedium802_3, unspecified, access);
            case LinkConstants.ARPHRD_ETHER when kind.SequenceEqual("vlan"u8):
                return new(IfType.L2Vlan, TunnelType.TunnelTypeNone, NdisMedium.NdisMedium802_3, unspecified, access);
            case LinkConstants.ARPHRD_ETHER when IsEthernetTunnel(kind):
                return new(IfType.Tunnel, TunnelType.TunnelTypeOther, NdisMedium.NdisMediumTunnel, unspecified, access);
            case LinkConstants.ARPHRD_ETHER:
                return new(IfType.EthernetCsmacd, TunnelType.TunnelTypeNone, NdisMedium.NdisMedium802_3,
                    hardware ? NdisPhysicalMedium.NdisPhysicalMedium802_3 : unspecified, access);
            case LinkConstants.ARPHRD_IEEE80211 or LinkConstants.ARPHRD_IEEE80211_PRISM or LinkConstants.ARPHRD_IEEE80211_RADIOTAP:
                return new(IfType.Ieee80211, TunnelType.TunnelTypeNone, NdisMedium.NdisMediumNative802_11, NdisPhysicalMedium.NdisPhysicalMediumNative802_11, access);
            case LinkConstants.ARPHRD_TUNNEL or LinkConstants.ARPHRD_TUNNEL6 or LinkConstants.ARPHRD_SIT:
                // ipip, ip6tnl and sit put the inner packet straight behind the outer IP header.
                return new(IfType.Tunnel, TunnelType.TunnelTypeDirect, NdisMedium.NdisMediumTunnel, unspecified, access);
            case LinkConstants.ARPHRD_IPGRE or LinkConstants.ARPHRD_IP6GRE:
                return new(IfType.Tunnel, TunnelType.TunnelTypeOther, NdisMedium.NdisMediumTunnel, unspecified, access);
            case LinkConstants.ARPHRD_NONE or LinkConstants.ARPHRD_RAWIP when kind.SequenceEqual("wireguard"u8):
                return new(IfType.Tunnel, TunnelType.TunnelTypeOther, NdisMedium.NdisMediumIP, unspecified, access);
            case LinkConstants.ARPHRD_NONE or LinkConstants.ARPHRD_RAWIP:
                // A tun device carries bare IP packets to a user-space program, like Wintun (IF_TYPE_PROP_VIRTUAL).
                return new(IfType.PropVirtual, TunnelType.TunnelTypeNone, NdisMedium.NdisMediumIP, unspecified, access);
            case LinkConstants.ARPHRD_PPP:
                return new(IfType.Ppp, TunnelType.TunnelTypeNone, NdisMedium.NdisMediumWan, unspecified, access);
            case LinkConstants.ARPHRD_SLIP:
                return new(IfType.Slip, TunnelType.TunnelTypeNone, NdisMedium.NdisMediumWan, unspecified, access);
            case LinkConstants.ARPHRD_INFINIBAND:
                return new(IfType.Infiniband, TunnelType.TunnelTypeNone, NdisMedium.NdisMediumInfiniBand, NdisPhysicalMedium.NdisPhysicalMediumInfiniband, access);
            case LinkConstants.ARPHRD_IEEE1394:
                return new(IfType.Ieee1394, TunnelType.TunnelTypeNone, NdisMedium.NdisMedium1394, NdisPhysicalMedium.NdisPhysicalMedium1394, access);
            case LinkConstants.ARPHRD_FDDI:
                return new(IfType.Fddi, TunnelType.TunnelTypeNone, NdisMedium.NdisMediumFddi, unspecified, access);
            case LinkConstants.ARPHRD_IEEE802 or LinkConstants.ARPHRD_IEEE802_TR:
                return new(IfType.Iso88025Tokenring, TunnelType.TunnelTypeNone, NdisMedium.NdisMedium802_5, NdisPhysicalMedium.NdisPhysicalMedium802_5, access);
            case LinkConstants.ARPHRD_ATM:
                return new(IfType.Atm, TunnelType.TunnelTypeNone, NdisMedium.NdisMediumAtm, unspecified, access);
            default:
                return new(IfType.Other, TunnelType.TunnelTypeNone, NdisMedium.NdisMediumIP, unspecified, access);
        }
    }

    /// <summary>
    /// Wi-Fi devices are ARPHRD_ETHER with a wireless parent device; netlink does not say so, so
    /// /sys/class/net/NAME/wireless is checked. /sys shows the devices of the namespace it was mounted
    /// in (normally the process's own): the device found there is this link only when its parent
    /// device (the /sys/class/net/NAME/device link) is the link's IFLA_PARENT_DEV_NAME, and a physical
    /// device has one name system-wide. A Wi-Fi device moved into another namespace is therefore
    /// reported as Ethernet (documented).
    /// </summary>
    private static bool IsWireless(in LinkMessage link)
    {
        if (link.ParentDeviceName.IsEmpty || link.Name.IndexOf((byte)'/') >= 0) return false;
        var directory = $"/sys/class/net/{System.Text.Encoding.UTF8.GetString(link.Name)}";
        var parent = new FileInfo(directory + "/device").LinkTarget;
        return parent is not null && Path.GetFileName(parent) == System.Text.Encoding.UTF8.GetString(link.ParentDeviceName)
            && Directory.Exists(directory + "/wireless");
    }

    private static bool IsEthernetTunnel(ReadOnlySpan<byte> kind) =>
        kind.SequenceEqual("vxlan"u8) || kind.SequenceEqual("geneve"u8) || kind.SequenceEqual("gretap"u8)
        || kind.SequenceEqual("ip6gretap"u8) || kind.SequenceEqual("erspan"u8) || kind.SequenceEqual("ip6erspan"u8)
        || kind.SequenceEqual("bareudp"u8);
}
