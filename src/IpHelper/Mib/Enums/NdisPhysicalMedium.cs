namespace IpHelper;

/// <summary>NDIS_PHYSICAL_MEDIUM: the physical medium under an interface.</summary>
public enum NdisPhysicalMedium
{
    /// <summary>Unspecified (also used for virtual interfaces).</summary>
    NdisPhysicalMediumUnspecified = 0,
    /// <summary>Wireless LAN (802.11 through the legacy interface).</summary>
    NdisPhysicalMediumWirelessLan = 1,
    /// <summary>DOCSIS cable.</summary>
    NdisPhysicalMediumCableModem = 2,
    /// <summary>Telephone lines (for example HomePNA).</summary>
    NdisPhysicalMediumPhoneLine = 3,
    /// <summary>Power lines.</summary>
    NdisPhysicalMediumPowerLine = 4,
    /// <summary>DSL.</summary>
    NdisPhysicalMediumDSL = 5,
    /// <summary>Fibre Channel.</summary>
    NdisPhysicalMediumFibreChannel = 6,
    /// <summary>IEEE 1394 (FireWire).</summary>
    NdisPhysicalMedium1394 = 7,
    /// <summary>Wireless WAN (mobile broadband).</summary>
    NdisPhysicalMediumWirelessWan = 8,
    /// <summary>Native 802.11 wireless LAN.</summary>
    NdisPhysicalMediumNative802_11 = 9,
    /// <summary>Bluetooth.</summary>
    NdisPhysicalMediumBluetooth = 10,
    /// <summary>InfiniBand.</summary>
    NdisPhysicalMediumInfiniband = 11,
    /// <summary>WiMAX.</summary>
    NdisPhysicalMediumWiMax = 12,
    /// <summary>Ultra-wideband.</summary>
    NdisPhysicalMediumUWB = 13,
    /// <summary>Ethernet (802.3).</summary>
    NdisPhysicalMedium802_3 = 14,
    /// <summary>Token ring (802.5).</summary>
    NdisPhysicalMedium802_5 = 15,
    /// <summary>Infrared (IrDA).</summary>
    NdisPhysicalMediumIrda = 16,
    /// <summary>A wired WAN.</summary>
    NdisPhysicalMediumWiredWAN = 17,
    /// <summary>A wired connection-oriented WAN.</summary>
    NdisPhysicalMediumWiredCoWan = 18,
    /// <summary>A medium not listed here.</summary>
    NdisPhysicalMediumOther = 19,
    /// <summary>Native IEEE 802.15.4 (low-rate wireless PAN).</summary>
    NdisPhysicalMediumNative802_15_4 = 20,
    /// <summary>The upper bound, not a medium.</summary>
    NdisPhysicalMediumMax = 21,
}
