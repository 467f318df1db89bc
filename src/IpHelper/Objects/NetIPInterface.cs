using System.Globalization;

namespace IpHelper.Objects;

/// <summary>
/// The IPv4 or IPv6 side of an interface as Get-NetIPInterface shows it (MSFT_NetIPInterface): one row of
/// <see cref="NetIo.GetIpInterfaceTable"/>, read from the interface's devconf, neighbour tables and sysctls
/// (docs/mapping.md says which member has no Linux source). Failures throw <see cref="NetIoException"/>.
/// </summary>
public sealed class NetIPInterface
{
    private readonly MibIpInterfaceRow _row;

    internal NetIPInterface(in MibIpInterfaceRow row, string interfaceAlias)
    {
        _row = row;
        InterfaceAlias = interfaceAlias;
    }

    /// <summary>The interface index (ifIndex).</summary>
    public uint InterfaceIndex => _row.InterfaceIndex;

    /// <summary>The interface's alias: its Linux name.</summary>
    public string InterfaceAlias { get; }

    /// <summary>The interface's NET_LUID.</summary>
    public NetLuid InterfaceLuid => _row.InterfaceLuid;

    /// <summary>IPv4 or IPv6.</summary>
    public IPAddressFamily AddressFamily => _row.Family.ToIPAddressFamily();

    /// <summary>Whether packets received here may be forwarded (conf/IFNAME/forwarding).</summary>
    public FeatureState Forwarding => State(_row.ForwardingEnabled);

    /// <summary>Whether the interface sends router advertisements: always Disabled, the kernel never does.</summary>
    public FeatureState Advertising => State(_row.AdvertisingEnabled);

    /// <summary>The IP MTU in bytes (IPv4: the device MTU; IPv6: conf/IFNAME/mtu).</summary>
    public uint NlMtu => _row.NlMtu;

    /// <summary>Enabled unless a metric was set through IpHelper (Linux has no automatic metric).</summary>
    public FeatureState AutomaticMetric => State(_row.UseAutomaticMetric);

    /// <summary>The interface metric IpHelper keeps and folds into route priorities (0 when none was set).</summary>
    public uint InterfaceMetric => _row.Metric;

    /// <summary>Whether the interface resolves neighbours (not NOARP, not loopback).</summary>
    public bool NeighborDiscoverySupported => _row.SupportsNeighborDiscovery;

    /// <summary>Neighbour unreachability detection: as NeighborDiscoverySupported, Linux has no switch.</summary>
    public FeatureState NeighborUnreachabilityDetection => State(_row.UseNeighborUnreachabilityDetection);

    /// <summary>The base reachable time (base_reachable_time_ms).</summary>
    public TimeSpan BaseReachableTime => TimeSpan.FromMilliseconds(_row.BaseReachableTime);

    /// <summary>The reachable time the kernel drew from the base.</summary>
    public TimeSpan ReachableTime => TimeSpan.FromMilliseconds(_row.ReachableTime);

    /// <summary>The neighbour solicitation retransmission time (retrans_time_ms).</summary>
    public TimeSpan RetransmitTime => TimeSpan.FromMilliseconds(_row.RetransmitTime);

    /// <summary>Duplicate address detection transmissions (IPv6 dad_transmits; 0 for IPv4, which has no DAD).</summary>
    public uint DadTransmits => _row.DadTransmits;

    /// <summary>Whether router advertisements are acted on (IPv6 accept_ra).</summary>
    public RouterDiscovery RouterDiscovery => _row.RouterDiscoveryBehavior switch
    {
        NlRouterDiscoveryBehavior.RouterDiscoveryEnabled => RouterDiscovery.Enabled,
        NlRouterDiscoveryBehavior.RouterDiscoveryDhcp => RouterDiscovery.ControlledByDhcp,
        _ => RouterDiscovery.Disabled,
    };

    /// <summary>The M flag of the last accepted router advertisement (IPv6).</summary>
    public FeatureState ManagedAddressConfiguration => State(_row.ManagedAddressConfigurationSupported);

    /// <summary>The O flag of the last accepted router advertisement (IPv6).</summary>
    public FeatureState OtherStatefulConfiguration => State(_row.OtherStatefulConfigurationSupported);

    /// <summary>Always Enabled: Linux sends with the weak host model.</summary>
    public FeatureState WeakHostSend => State(_row.WeakHostSend);

    /// <summary>Always Enabled: Linux receives with the weak host model.</summary>
    public FeatureState WeakHostReceive => State(_row.WeakHostReceive);

