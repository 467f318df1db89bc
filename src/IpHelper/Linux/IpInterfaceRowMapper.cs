using System.Net.Sockets;
using IpHelper.Linux.Rtnl;

namespace IpHelper.Linux;

/// <summary>
/// Maps <see cref="IpInterfaceFacts"/> to MIB_IPINTERFACE_ROW, field by field as docs/mapping.md
/// (MIB_IPINTERFACE_ROW) describes; fields Linux has no source for get the value given there.
/// </summary>
internal static class IpInterfaceRowMapper
{
    /// <summary>Largest segmentation-offload packet without BIG TCP; larger ones are Windows' "giant send" (LSOv2).</summary>
    private const uint ClassicGsoMaxSize = 65536;

    /// <summary>
    /// Whether the interface has a row for <paramref name="family"/>: IPv4 when it has an in_device,
    /// IPv6 when it has an inet6_dev and disable_ipv6 is 0 (the kernel drops the inet6_dev when the
    /// MTU falls below 1280).
    /// </summary>
    public static bool HasRow(in IpInterfaceFacts facts, AddressFamily family) => family switch
    {
        AddressFamily.InterNetwork => facts.HasInet,
        AddressFamily.InterNetworkV6 => facts.HasInet6 && !facts.DisableIpv6,
        _ => false,
    };

    /// <summary>Neighbour discovery (ARP, ND) runs on the interface: the kernel skips it for IFF_NOARP and loopback devices.</summary>
    public static bool SupportsNeighborDiscovery(in IpInterfaceFacts facts) =>
        (facts.Flags & (LinkConstants.IFF_NOARP | LinkConstants.IFF_LOOPBACK)) == 0;

    /// <summary>The kernel treats the interface as a router for IPv6 (forwarding or force_forwarding).</summary>
    public static bool Ipv6Routing(in IpInterfaceFacts facts) => facts.Ipv6Forwarding || facts.Ipv6ForceForwarding;

    /// <summary>The kernel acts on router advertisements: accept_ra 1 on a host, accept_ra 2 also on a router; never on loopback.</summary>
    public static bool AcceptsRouterAdvertisements(in IpInterfaceFacts facts) =>
        (facts.Flags & LinkConstants.IFF_LOOPBACK) == 0
        && (Ipv6Routing(facts) ? facts.Ipv6AcceptRa == 2 : facts.Ipv6AcceptRa >= 1);

    /// <summary>IPv6 DAD runs on the interface: not on NOARP or loopback devices, and only when accept_dad (the interface's or "all") is on.</summary>
    public static bool Ipv6DadRuns(in IpInterfaceFacts facts) =>
        SupportsNeighborDiscovery(facts) && (facts.Ipv6AcceptDad >= 1 || facts.AllAcceptDad >= 1);

