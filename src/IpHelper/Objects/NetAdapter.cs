using System.Globalization;
using System.Net.NetworkInformation;

namespace IpHelper.Objects;

/// <summary>
/// A network adapter as Get-NetAdapter shows it (MSFT_NetAdapter): one row of <see cref="NetIo.GetIfTable2"/>
/// (RTM_GETLINK and ethtool) with Windows' derived Status, MacAddress and LinkSpeed texts. Failures throw
/// <see cref="NetIoException"/>.
/// </summary>
public sealed class NetAdapter
{
    private const ulong UnknownSpeed = ulong.MaxValue;
    private readonly MibIfRow2 _row;

    internal NetAdapter(in MibIfRow2 row)
    {
        _row = row;
        Name = row.Alias;
        InterfaceDescription = row.Description;
        LinkLayerAddress = row.GetPhysicalAddress();
        PermanentAddress = row.GetPermanentPhysicalAddress();
    }

    /// <summary>The adapter's name: the Linux interface name (Windows' InterfaceAlias).</summary>
    public string Name { get; }

    /// <summary>The interface alias (IFLA_IFALIAS), else the link kind, else the driver.</summary>
    public string InterfaceDescription { get; }

    /// <summary>The interface index (ifIndex).</summary>
    public uint InterfaceIndex => _row.InterfaceIndex;

    /// <summary>The NET_LUID.</summary>
    public NetLuid NetLuid => _row.InterfaceLuid;

    /// <summary>The interface GUID (a name-based UUID on Linux: docs/mapping.md).</summary>
    public Guid InterfaceGuid => _row.InterfaceGuid;

    /// <summary>
    /// Windows' Status: Disabled when administratively down, Up when operationally up, Disconnected without
    /// media (no carrier), else the operational status (Dormant, Testing, Not Present, ...).
    /// </summary>
    public string Status => _row switch
    {
        { AdminStatus: NetIfAdminStatus.NetIfAdminStatusDown } => "Disabled",
        { OperStatus: IfOperStatus.IfOperStatusUp } => "Up",
        { MediaConnectState: NetIfMediaConnectState.MediaConnectStateDisconnected } => "Disconnected",
        { OperStatus: IfOperStatus.IfOperStatusNotPresent } => "Not Present",
        { OperStatus: IfOperStatus.IfOperStatusLowerLayerDown } => "Disconnected",
        _ => EnumName(_row.OperStatus, "IfOperStatus"),
    };

    /// <summary>The MAC address as Windows prints it (00-15-5D-01-02-03); empty for a device without one.</summary>
    public string MacAddress => FormatMac(LinkLayerAddress);

    /// <summary>The current link-layer address.</summary>
    public PhysicalAddress LinkLayerAddress { get; }

    /// <summary>The permanent (burnt-in) address, when the driver reports one.</summary>
    public PhysicalAddress PermanentAddress { get; }

    /// <summary>The link speed in bits per second, or null when the driver reports none.</summary>
    public ulong? Speed => _row.TransmitLinkSpeed == UnknownSpeed ? null : _row.TransmitLinkSpeed;

    /// <summary>The link speed as Windows prints it ("10 Gbps", "100 Mbps"), or "Unknown".</summary>
    public string LinkSpeed => Speed is { } bits ? FormatSpeed(bits) : "Unknown";

    /// <summary>The device MTU.</summary>
    public uint MtuSize => _row.Mtu;

    /// <summary>IFF_UP: Up or Down.</summary>
    public string AdminStatus => _row.AdminStatus == NetIfAdminStatus.NetIfAdminStatusUp ? "Up" : "Down";

    /// <summary>Carrier: Connected, Disconnected or Unknown.</summary>
    public string MediaConnectionState => EnumName(_row.MediaConnectState, "MediaConnectState");

    /// <summary>The IANA interface type (6 Ethernet, 24 loopback, 209 bridge, ...).</summary>
    public IfType InterfaceType => _row.Type;

    /// <summary>Whether the adapter is hidden by default (Windows does not list loopback with Get-NetAdapter).</summary>
    public bool Hidden => _row.Type == IfType.SoftwareLoopback;

    /// <summary>Linux has only the active store.</summary>
    public string PolicyStore => "ActiveStore";

    /// <summary>The Windows row this object was made from.</summary>
    public MibIfRow2 Row => _row;

    /// <summary>Every adapter of the current namespace, loopback only with <paramref name="includeHidden"/>.</summary>
    /// <exception cref="NetIoException">The read failed.</exception>
    public static IReadOnlyList<NetAdapter> Get(bool includeHidden = false) =>
        [.. InterfaceDirectory.Read().Interfaces.Select(static row => new NetAdapter(row)).Where(adapter => includeHidden || !adapter.Hidden)];

    /// <summary>The adapter in one line.</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"{Name} (ifIndex {InterfaceIndex}) {InterfaceDescription} {Status} {MacAddress} {LinkSpeed}");

    /// <summary>A physical address as Windows prints it: upper-case bytes joined by dashes.</summary>
    internal static string FormatMac(PhysicalAddress address)
    {
        return string.Join('-', address.GetAddressBytes().Select(static b => b.ToString("X2", CultureInfo.InvariantCulture)));
    }

    /// <summary>A Windows enum member's name without its C prefix; the number for a value Windows does not name.</summary>
    private static string EnumName<T>(T value, string prefix) where T : struct, Enum =>
        Enum.GetName(value) is { } name && name.StartsWith(prefix, StringComparison.Ordinal) ? name[prefix.Length..] : value.ToString("D");

    private static string FormatSpeed(ulong bits)
    {
        (ulong unit, string name) = bits switch
        {
            >= 1_000_000_000 => (1_000_000_000UL, "Gbps"),
            >= 1_000_000 => (1_000_000UL, "Mbps"),
            >= 1_000 => (1_000UL, "Kbps"),
            _ => (1UL, "bps"),
        };
        return string.Create(CultureInfo.InvariantCulture, $"{(double)bits / unit:0.##} {name}");
    }
}
