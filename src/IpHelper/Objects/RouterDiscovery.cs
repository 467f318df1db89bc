namespace IpHelper.Objects;

/// <summary>MSFT_NetIPInterface.RouterDiscovery (NL_ROUTER_DISCOVERY_BEHAVIOR); on Linux from accept_ra (docs/mapping.md).</summary>
public enum RouterDiscovery
{
    /// <summary>Router advertisements are ignored.</summary>
    Disabled = 0,

    /// <summary>Router advertisements are accepted.</summary>
    Enabled = 1,

    /// <summary>Controlled by DHCP (not produced on Linux).</summary>
    ControlledByDhcp = 2,
}
