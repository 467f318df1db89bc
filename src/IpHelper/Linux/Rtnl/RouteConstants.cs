namespace IpHelper.Linux.Rtnl;

/// <summary>Route attribute types, route types, protocols, scopes, tables and flags (linux/rtnetlink.h).</summary>
internal static class RouteConstants
{
    /// <summary>The Linux address family numbers (AF_INET6 is 10 on Linux, 23 on Windows).</summary>
    public const byte AF_UNSPEC = 0, AF_INET = 2, AF_INET6 = 10;

    public const ushort RTA_DST = 1, RTA_SRC = 2, RTA_IIF = 3, RTA_OIF = 4, RTA_GATEWAY = 5, RTA_PRIORITY = 6,
        RTA_PREFSRC = 7, RTA_METRICS = 8, RTA_MULTIPATH = 9, RTA_FLOW = 11, RTA_CACHEINFO = 12, RTA_TABLE = 15,
        RTA_MARK = 16, RTA_VIA = 18, RTA_PREF = 20, RTA_ENCAP_TYPE = 21, RTA_ENCAP = 22, RTA_EXPIRES = 23,
        RTA_UID = 25, RTA_NH_ID = 30;

    public const byte RTN_UNSPEC = 0, RTN_UNICAST = 1, RTN_LOCAL = 2, RTN_BROADCAST = 3, RTN_ANYCAST = 4,
        RTN_MULTICAST = 5, RTN_BLACKHOLE = 6, RTN_UNREACHABLE = 7, RTN_PROHIBIT = 8, RTN_THROW = 9,
        RTN_NAT = 10, RTN_XRESOLVE = 11;

    public const byte RTPROT_UNSPEC = 0, RTPROT_REDIRECT = 1, RTPROT_KERNEL = 2, RTPROT_BOOT = 3, RTPROT_STATIC = 4,
        RTPROT_GATED = 8, RTPROT_RA = 9, RTPROT_MRT = 10, RTPROT_ZEBRA = 11, RTPROT_BIRD = 12, RTPROT_DNROUTED = 13,
        RTPROT_XORP = 14, RTPROT_NTK = 15, RTPROT_DHCP = 16, RTPROT_MROUTED = 17, RTPROT_KEEPALIVED = 18,
        RTPROT_BABEL = 42, RTPROT_OPENR = 99, RTPROT_BGP = 186, RTPROT_ISIS = 187, RTPROT_OSPF = 188,
        RTPROT_RIP = 189, RTPROT_EIGRP = 192;

    public const byte RT_SCOPE_UNIVERSE = 0, RT_SCOPE_SITE = 200, RT_SCOPE_LINK = 253, RT_SCOPE_HOST = 254,
        RT_SCOPE_NOWHERE = 255;

    public const uint RT_TABLE_UNSPEC = 0, RT_TABLE_DEFAULT = 253, RT_TABLE_MAIN = 254, RT_TABLE_LOCAL = 255;

    public const uint RTM_F_NOTIFY = 0x100, RTM_F_CLONED = 0x200, RTM_F_LOOKUP_TABLE = 0x1000, RTM_F_FIB_MATCH = 0x2000;

    public const byte RTNH_F_DEAD = 1, RTNH_F_PERVASIVE = 2, RTNH_F_ONLINK = 4, RTNH_F_LINKDOWN = 16;

    /// <summary>sizeof(struct rtnexthop): length, flags, hops, ifindex.</summary>
    public const int RtNextHopLength = 8;

    /// <summary>Offset of rta_expires (clock ticks, USER_HZ) in struct rta_cacheinfo.</summary>
    public const int CacheInfoExpiresOffset = 8;

    /// <summary>USER_HZ: the clock ticks per second of rta_cacheinfo times (fixed at 100 in the kernel ABI).</summary>
    public const int UserHz = 100;

    /// <summary>The priority the kernel gives an IPv6 route added without one (IP6_RT_PRIO_USER).</summary>
    public const uint Ip6DefaultPriority = 1024;
}
