namespace IpHelper;

/// <summary>TUNNEL_TYPE: the encapsulation of a tunnel interface (its <see cref="MibIfRow2.Type"/> is <see cref="IfType.Tunnel"/>).</summary>
public enum TunnelType
{
    /// <summary>TUNNEL_TYPE_NONE: not a tunnel.</summary>
    TunnelTypeNone = 0,
    /// <summary>TUNNEL_TYPE_OTHER: none of the other types.</summary>
    TunnelTypeOther = 1,
    /// <summary>TUNNEL_TYPE_DIRECT: the packet is encapsulated directly in a normal IP header, with no intermediate header.</summary>
    TunnelTypeDirect = 2,
    /// <summary>TUNNEL_TYPE_6TO4: 6to4 (RFC 3056).</summary>
    TunnelType6To4 = 11,
    /// <summary>TUNNEL_TYPE_ISATAP: ISATAP (RFC 5214).</summary>
    TunnelTypeIsatap = 13,
    /// <summary>TUNNEL_TYPE_TEREDO: Teredo (RFC 4380).</summary>
    TunnelTypeTeredo = 14,
    /// <summary>TUNNEL_TYPE_IPHTTPS: IP over HTTPS.</summary>
    TunnelTypeIpHttps = 15,
}
