namespace IpHelper.Objects;

/// <summary>MSFT_NetIPAddress.SuffixOrigin: where an address's interface part came from (NL_SUFFIX_ORIGIN without its prefix).</summary>
public enum AddressSuffixOrigin
{
    /// <summary>Another source.</summary>
    Other = 0,

    /// <summary>Configured by hand.</summary>
    Manual = 1,

    /// <summary>A well-known suffix (loopback).</summary>
    WellKnown = 2,

    /// <summary>DHCP.</summary>
    Dhcp = 3,

    /// <summary>Derived from the link-layer address (EUI-64).</summary>
    Link = 4,

    /// <summary>Random (privacy or stable-privacy addresses).</summary>
    Random = 5,
}
