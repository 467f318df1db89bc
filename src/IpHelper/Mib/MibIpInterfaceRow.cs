using System.Net.Sockets;
using System.Runtime.InteropServices;

namespace IpHelper;

/// <summary>
/// MIB_IPINTERFACE_ROW: the IPv4 or IPv6 settings of one interface (168 bytes, Windows x64
/// layout). <see cref="Family"/>, <see cref="InterfaceLuid"/> and <see cref="InterfaceIndex"/>
/// identify the row. On Linux the values come from netconf and the per-interface sysctls.
/// </summary>
[StructLayout(LayoutKind.Sequential)]
public struct MibIpInterfaceRow
{
    private ushort _family;

    /// <summary>The locally unique identifier of the interface.</summary>
    public NetLuid InterfaceLuid;

    /// <summary>The interface index.</summary>
    public uint InterfaceIndex;

    /// <summary>The maximum reassembly size of a fragmented IP packet, in bytes; reserved, 0.</summary>
    public uint MaxReassemblySize;

    /// <summary>Reserved; 0.</summary>
    public ulong InterfaceIdentifier;

    /// <summary>The minimum router advertisement interval, in milliseconds (meaningful when <see cref="AdvertisingEnabled"/>).</summary>
    public uint MinRouterAdvertisementInterval;

    /// <summary>The maximum router advertisement interval, in milliseconds (meaningful when <see cref="AdvertisingEnabled"/>).</summary>
    public uint MaxRouterAdvertisementInterval;

    /// <summary>Whether the interface sends router advertisements.</summary>
    public bool AdvertisingEnabled;

    /// <summary>Whether the interface forwards packets.</summary>
    public bool ForwardingEnabled;

    /// <summary>Whether weak host send is enabled (packets may leave through an interface that does not own their source address).</summary>
    public bool WeakHostSend;

    /// <summary>Whether weak host receive is enabled (packets for any local address are accepted on this interface).</summary>
    public bool WeakHostReceive;

    /// <summary>Whether the interface metric is chosen automatically from the link speed.</summary>
    public bool UseAutomaticMetric;

    /// <summary>Whether neighbour unreachability detection is used.</summary>
    public bool UseNeighborUnreachabilityDetection;

    /// <summary>Whether addresses are configured by DHCPv6 (the M flag of router advertisements).</summary>
    public bool ManagedAddressConfigurationSupported;

    /// <summary>Whether other configuration is obtained by DHCPv6 (the O flag of router advertisements).</summary>
    public bool OtherStatefulConfigurationSupported;

    /// <summary>Whether the interface advertises a default route (meaningful when <see cref="AdvertisingEnabled"/>).</summary>
    public bool AdvertiseDefaultRoute;

    /// <summary>Whether the interface discovers routers.</summary>
    public NlRouterDiscoveryBehavior RouterDiscoveryBehavior;

    /// <summary>The number of duplicate address detection probes sent for a tentative address; 0 disables DAD.</summary>
    public uint DadTransmits;

    /// <summary>The base for the random reachable time, in milliseconds (RFC 4861).</summary>
    public uint BaseReachableTime;

    /// <summary>The neighbour solicitation retransmission interval, in milliseconds.</summary>
    public uint RetransmitTime;

    /// <summary>The path MTU discovery time-out, in milliseconds.</summary>
    public uint PathMtuDiscoveryTimeout;

    /// <summary>When a link-local address is configured.</summary>
    public NlLinkLocalAddressBehavior LinkLocalAddressBehavior;

    /// <summary>The link-local address time-out, in milliseconds.</summary>
    public uint LinkLocalAddressTimeout;

    /// <summary>The zone of the interface at each scope level, indexed by <see cref="ScopeLevel"/>.</summary>
    public ScopeZoneIndices ZoneIndices;

    /// <summary>The site prefix length, in bits; 0 for IPv4.</summary>
    public uint SitePrefixLength;

    /// <summary>The interface metric, added to the route metric of every route through the interface.</summary>
    public uint Metric;

    /// <summary>The network-layer MTU, in bytes.</summary>
    public uint NlMtu;

    /// <summary>Whether the interface is connected to a network.</summary>
    public bool Connected;

    /// <summary>Whether the interface supports wake-on-LAN patterns.</summary>
    public bool SupportsWakeUpPatterns;

    /// <summary>Whether the interface supports neighbour discovery.</summary>
    public bool SupportsNeighborDiscovery;

    /// <summary>Whether the interface supports router discovery.</summary>
    public bool SupportsRouterDiscovery;

    /// <summary>The current reachable time, in milliseconds.</summary>
    public uint ReachableTime;

    /// <summary>The transmit offload capabilities.</summary>
    public NlInterfaceOffloadRod TransmitOffload;

    /// <summary>The receive offload capabilities.</summary>
    public NlInterfaceOffloadRod ReceiveOffload;

    /// <summary>Whether default routes through this interface are ignored (used by VPN clients against split tunnelling).</summary>
    public bool DisableDefaultRoutes;

    /// <summary>
    /// The address family of the row (ADDRESS_FAMILY, two bytes at offset 0, with the Windows values):
    /// <see cref="AddressFamily.InterNetwork"/>, <see cref="AddressFamily.InterNetworkV6"/>, or
    /// <see cref="AddressFamily.Unspecified"/> in an initialised row.
    /// </summary>
    public AddressFamily Family
    {
        readonly get => (AddressFamily)_family;
        set => _family = (ushort)value;
    }
}
