namespace IpHelper;

/// <summary>NL_ROUTE_PROTOCOL: the routing mechanism a route was added by (RFC 4292 values, plus the Windows MIB_IPPROTO_NT_* values).</summary>
public enum NlRouteProtocol
{
    /// <summary>None of the other protocols.</summary>
    RouteProtocolOther = 1,
    /// <summary>A route derived from the configuration of the local interfaces, such as a connected subnet.</summary>
    RouteProtocolLocal = 2,
    /// <summary>A static route added by a management program.</summary>
    RouteProtocolNetMgmt = 3,
    /// <summary>Learnt from ICMP redirects.</summary>
    RouteProtocolIcmp = 4,
    /// <summary>EGP.</summary>
    RouteProtocolEgp = 5,
    /// <summary>GGP.</summary>
    RouteProtocolGgp = 6,
    /// <summary>Hello.</summary>
    RouteProtocolHello = 7,
    /// <summary>RIP.</summary>
    RouteProtocolRip = 8,
    /// <summary>IS-IS.</summary>
    RouteProtocolIsIs = 9,
    /// <summary>ES-IS.</summary>
    RouteProtocolEsIs = 10,
    /// <summary>Cisco IGRP.</summary>
    RouteProtocolCisco = 11,
    /// <summary>BBN SPF IGP.</summary>
    RouteProtocolBbn = 12,
    /// <summary>OSPF.</summary>
    RouteProtocolOspf = 13,
    /// <summary>BGP.</summary>
    RouteProtocolBgp = 14,
    /// <summary>IDPR.</summary>
    RouteProtocolIdpr = 15,
    /// <summary>EIGRP.</summary>
    RouteProtocolEigrp = 16,
    /// <summary>DVMRP.</summary>
    RouteProtocolDvmrp = 17,
    /// <summary>RPL.</summary>
    RouteProtocolRpl = 18,
    /// <summary>DHCP.</summary>
    RouteProtocolDhcp = 19,
    /// <summary>MIB_IPPROTO_NT_AUTOSTATIC: a non-DOD route added by a routing protocol and kept as static.</summary>
    MibIpProtoNtAutostatic = 10002,
    /// <summary>MIB_IPPROTO_NT_STATIC: a static route (as <c>route add</c> creates on Windows).</summary>
    MibIpProtoNtStatic = 10006,
    /// <summary>MIB_IPPROTO_NT_STATIC_NON_DOD: a static route that does not cause dial on demand.</summary>
    MibIpProtoNtStaticNonDod = 10007,
}
