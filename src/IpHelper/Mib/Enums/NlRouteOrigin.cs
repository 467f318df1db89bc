namespace IpHelper;

/// <summary>NL_ROUTE_ORIGIN: how a route came to be.</summary>
public enum NlRouteOrigin
{
    /// <summary>Configured by hand or by a program.</summary>
    NlroManual = 0,
    /// <summary>A well-known route.</summary>
    NlroWellKnown = 1,
    /// <summary>Configured by DHCP.</summary>
    NlroDHCP = 2,
    /// <summary>Learnt from a router advertisement.</summary>
    NlroRouterAdvertisement = 3,
    /// <summary>Created for 6to4 tunnelling.</summary>
    Nlro6to4 = 4,
}
