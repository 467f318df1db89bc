using System.CommandLine;

namespace IpHelper.Cli.Commands;

/// <summary>
/// The options of `ipinterface set`, one per writable MIB_IPINTERFACE_ROW field, named after it
/// (--forwarding-enabled true, --nl-mtu 1400, --metric 20, --dad-transmits 2, ...). Only the options
/// given change the row read with GetIpInterfaceEntry before it goes to SetIpInterfaceEntry.
/// </summary>
internal sealed class IpInterfaceSetOptions
{
    private readonly List<Option> _options = [];
    private readonly List<Action<ParseResult, Edit>> _appliers = [];
    private readonly Option<bool?> _useAutomaticMetric;

    public IpInterfaceSetOptions()
    {
        Flag("--forwarding-enabled", "ForwardingEnabled: forward packets (IPv4 forwarding; IPv6 forwarding and force_forwarding)", (r, v) => r.Row.ForwardingEnabled = v);
        Flag("--advertising-enabled", "AdvertisingEnabled: send router advertisements (not possible on Linux: only false)", (r, v) => r.Row.AdvertisingEnabled = v);
        Flag("--weak-host-send", "WeakHostSend (Linux is always weak host: only true)", (r, v) => r.Row.WeakHostSend = v);
        Flag("--weak-host-receive", "WeakHostReceive (Linux is always weak host: only true)", (r, v) => r.Row.WeakHostReceive = v);
        _useAutomaticMetric = Flag("--use-automatic-metric", "UseAutomaticMetric: true drops the interface metric (0 on Linux)", (r, v) => r.Row.UseAutomaticMetric = v);
        Flag("--use-neighbor-unreachability-detection", "UseNeighborUnreachabilityDetection (fixed on Linux)", (r, v) => r.Row.UseNeighborUnreachabilityDetection = v);
        Flag("--managed-address-configuration-supported", "ManagedAddressConfigurationSupported (set by router advertisements on Linux)", (r, v) => r.Row.ManagedAddressConfigurationSupported = v);
        Flag("--other-stateful-configuration-supported", "OtherStatefulConfigurationSupported (set by router advertisements on Linux)", (r, v) => r.Row.OtherStatefulConfigurationSupported = v);
        Flag("--advertise-default-route", "AdvertiseDefaultRoute (not possible on Linux: only false)", (r, v) => r.Row.AdvertiseDefaultRoute = v);
        Flag("--disable-default-routes", "DisableDefaultRoutes: IPv6 accept_ra_defrtr off", (r, v) => r.Row.DisableDefaultRoutes = v);
        Choice("--router-discovery-behavior", "RouterDiscoveryBehavior: IPv6 accept_ra",
            ["Disabled", "Enabled", "Dhcp", "Unchanged"], (r, v) => r.Row.RouterDiscoveryBehavior = Enum.Parse<NlRouterDiscoveryBehavior>("RouterDiscovery" + v));
        Choice("--link-local-address-behavior", "LinkLocalAddressBehavior: IPv6 addr_gen_mode (AlwaysOff: none)",
            ["AlwaysOff", "Delayed", "AlwaysOn", "Unchanged"], (r, v) => r.Row.LinkLocalAddressBehavior = Enum.Parse<NlLinkLocalAddressBehavior>("LinkLocal" + v));
        Number("--dad-transmits", "DadTransmits: IPv6 dad_transmits (0: no duplicate address detection)", (r, v) => r.Row.DadTransmits = v);
        Number("--base-reachable-time", "BaseReachableTime in ms: neigh base_reachable_time_ms", (r, v) => r.Row.BaseReachableTime = v);
        Number("--retransmit-time", "RetransmitTime in ms: neigh retrans_time_ms", (r, v) => r.Row.RetransmitTime = v);
        Number("--path-mtu-discovery-timeout", "PathMtuDiscoveryTimeout in ms (namespace-wide on Linux: only its current value)", (r, v) => r.Row.PathMtuDiscoveryTimeout = v);
        Number("--link-local-address-timeout", "LinkLocalAddressTimeout in ms (not on Linux: only 0)", (r, v) => r.Row.LinkLocalAddressTimeout = v);
        Number("--site-prefix-length", "SitePrefixLength (must be 0 for IPv4; Linux has none)", (r, v) => r.Row.SitePrefixLength = v);
        Number("--metric", "Metric: the interface metric (implies --use-automatic-metric false unless that is given). "
            + "Linux has none: IpHelper records it under /run/iphelper and moves the kernel priority of the interface's unicast routes by the difference, "
            + "re-adding each at its new priority (routes added by ip too); connected (proto kernel) and router-advertised routes keep their priority. "
            + "route list then shows it as ifMetric", (r, v) =>
        {
            r.Row.Metric = v;
            if (!r.ExplicitAutomaticMetric) r.Row.UseAutomaticMetric = false;
        });
        Number("--nl-mtu", "NlMtu: IPv4 the device MTU, IPv6 the IPv6 mtu", (r, v) => r.Row.NlMtu = v);
    }

    public void AddTo(Command command)
    {
        foreach (var option in _options) command.Options.Add(option);
    }

    /// <summary>Applies every given option to <paramref name="row"/>.</summary>
    public void Apply(ParseResult parse, ref MibIpInterfaceRow row)
    {
        var edit = new Edit
        {
            Row = row,
            ExplicitAutomaticMetric = parse.GetValue(_useAutomaticMetric) is not null,
        };
        foreach (var apply in _appliers) apply(parse, edit);
        row = edit.Row;
    }

    private Option<bool?> Flag(string name, string description, Action<Edit, bool> set)
    {
        var option = new Option<bool?>(name) { Description = description };
        _options.Add(option);
        _appliers.Add((parse, edit) => { if (parse.GetValue(option) is { } value) set(edit, value); });
        return option;
    }

    private void Number(string name, string description, Action<Edit, uint> set)
    {
        var option = new Option<uint?>(name) { Description = description };
        _options.Add(option);
        _appliers.Add((parse, edit) => { if (parse.GetValue(option) is { } value) set(edit, value); });
    }

    private void Choice(string name, string description, string[] values, Action<Edit, string> set)
    {
        var option = new Option<string?>(name) { Description = $"{description} ({string.Join(", ", values)})" };
        option.AcceptOnlyFromAmong(values);
        _options.Add(option);
        _appliers.Add((parse, edit) => { if (parse.GetValue(option) is { } value) set(edit, value); });
    }

    /// <summary>The row being edited, and whether --use-automatic-metric was given (it then wins over --metric's implication).</summary>
    internal sealed class Edit
    {
        public MibIpInterfaceRow Row;
        public bool ExplicitAutomaticMetric;
    }
}
