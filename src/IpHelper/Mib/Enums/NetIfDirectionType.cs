namespace IpHelper;

/// <summary>NET_IF_DIRECTION_TYPE: the directions an interface carries traffic in.</summary>
public enum NetIfDirectionType
{
    /// <summary>NET_IF_DIRECTION_SENDRECEIVE: both.</summary>
    NetIfDirectionSendReceive = 0,
    /// <summary>NET_IF_DIRECTION_SENDONLY: send only.</summary>
    NetIfDirectionSendOnly = 1,
    /// <summary>NET_IF_DIRECTION_RECEIVEONLY: receive only.</summary>
    NetIfDirectionReceiveOnly = 2,
    /// <summary>NET_IF_DIRECTION_MAXIMUM: the upper bound, not a direction.</summary>
    NetIfDirectionMaximum = 3,
}
