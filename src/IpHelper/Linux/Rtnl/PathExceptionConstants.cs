namespace IpHelper.Linux.Rtnl;

/// <summary>The route attributes, flags and types that route exceptions and route lookups use (linux/rtnetlink.h).</summary>
internal static class PathExceptionConstants
{
    public const ushort RTA_DST = 1, RTA_SRC = 2, RTA_OIF = 4, RTA_GATEWAY = 5, RTA_PRIORITY = 6, RTA_PREFSRC = 7,
        RTA_METRICS = 8, RTA_CACHEINFO = 12, RTA_TABLE = 15, RTA_VIA = 18;

    public const ushort RTAX_MTU = 2;

    /// <summary>RTM_F_CLONED: in a dump request, "exceptions only"; in a reply, "a cached clone or exception".</summary>
    public const uint RTM_F_CLONED = 0x200;

    /// <summary>RTM_F_FIB_MATCH: a lookup answers the matching FIB entry rather than the resolved output route.</summary>
    public const uint RTM_F_FIB_MATCH = 0x2000;

    public const byte RTN_UNICAST = 1, RTN_LOCAL = 2;

    public const byte RT_TABLE_UNSPEC = 0;
}
