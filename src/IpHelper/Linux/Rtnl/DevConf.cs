namespace IpHelper.Linux.Rtnl;

/// <summary>
/// Positions in the per-interface devconf arrays of IFLA_AF_SPEC (linux/ip.h IPV4_DEVCONF_*,
/// linux/ipv6.h DEVCONF_*), the IPv6 link flags and the address generation modes. The arrays are
/// the same values /proc/sys/net/ipv{4,6}/conf/IFNAME/* and RTM_GETNETCONF show.
/// </summary>
internal static class DevConf
{
    /// <summary>IFLA_INET_CONF positions: IPV4_DEVCONF_* − 1 (the enum starts at 1, the array at 0).</summary>
    public const int Ipv4Forwarding = 0;

    /// <summary>IFLA_INET6_CONF positions (DEVCONF_*).</summary>
    public const int Ipv6Forwarding = 0, Ipv6Mtu = 2, Ipv6AcceptRa = 3, Ipv6DadTransmits = 6, Ipv6AcceptRaDefrtr = 17,
        Ipv6DisableIpv6 = 26, Ipv6AcceptDad = 27, Ipv6AddrGenMode = 47;

    /// <summary>
    /// DEVCONF_FORCE_FORWARDING (kernel 6.17; found by toggling the sysctl, the 6.1 headers end at 58):
    /// arrays of older kernels are shorter and have no such knob.
    /// </summary>
    public const int Ipv6ForceForwarding = 59;

    /// <summary>IFLA_INET6_FLAGS bits (linux/if_link.h): M and O flags of the last router advertisement.</summary>
    public const uint IF_RA_MANAGED = 0x40, IF_RA_OTHERCONF = 0x80;

    /// <summary>enum in6_addr_gen_mode: EUI-64 and none (stable_privacy 2 and random 3 also make a link-local address).</summary>
    public const int IN6_ADDR_GEN_MODE_EUI64 = 0, IN6_ADDR_GEN_MODE_NONE = 1;
}
