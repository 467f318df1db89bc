using IpHelper.Linux.Rtnl;

namespace IpHelper.Linux;

/// <summary>
/// Which kernel routes carry the interface metric in their priority (docs/mapping.md, Metrics): unicast
/// routes added by an administrator or a daemon. Routes the kernel made (proto kernel) or learnt from
/// router advertisements (proto ra), and routes through nexthop objects, keep the priority the kernel
/// finds them by: SetIpInterfaceEntry does not move them, and the route readers do not subtract from them.
/// </summary>
internal static class InterfaceMetricRule
{
    public static bool Applies(byte type, byte protocol, uint nextHopId) =>
        type == RouteConstants.RTN_UNICAST && protocol is not (RouteConstants.RTPROT_KERNEL or RouteConstants.RTPROT_RA) && nextHopId == 0;

    /// <summary>The same rule for a row whose kernel route is no longer at hand (its Origin tells kernel and RA routes apart).</summary>
    public static bool Applies(in MibIpForwardRow2 row) =>
        !row.Loopback && row.Origin is not (NlRouteOrigin.NlroWellKnown or NlRouteOrigin.NlroRouterAdvertisement);
}
