using static IpHelper.Linux.Rtnl.RouteConstants;

namespace IpHelper.Linux;

/// <summary>
/// rtm_protocol (who installed a Linux route) to and from NL_ROUTE_PROTOCOL and NL_ROUTE_ORIGIN.
/// The table is in docs/mapping.md; every Windows protocol with a Linux counterpart round-trips.
/// </summary>
internal static class RouteProtocolMap
{
    public static NlRouteProtocol ToWindows(byte protocol) => protocol switch
    {
        RTPROT_REDIRECT => NlRouteProtocol.RouteProtocolIcmp,
        RTPROT_KERNEL => NlRouteProtocol.RouteProtocolLocal,
        RTPROT_BOOT or RTPROT_STATIC => NlRouteProtocol.RouteProtocolNetMgmt,
        // Router advertisements are ICMPv6 messages; the origin says which kind.
        RTPROT_RA => NlRouteProtocol.RouteProtocolIcmp,
        RTPROT_DHCP => NlRouteProtocol.RouteProtocolDhcp,
        RTPROT_MROUTED => NlRouteProtocol.RouteProtocolDvmrp,
        RTPROT_BGP => NlRouteProtocol.RouteProtocolBgp,
        RTPROT_ISIS => NlRouteProtocol.RouteProtocolIsIs,
        RTPROT_OSPF => NlRouteProtocol.RouteProtocolOspf,
        RTPROT_RIP => NlRouteProtocol.RouteProtocolRip,
        RTPROT_EIGRP => NlRouteProtocol.RouteProtocolEigrp,
        _ => NlRouteProtocol.RouteProtocolOther,
    };

    /// <summary>
    /// The rtm_protocol a route created with <paramref name="protocol"/> gets. A value that is not a
    /// NL_ROUTE_PROTOCOL member (InitializeIpForwardEntry's "unspecified") gives RTPROT_BOOT, what
    /// <c>ip route add</c> writes; protocols Linux has no number for give RTPROT_STATIC.
    /// </summary>
    public static byte ToLinux(NlRouteProtocol protocol) => protocol switch
    {
        NlRouteProtocol.RouteProtocolOther => RTPROT_UNSPEC,
        NlRouteProtocol.RouteProtocolLocal => RTPROT_KERNEL,
        NlRouteProtocol.RouteProtocolNetMgmt => RTPROT_BOOT,
        NlRouteProtocol.RouteProtocolIcmp => RTPROT_REDIRECT,
        NlRouteProtocol.RouteProtocolRip => RTPROT_RIP,
        NlRouteProtocol.RouteProtocolIsIs => RTPROT_ISIS,
        NlRouteProtocol.RouteProtocolOspf => RTPROT_OSPF,
        NlRouteProtocol.RouteProtocolBgp => RTPROT_BGP,
        NlRouteProtocol.RouteProtocolEigrp => RTPROT_EIGRP,
        NlRouteProtocol.RouteProtocolDvmrp => RTPROT_MROUTED,
        NlRouteProtocol.RouteProtocolDhcp => RTPROT_DHCP,
        _ when IsDefined(protocol) => RTPROT_STATIC,
        _ => RTPROT_BOOT,
    };

    /// <summary>True for a member of NL_ROUTE_PROTOCOL; anything else means "unspecified" to the write functions.</summary>
    public static bool IsDefined(NlRouteProtocol protocol) =>
        protocol is >= NlRouteProtocol.RouteProtocolOther and <= NlRouteProtocol.RouteProtocolDhcp
            or NlRouteProtocol.MibIpProtoNtAutostatic or NlRouteProtocol.MibIpProtoNtStatic or NlRouteProtocol.MibIpProtoNtStaticNonDod;

    public static NlRouteOrigin Origin(byte protocol) => protocol switch
    {
        RTPROT_KERNEL => NlRouteOrigin.NlroWellKnown,
        RTPROT_DHCP => NlRouteOrigin.NlroDHCP,
        RTPROT_RA => NlRouteOrigin.NlroRouterAdvertisement,
        _ => NlRouteOrigin.NlroManual,
    };
}
