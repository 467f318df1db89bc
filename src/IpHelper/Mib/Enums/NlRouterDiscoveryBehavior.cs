namespace IpHelper;

/// <summary>NL_ROUTER_DISCOVERY_BEHAVIOR: whether an IP interface discovers routers (RFC 4861).</summary>
public enum NlRouterDiscoveryBehavior
{
    /// <summary>Router discovery is off.</summary>
    RouterDiscoveryDisabled = 0,
    /// <summary>Router discovery is on.</summary>
    RouterDiscoveryEnabled = 1,
    /// <summary>Router discovery is configured by DHCP.</summary>
    RouterDiscoveryDhcp = 2,
    /// <summary>In a Set call: leave the behaviour as it is.</summary>
    RouterDiscoveryUnchanged = -1,
}
