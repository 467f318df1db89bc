namespace IpHelper;

/// <summary>NL_SUFFIX_ORIGIN: where the suffix (host part) of a unicast address came from.</summary>
public enum NlSuffixOrigin
{
    /// <summary>None of the other origins.</summary>
    IpSuffixOriginOther = 0,
    /// <summary>Configured by hand or by a program.</summary>
    IpSuffixOriginManual = 1,
    /// <summary>A well-known address, such as loopback.</summary>
    IpSuffixOriginWellKnown = 2,
    /// <summary>Configured by DHCP or DHCPv6.</summary>
    IpSuffixOriginDhcp = 3,
    /// <summary>Derived from the link-layer address (EUI-64).</summary>
    IpSuffixOriginLinkLayerAddress = 4,
    /// <summary>Random, such as an IPv6 temporary (privacy) address.</summary>
    IpSuffixOriginRandom = 5,
    /// <summary>In a Set call: leave the suffix origin as it is.</summary>
    IpSuffixOriginUnchanged = 16,
}
