namespace IpHelper.Tests.Kernel.Interfaces;

/// <summary>
/// The MIB_IF_ROW2 values docs/mapping.md promises for a link, computed from what iproute2 prints
/// (written from the document, not from the library's code). Covers the link types and kinds the
/// test kernels can create; anything else fails loudly so the oracle gets extended.
/// </summary>
public static class DocumentedMapping
{
    private static readonly string[] s_ethernetTunnelKinds = ["vxlan", "geneve", "gretap", "ip6gretap", "erspan", "ip6erspan", "bareudp"];

    public static IfType Type(IpLink link) => link.LinkType switch
    {
        "loopback" => IfType.SoftwareLoopback,
        "ether" => link.Kind switch
        {
            "bridge" => IfType.Bridge,
            "bond" or "team" => IfType.Ieee8023adLag,
            "vlan" => IfType.L2Vlan,
            var kind when s_ethernetTunnelKinds.Contains(kind) => IfType.Tunnel,
            _ => IfType.EthernetCsmacd,
        },
        "none" or "rawip" => link.Kind == "wireguard" ? IfType.Tunnel : IfType.PropVirtual,
        _ => throw new NotSupportedException($"the test oracle has no mapping for link_type {link.LinkType} ({link.Name})"),
    };

    public static TunnelType TunnelType(IpLink link) =>
        link.Kind is { } kind && (s_ethernetTunnelKinds.Contains(kind) || kind == "wireguard")
            ? IpHelper.TunnelType.TunnelTypeOther
            : IpHelper.TunnelType.TunnelTypeNone;

    public static NdisMedium MediaType(IpLink link) => Type(link) switch
    {
        IfType.SoftwareLoopback => NdisMedium.NdisMediumLoopback,
        IfType.Tunnel when link.LinkType == "ether" => NdisMedium.NdisMediumTunnel,
        IfType.EthernetCsmacd or IfType.Bridge or IfType.Ieee8023adLag or IfType.L2Vlan => NdisMedium.NdisMedium802_3,
        _ => NdisMedium.NdisMediumIP,
    };

    /// <summary>802_3 only for Ethernet devices with a parent (bus) device; virtual devices are Unspecified.</summary>
    public static NdisPhysicalMedium PhysicalMediumType(IpLink link) =>
        Type(link) == IfType.EthernetCsmacd && link.ParentDevice is not null
            ? NdisPhysicalMedium.NdisPhysicalMedium802_3
            : NdisPhysicalMedium.NdisPhysicalMediumUnspecified;

    public static NetIfAccessType AccessType(IpLink link) =>
        link.HasFlag("LOOPBACK") ? NetIfAccessType.NetIfAccessLoopback
        : link.HasFlag("POINTOPOINT") ? NetIfAccessType.NetIfAccessPointToPoint
        : link.HasFlag("BROADCAST") ? NetIfAccessType.NetIfAccessBroadcast
        : NetIfAccessType.NetIfAccessPointToMultiPoint;

    public static NetIfAdminStatus AdminStatus(IpLink link) =>
        link.IsUp ? NetIfAdminStatus.NetIfAdminStatusUp : NetIfAdminStatus.NetIfAdminStatusDown;

    /// <summary>IFLA_OPERSTATE; UNKNOWN is Down without IFF_UP, Up with IFF_LOWER_UP, else Unknown.</summary>
    public static IfOperStatus OperStatus(IpLink link) => link.OperState switch
    {
        "UP" => IfOperStatus.IfOperStatusUp,
        "DOWN" => IfOperStatus.IfOperStatusDown,
        "LOWERLAYERDOWN" => IfOperStatus.IfOperStatusLowerLayerDown,
        "TESTING" => IfOperStatus.IfOperStatusTesting,
        "DORMANT" => IfOperStatus.IfOperStatusDormant,
        "NOTPRESENT" => IfOperStatus.IfOperStatusNotPresent,
        "UNKNOWN" when !link.IsUp => IfOperStatus.IfOperStatusDown,
        "UNKNOWN" when link.HasFlag("LOWER_UP") => IfOperStatus.IfOperStatusUp,
        "UNKNOWN" => IfOperStatus.IfOperStatusUnknown,
        _ => throw new NotSupportedException($"iproute2 printed operstate {link.OperState} for {link.Name}"),
    };

    /// <summary>IFF_LOWER_UP (running and carrier on): Connected, otherwise Disconnected, also for a device that is down.</summary>
    public static NetIfMediaConnectState? MediaConnectState(IpLink link) =>
        link.HasFlag("LOWER_UP") ? NetIfMediaConnectState.MediaConnectStateConnected : NetIfMediaConnectState.MediaConnectStateDisconnected;

    /// <summary>IFLA_IFALIAS, else the link kind, else the driver, else the name.</summary>
    public static string Description(IpLink link, string? driver) => link.IfAlias ?? link.Kind ?? driver ?? link.Name;

    /// <summary>The Windows interface name: the ifType's prefix (or "iftype&lt;T&gt;"), '_', the ifindex.</summary>
    public static string WindowsName(IfType type, uint index) => (type switch
    {
        IfType.Other => "other",
        IfType.EthernetCsmacd => "ethernet",
        IfType.Iso88025Tokenring => "tokenring",
        IfType.Ppp => "ppp",
        IfType.SoftwareLoopback => "loopback",
        IfType.Atm => "atm",
        IfType.Ieee80211 => "wireless",
        IfType.Tunnel => "tunnel",
        IfType.Ieee1394 => "ieee1394",
        _ => $"iftype{(uint)type}",
    }) + "_" + index;

    /// <summary>NET_LUID: IfType in bits 48-63, the ifindex in bits 24-47, reserved bits zero.</summary>
    public static ulong LuidValue(IpLink link) => ((ulong)Type(link) << 48) | ((ulong)link.Index << 24);

    /// <summary>A MAC as iproute2 prints it ("aa:bb:..."), to bytes.</summary>
    public static byte[] MacBytes(string? text) =>
        string.IsNullOrEmpty(text) ? [] : [.. text.Split(':').Select(b => Convert.ToByte(b, 16))];
}
