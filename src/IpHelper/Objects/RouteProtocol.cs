namespace IpHelper.Objects;

/// <summary>
/// MSFT_NetRoute.Protocol: who installed a route (the values of NL_ROUTE_PROTOCOL). On Linux it comes from the
/// route's rtm_protocol as docs/mapping.md describes (kernel and boot routes are Local, static ones NetMgmt, ...).
/// </summary>
public enum RouteProtocol
{
    /// <summary>Another protocol.</summary>
    Other = 1,

    /// <summary>Made by the stack (connected and local routes).</summary>
    Local = 2,

    /// <summary>Added by an administrator or a management tool (static).</summary>
    NetMgmt = 3,

    /// <summary>ICMP redirect.</summary>
    Icmp = 4,

    /// <summary>EGP.</summary>
    Egp = 5,

    /// <summary>GGP.</summary>
    Ggp = 6,

    /// <summary>Hello.</summary>
    Hello = 7,

    /// <summary>RIP.</summary>
    Rip = 8,

    /// <summary>IS-IS.</summary>
    IsIs = 9,

    /// <summary>ES-IS.</summary>
    EsIs = 10,

    /// <summary>Cisco IGRP.</summary>
    Igrp = 11,

    /// <summary>BBN.</summary>
    Bbn = 12,

    /// <summary>OSPF.</summary>
    Ospf = 13,

    /// <summary>BGP.</summary>
    Bgp = 14,

    /// <summary>IDPR.</summary>
    Idpr = 15,

    /// <summary>EIGRP.</summary>
    Eigrp = 16,

    /// <summary>DVMRP.</summary>
    Dvmrp = 17,

    /// <summary>RPL.</summary>
    Rpl = 18,

    /// <summary>DHCP (and, on Windows, router advertisements).</summary>
    Dhcp = 19,
}
