namespace IpHelper;

/// <summary>NL_ADDRESS_TYPE: the network-layer type of an IP address.</summary>
public enum NlAddressType
{
    /// <summary>The unspecified address.</summary>
    NlatUnspecified = 0,
    /// <summary>A unicast address.</summary>
    NlatUnicast = 1,
    /// <summary>An anycast address.</summary>
    NlatAnycast = 2,
    /// <summary>A multicast address.</summary>
    NlatMulticast = 3,
    /// <summary>A broadcast address.</summary>
    NlatBroadcast = 4,
    /// <summary>An invalid address.</summary>
    NlatInvalid = 5,
}
