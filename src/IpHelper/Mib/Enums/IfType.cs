namespace IpHelper;

/// <summary>IFTYPE: the IANA ifType of an interface (the IF_TYPE_* constants of ipifcons.h), a ULONG in <see cref="MibIfRow2.Type"/> and 16 bits in <see cref="NetLuid.IfType"/>. On Linux it is derived from the link's ARPHRD type and kind. Other IANA values may appear; they are valid even without a name here.</summary>
public enum IfType : uint
{
    /// <summary>IF_TYPE_OTHER: none of the other types.</summary>
    Other = 1,
    /// <summary>IF_TYPE_ETHERNET_CSMACD: Ethernet.</summary>
    EthernetCsmacd = 6,
    /// <summary>IF_TYPE_ISO88025_TOKENRING: token ring.</summary>
    Iso88025Tokenring = 9,
    /// <summary>IF_TYPE_FDDI: FDDI.</summary>
    Fddi = 15,
    /// <summary>IF_TYPE_PPP: PPP.</summary>
    Ppp = 23,
    /// <summary>IF_TYPE_SOFTWARE_LOOPBACK: software loopback.</summary>
    SoftwareLoopback = 24,
    /// <summary>IF_TYPE_SLIP: SLIP.</summary>
    Slip = 28,
    /// <summary>IF_TYPE_FRAMERELAY: frame relay (DTE).</summary>
    FrameRelay = 32,
    /// <summary>IF_TYPE_ATM: ATM.</summary>
    Atm = 37,
    /// <summary>IF_TYPE_PROP_VIRTUAL: a proprietary virtual or internal interface.</summary>
    PropVirtual = 53,
    /// <summary>IF_TYPE_ISDN: ISDN and X.25.</summary>
    Isdn = 63,
    /// <summary>IF_TYPE_IEEE80211: IEEE 802.11 wireless.</summary>
    Ieee80211 = 71,
    /// <summary>IF_TYPE_TUNNEL: an encapsulation interface; see <see cref="TunnelType"/>.</summary>
    Tunnel = 131,
    /// <summary>IF_TYPE_L2_VLAN: a layer 2 virtual LAN using 802.1Q.</summary>
    L2Vlan = 135,
    /// <summary>IF_TYPE_L3_IPVLAN: a layer 3 virtual LAN using IP.</summary>
    L3IpVlan = 136,
    /// <summary>IF_TYPE_IEEE1394: IEEE 1394 (FireWire).</summary>
    Ieee1394 = 144,
    /// <summary>IF_TYPE_USB: USB.</summary>
    Usb = 160,
    /// <summary>IF_TYPE_IEEE8023AD_LAG: an IEEE 802.3ad link aggregate (bond).</summary>
    Ieee8023adLag = 161,
    /// <summary>IANA infiniband: InfiniBand.</summary>
    Infiniband = 199,
    /// <summary>IANA bridge: a transparent bridge interface.</summary>
    Bridge = 209,
    /// <summary>IF_TYPE_IEEE80216_WMAN: WiMAX mobile broadband.</summary>
    Ieee80216Wman = 237,
    /// <summary>IF_TYPE_WWANPP: GSM-based mobile broadband.</summary>
    Wwanpp = 243,
    /// <summary>IF_TYPE_WWANPP2: CDMA-based mobile broadband.</summary>
    Wwanpp2 = 244,
    /// <summary>IF_TYPE_IEEE802154: IEEE 802.15.4 WPAN.</summary>
    Ieee802154 = 259,
    /// <summary>IF_TYPE_XBOX_WIRELESS: Xbox wireless.</summary>
    XboxWireless = 281,
}
