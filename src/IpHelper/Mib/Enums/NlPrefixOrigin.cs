namespace IpHelper;

/// <summary>NL_PREFIX_ORIGIN: where the prefix (network part) of a unicast address came from.</summary>
public enum NlPrefixOrigin
{
    /// <summary>None of the other origins.</summary>
    IpPrefixOriginOther = 0,
    /// <summary>Configured by hand or by a program.</summary>
    IpPrefixOriginManual = 1,
    /// <summary>A well-known address, such as loopback.</summary>
    IpPrefixOriginWellKnown = 2,
    /// <summary>Configured by DHCP or DHCPv6.</summary>
    IpPrefixOriginDhcp = 3,
    /// <summary>Learnt from a router advertisement (SLAAC).</summary>
    IpPrefixOriginRouterAdvertisement = 4,
    /// <summary>In a Set call: leave the prefix origin as it is.</summary>
    IpPrefixOriginUnchanged = 16,
}