    /// <summary>Whether default routes from router advertisements are ignored (IPv6 accept_ra_defrtr 0).</summary>
    public FeatureState IgnoreDefaultRoutes => State(_row.DisableDefaultRoutes);

    /// <summary>Always Disabled: the kernel sends no router advertisements.</summary>
    public FeatureState AdvertiseDefaultRoute => State(_row.AdvertiseDefaultRoute);

    /// <summary>Not available on Linux: the kernel has no DHCP client, so null (Windows prints Enabled or Disabled).</summary>
    public FeatureState? Dhcp => null;

    /// <summary>Whether the link has a carrier (IFF_LOWER_UP).</summary>
    public ConnectionState ConnectionState => _row.Connected ? ConnectionState.Connected : ConnectionState.Disconnected;

    /// <summary>Linux has only the active store.</summary>
    public string PolicyStore => "ActiveStore";

    /// <summary>The Windows row this object was made from.</summary>
    public MibIpInterfaceRow Row => _row;

    /// <summary>Every IP interface of the family (both when null) in the current namespace: IPv4 rows, then IPv6 rows.</summary>
    /// <exception cref="NetIoException">A read failed.</exception>
    public static IReadOnlyList<NetIPInterface> Get(IPAddressFamily? addressFamily = null)
    {
        var directory = InterfaceDirectory.Read();
        NetIo.GetIpInterfaceTable(NetObjects.ToTableFamily(addressFamily), out var table).ThrowIfFailed();
        using (table)
        {
            var interfaces = new List<NetIPInterface>(table!.Count);
            foreach (ref readonly var row in table.AsSpan()) interfaces.Add(new NetIPInterface(row, directory.Alias(row.InterfaceIndex)));
            return interfaces;
        }
    }

    /// <summary>
    /// Changes settings (SetIpInterfaceEntry), like Set-NetIPInterface; null keeps a value. A metric turns the
    /// automatic metric off; AutomaticMetric Enabled gives the metric back. Returns the interface as it now is.
    /// </summary>
    /// <exception cref="NetIoException">A value Linux cannot apply (NotSupported) or out of range (InvalidParameter); nothing changed.</exception>
    public NetIPInterface Set(FeatureState? forwarding = null, uint? nlMtu = null, uint? interfaceMetric = null, FeatureState? automaticMetric = null,
        uint? dadTransmits = null, TimeSpan? baseReachableTime = null, TimeSpan? retransmitTime = null, RouterDiscovery? routerDiscovery = null,
        FeatureState? ignoreDefaultRoutes = null)
    {
        var row = _row;
        NetIo.GetIpInterfaceEntry(ref row).ThrowIfFailed();
        if (forwarding is { } f) row.ForwardingEnabled = f == FeatureState.Enabled;
        if (nlMtu is { } mtu) row.NlMtu = mtu;
        if (interfaceMetric is { } metric)
        {
            row.Metric = metric;
            row.UseAutomaticMetric = false;
        }

        if (automaticMetric is { } automatic) row.UseAutomaticMetric = automatic == FeatureState.Enabled;
        if (dadTransmits is { } dad) row.DadTransmits = dad;
        if (baseReachableTime is { } reachable) row.BaseReachableTime = Milliseconds(reachable, nameof(baseReachableTime));
        if (retransmitTime is { } retransmit) row.RetransmitTime = Milliseconds(retransmit, nameof(retransmitTime));
        if (routerDiscovery is { } discovery) row.RouterDiscoveryBehavior = (NlRouterDiscoveryBehavior)discovery;
        if (ignoreDefaultRoutes is { } ignore) row.DisableDefaultRoutes = ignore == FeatureState.Enabled;
        NetIo.SetIpInterfaceEntry(ref row).ThrowIfFailed();
        NetIo.GetIpInterfaceEntry(ref row).ThrowIfFailed();
        return new NetIPInterface(row, InterfaceAlias);
    }

    /// <summary>The IP interface in one line.</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"{InterfaceAlias} (ifIndex {InterfaceIndex}) {AddressFamily} mtu {NlMtu} metric {InterfaceMetric} {ConnectionState} forwarding {Forwarding}");

    private static FeatureState State(bool on) => on ? FeatureState.Enabled : FeatureState.Disabled;

    private static uint Milliseconds(TimeSpan time, string name)
    {
        if (time < TimeSpan.Zero || time.TotalMilliseconds > uint.MaxValue)
            throw new ArgumentOutOfRangeException(name, time, "between 0 and 0xFFFFFFFF milliseconds");
        return (uint)time.TotalMilliseconds;
    }
}
