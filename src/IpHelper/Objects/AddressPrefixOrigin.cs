namespace IpHelper.Objects;

/// <summary>MSFT_NetIPAddress.PrefixOrigin: where an address's prefix came from (NL_PREFIX_ORIGIN without its prefix).</summary>
public enum AddressPrefixOrigin
{
    /// <summary>Another source.</summary>
    Other = 0,

    /// <summary>Configured by hand (on Linux: every address without another origin).</summary>
    Manual = 1,

    /// <summary>A well-known prefix (loopback).</summary>
    WellKnown = 2,

    /// <summary>DHCP.</summary>
    Dhcp = 3,

    /// <summary>A router advertisement (SLAAC).</summary>
    RouterAdvertisement = 4,
}
