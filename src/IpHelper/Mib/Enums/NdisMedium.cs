namespace IpHelper;

/// <summary>NDIS_MEDIUM: the medium type an NDIS driver reports for an interface.</summary>
public enum NdisMedium
{
    /// <summary>Ethernet (802.3).</summary>
    NdisMedium802_3 = 0,
    /// <summary>Token ring (802.5).</summary>
    NdisMedium802_5 = 1,
    /// <summary>FDDI.</summary>
    NdisMediumFddi = 2,
    /// <summary>A wide-area network.</summary>
    NdisMediumWan = 3,
    /// <summary>LocalTalk.</summary>
    NdisMediumLocalTalk = 4,
    /// <summary>Ethernet with DIX headers.</summary>
    NdisMediumDix = 5,
    /// <summary>ARCNET.</summary>
    NdisMediumArcnetRaw = 6,
    /// <summary>ARCNET (878.2).</summary>
    NdisMediumArcnet878_2 = 7,
    /// <summary>ATM.</summary>
    NdisMediumAtm = 8,
    /// <summary>A wireless WAN.</summary>
    NdisMediumWirelessWan = 9,
    /// <summary>Infrared (IrDA).</summary>
    NdisMediumIrda = 10,
    /// <summary>Broadcast PC.</summary>
    NdisMediumBpc = 11,
    /// <summary>A connection-oriented WAN.</summary>
    NdisMediumCoWan = 12,
    /// <summary>IEEE 1394 (FireWire).</summary>
    NdisMedium1394 = 13,
    /// <summary>InfiniBand.</summary>
    NdisMediumInfiniBand = 14,
    /// <summary>A tunnel.</summary>
    NdisMediumTunnel = 15,
    /// <summary>Native 802.11 wireless LAN.</summary>
    NdisMediumNative802_11 = 16,
    /// <summary>Loopback.</summary>
    NdisMediumLoopback = 17,
    /// <summary>WiMAX.</summary>
    NdisMediumWiMAX = 18,
    /// <summary>Raw IP, with no link-layer header.</summary>
    NdisMediumIP = 19,
    /// <summary>The upper bound, not a medium.</summary>
    NdisMediumMax = 20,
}
