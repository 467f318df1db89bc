namespace IpHelper;

/// <summary>NET_IF_CONNECTION_TYPE: how the interface's connection is brought up.</summary>
public enum NetIfConnectionType
{
    /// <summary>NET_IF_CONNECTION_DEDICATED: always connected (Ethernet, loopback, ...).</summary>
    NetIfConnectionDedicated = 1,
    /// <summary>NET_IF_CONNECTION_PASSIVE: the remote end brings the connection up.</summary>
    NetIfConnectionPassive = 2,
    /// <summary>NET_IF_CONNECTION_DEMAND: brought up on demand (dial-on-demand).</summary>
    NetIfConnectionDemand = 3,
    /// <summary>NET_IF_CONNECTION_MAXIMUM: the upper bound, not a connection type.</summary>
    NetIfConnectionMaximum = 4,
}