    public static void Fill(ref MibIpInterfaceRow row, AddressFamily family, in IpInterfaceFacts facts)
    {
        row = default;
        var ipv6 = family == AddressFamily.InterNetworkV6;
        row.Family = family;
        row.InterfaceLuid = facts.Luid;
        row.InterfaceIndex = facts.Index;
        row.WeakHostSend = true;
        row.WeakHostReceive = true;
        var metric = ipv6 ? facts.Metric6 : facts.Metric4;
        row.UseAutomaticMetric = metric is null;
        row.Metric = metric ?? 0;
        row.UseNeighborUnreachabilityDetection = SupportsNeighborDiscovery(facts);
        row.SupportsNeighborDiscovery = SupportsNeighborDiscovery(facts);
        var neighbor = ipv6 ? facts.Neighbor6 : facts.Neighbor4;
        row.BaseReachableTime = Saturate(neighbor.BaseReachableTime);
        row.RetransmitTime = Saturate(neighbor.RetransmitTime);
        row.ReachableTime = Saturate(neighbor.ReachableTime);
        row.PathMtuDiscoveryTimeout = Saturate((ulong)Math.Max(0, ipv6 ? facts.MtuExpires6 : facts.MtuExpires4) * 1000);
        row.ZoneIndices[(int)ScopeLevel.ScopeLevelInterface] = facts.Index;
        row.ZoneIndices[(int)ScopeLevel.ScopeLevelLink] = facts.Index;
        row.Connected = (facts.Flags & LinkConstants.IFF_LOWER_UP) != 0;
        row.SupportsWakeUpPatterns = facts.WakeOnLan != 0;
        row.TransmitOffload = TransmitOffload(facts, ipv6);
        row.ReceiveOffload = facts.Offloads.RxChecksum ? ChecksumFlags : NlInterfaceOffloadRod.None;
        if (ipv6)
        {
            row.InterfaceIdentifier = facts.Ipv6InterfaceIdentifier;
            row.ForwardingEnabled = Ipv6Routing(facts);
            row.ManagedAddressConfigurationSupported = (facts.Inet6Flags & DevConf.IF_RA_MANAGED) != 0;
            row.OtherStatefulConfigurationSupported = (facts.Inet6Flags & DevConf.IF_RA_OTHERCONF) != 0;
            row.RouterDiscoveryBehavior = AcceptsRouterAdvertisements(facts)
                ? NlRouterDiscoveryBehavior.RouterDiscoveryEnabled
                : NlRouterDiscoveryBehavior.RouterDiscoveryDisabled;
            row.SupportsRouterDiscovery = (facts.Flags & LinkConstants.IFF_LOOPBACK) == 0;
            row.DadTransmits = Ipv6DadRuns(facts) ? (uint)Math.Max(0, facts.Ipv6DadTransmits) : 0;
            row.LinkLocalAddressBehavior = (facts.Flags & LinkConstants.IFF_LOOPBACK) != 0 || facts.Ipv6AddrGenMode == DevConf.IN6_ADDR_GEN_MODE_NONE
                ? NlLinkLocalAddressBehavior.LinkLocalAlwaysOff
                : NlLinkLocalAddressBehavior.LinkLocalAlwaysOn;
            row.NlMtu = (uint)Math.Max(0, facts.Ipv6Mtu);
            row.DisableDefaultRoutes = facts.Ipv6AcceptRaDefrtr == 0;
        }
        else
        {
            row.ForwardingEnabled = facts.Ipv4Forwarding;
            row.RouterDiscoveryBehavior = NlRouterDiscoveryBehavior.RouterDiscoveryDisabled;
            row.LinkLocalAddressBehavior = NlLinkLocalAddressBehavior.LinkLocalAlwaysOff;
            row.NlMtu = facts.Mtu;
        }
    }

    private const NlInterfaceOffloadRod ChecksumFlags = NlInterfaceOffloadRod.TlDatagramChecksumSupported
        | NlInterfaceOffloadRod.TlStreamChecksumSupported | NlInterfaceOffloadRod.TlStreamOptionsSupported;

    /// <summary>Transport checksums when the device checksums this family (or any protocol), TSO as large send, BIG TCP as giant send.</summary>
    private static NlInterfaceOffloadRod TransmitOffload(in IpInterfaceFacts facts, bool ipv6)
    {
        var offloads = facts.Offloads;
        var flags = NlInterfaceOffloadRod.None;
        if (offloads.TxGenericChecksum || (ipv6 ? offloads.TxIpv6Checksum : offloads.TxIpv4Checksum)) flags |= ChecksumFlags;
        if (ipv6 ? offloads.Tso6 : offloads.Tso)
        {
            flags |= NlInterfaceOffloadRod.TlLargeSendOffloadSupported;
            if ((ipv6 ? facts.GsoMaxSize : facts.GsoIpv4MaxSize) > ClassicGsoMaxSize) flags |= NlInterfaceOffloadRod.TlGiantSendOffloadSupported;
        }
        return flags;
    }

    private static uint Saturate(ulong value) => value > uint.MaxValue ? uint.MaxValue : (uint)value;
}
