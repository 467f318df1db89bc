namespace IpHelper;

/// <summary>NL_LINK_LOCAL_ADDRESS_BEHAVIOR: when an IP interface configures a link-local address.</summary>
public enum NlLinkLocalAddressBehavior
{
    /// <summary>Never.</summary>
    LinkLocalAlwaysOff = 0,
    /// <summary>Only when no other address is configured (IPv4 APIPA behaviour).</summary>
    LinkLocalDelayed = 1,
    /// <summary>Always (the IPv6 behaviour).</summary>
    LinkLocalAlwaysOn = 2,
    /// <summary>In a Set call: leave the behaviour as it is.</summary>
    LinkLocalUnchanged = -1,
}
