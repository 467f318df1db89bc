namespace IpHelper.Linux;

/// <summary>rtnetlink multicast groups (enum rtnetlink_groups, linux/rtnetlink.h).</summary>
internal static class RtnlGroups
{
    public const uint RTNLGRP_LINK = 1, RTNLGRP_NEIGH = 3, RTNLGRP_IPV4_IFADDR = 5, RTNLGRP_IPV4_ROUTE = 7,
        RTNLGRP_IPV6_IFADDR = 9, RTNLGRP_IPV6_ROUTE = 11, RTNLGRP_IPV6_IFINFO = 12, RTNLGRP_IPV6_PREFIX = 18,
        RTNLGRP_IPV4_NETCONF = 24, RTNLGRP_IPV6_NETCONF = 25;
}
