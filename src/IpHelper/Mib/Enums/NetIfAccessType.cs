namespace IpHelper;

/// <summary>NET_IF_ACCESS_TYPE: how an interface reaches its peers.</summary>
public enum NetIfAccessType
{
    /// <summary>NET_IF_ACCESS_LOOPBACK: a loopback interface.</summary>
    NetIfAccessLoopback = 1,
    /// <summary>NET_IF_ACCESS_BROADCAST: a broadcast medium such as Ethernet.</summary>
    NetIfAccessBroadcast = 2,
    /// <summary>NET_IF_ACCESS_POINT_TO_POINT: a point-to-point link.</summary>
    NetIfAccessPointToPoint = 3,
    /// <summary>NET_IF_ACCESS_POINT_TO_MULTI_POINT: a non-broadcast multi-access medium.</summary>
    NetIfAccessPointToMultiPoint = 4,
    /// <summary>NET_IF_ACCESS_MAXIMUM: the upper bound, not an access type.</summary>
    NetIfAccessMaximum = 5,
}
