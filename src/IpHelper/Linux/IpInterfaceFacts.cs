using IpHelper.Linux.Rtnl;

namespace IpHelper.Linux;

/// <summary>
/// What the kernel says about one interface that its MIB_IPINTERFACE_ROWs are made of: the link
/// (RTM_GETLINK with IFLA_AF_SPEC), its neighbour-table parameters (RTM_GETNEIGHTBL), its link-local
/// interface identifier (RTM_GETADDR), ethtool offloads and wake-on-LAN, namespace-wide sysctls and
/// the interface metric IpHelper keeps. Plain values, so rows can be mapped (and tested) without the kernel.
/// </summary>
internal struct IpInterfaceFacts
{
    public uint Index;
    public NetLuid Luid;
    /// <summary>ifi_flags (IFF_*).</summary>
    public uint Flags;
    public uint Mtu, MinMtu, MaxMtu;

    /// <summary>The interface has an in_device (AF_INET in IFLA_AF_SPEC).</summary>
    public bool HasInet;
    public bool Ipv4Forwarding;

    /// <summary>The interface has an inet6_dev (AF_INET6 in IFLA_AF_SPEC); <see cref="DisableIpv6"/> may still be set.</summary>
    public bool HasInet6;
    public bool DisableIpv6;
    public bool Ipv6Forwarding;
    /// <summary>DEVCONF_FORCE_FORWARDING (kernel 6.17+); false on kernels without it.</summary>
    public bool Ipv6ForceForwarding;
    /// <summary>The kernel has force_forwarding (its devconf array reaches DEVCONF_FORCE_FORWARDING).</summary>
    public bool Ipv6HasForceForwarding;
    public int Ipv6Mtu, Ipv6AcceptRa, Ipv6AcceptRaDefrtr, Ipv6DadTransmits, Ipv6AcceptDad, Ipv6AddrGenMode;
    /// <summary>net.ipv6.conf.all.accept_dad: DAD runs when either it or the interface's accept_dad is at least 1.</summary>
    public int AllAcceptDad;
    /// <summary>net.ipv6.conf.default.addr_gen_mode: the mode new interfaces get.</summary>
    public int DefaultAddrGenMode;
    public uint Inet6Flags;
    /// <summary>The IPv6 interface identifier: the token when one is set, else that of the link-local address, else 0.</summary>
    public ulong Ipv6InterfaceIdentifier;

    public NeighborTableParameters Neighbor4, Neighbor6;
    /// <summary>net.ipv4.route.mtu_expires and net.ipv6.route.mtu_expires, in seconds (namespace-wide).</summary>
    public long MtuExpires4, MtuExpires6;

    public OffloadFeatures Offloads;
    public uint GsoMaxSize, GsoIpv4MaxSize;
    public uint WakeOnLan;

    /// <summary>The interface metric set through IpHelper for each family, or null (automatic, 0).</summary>
    public uint? Metric4, Metric6;
}
