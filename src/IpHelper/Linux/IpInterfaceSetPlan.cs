using System.Net.Sockets;
using IpHelper.Linux.Rtnl;

namespace IpHelper.Linux;

/// <summary>
/// What SetIpInterfaceEntry has to write to turn the interface's <c>current</c> row into the
/// requested one: sysctls (keys under /proc/sys/net), the IPv4 MTU (RTM_SETLINK) and the interface
/// metric with the shift of its route priorities. <see cref="Create"/> makes every check first, so
/// a rejected request writes nothing. Only settings whose value differs are written.
/// </summary>
internal sealed class IpInterfaceSetPlan
{
    private const uint Ipv4MinimumMtu = 68, Ipv6MinimumMtu = 1280;

    /// <summary>The sysctls to write, in order: key relative to /proc/sys/net, and value.</summary>
    public List<(string Key, long Value)> Sysctls { get; } = [];

    /// <summary>The new device MTU (IPv4 NlMtu), or null.</summary>
    public uint? LinkMtu { get; private set; }

    /// <summary>True when the interface metric changes; <see cref="Metric"/> is then the new one (null: automatic).</summary>
    public bool MetricChanges { get; private set; }

    public uint? Metric { get; private set; }

    /// <summary>What to add to the priority of the interface's routes: new effective metric − old.</summary>
    public long PriorityDelta { get; private set; }

    /// <summary>True when nothing has to be written.</summary>
    public bool IsEmpty => Sysctls.Count == 0 && LinkMtu is null && !MetricChanges;

    /// <summary>
    /// Checks <paramref name="requested"/> against the interface (<paramref name="facts"/>, its
    /// <paramref name="current"/> row) and lists the writes. InvalidParameter for values Windows or
    /// the kernel would refuse; NotSupported for a change Linux has no knob for (docs/mapping.md).
    /// </summary>
    public static BackendResult Create(string name, in IpInterfaceFacts facts, in MibIpInterfaceRow current, in MibIpInterfaceRow requested,
        out IpInterfaceSetPlan plan)
    {
        plan = new IpInterfaceSetPlan();
        var ipv6 = requested.Family == AddressFamily.InterNetworkV6;
        var status = CheckValues(facts, requested, ipv6);
        if (status != NetIoStatus.Success) return status;
        status = CheckSupported(facts, current, requested, ipv6);
        if (status != NetIoStatus.Success) return status;
        var family = ipv6 ? "ipv6" : "ipv4";
        if (ipv6) plan.PlanIpv6(name, facts, current, requested);
        else if (requested.ForwardingEnabled != current.ForwardingEnabled)
            plan.Sysctls.Add(($"ipv4/conf/{name}/forwarding", requested.ForwardingEnabled ? 1 : 0));
        if (requested.NlMtu != 0 && requested.NlMtu != current.NlMtu)
        {
            if (ipv6) plan.Sysctls.Add(($"ipv6/conf/{name}/mtu", requested.NlMtu));
            else plan.LinkMtu = requested.NlMtu;
        }
        if (requested.BaseReachableTime != 0 && requested.BaseReachableTime != current.BaseReachableTime)
            plan.Sysctls.Add(($"{family}/neigh/{name}/base_reachable_time_ms", requested.BaseReachableTime));
        if (requested.RetransmitTime != 0 && requested.RetransmitTime != current.RetransmitTime)
            plan.Sysctls.Add(($"{family}/neigh/{name}/retrans_time_ms", requested.RetransmitTime));
        plan.PlanMetric(current, requested);
        return BackendResult.Success;
    }

    private void PlanIpv6(string name, in IpInterfaceFacts facts, in MibIpInterfaceRow current, in MibIpInterfaceRow requested)
    {
        var conf = $"ipv6/conf/{name}/";
        var routing = requested.ForwardingEnabled;
        if (routing != current.ForwardingEnabled)
        {
            if (routing != facts.Ipv6Forwarding) Sysctls.Add((conf + "forwarding", routing ? 1 : 0));
            if (facts.Ipv6HasForceForwarding && routing != facts.Ipv6ForceForwarding) Sysctls.Add((conf + "force_forwarding", routing ? 1 : 0));
        }

        // Unchanged keeps the behaviour, even when forwarding changes: accept_ra 1 is ignored on a
        // router (forwarding on), where router discovery needs accept_ra 2. Loopback never does it.
        var discovery = requested.RouterDiscoveryBehavior == NlRouterDiscoveryBehavior.RouterDiscoveryUnchanged
            ? current.RouterDiscoveryBehavior
            : requested.RouterDiscoveryBehavior;
        var accepts = routing ? facts.Ipv6AcceptRa == 2 : facts.Ipv6AcceptRa >= 1;
        if ((facts.Flags & LinkConstants.IFF_LOOPBACK) == 0 && accepts != (discovery == NlRouterDiscoveryBehavior.RouterDiscoveryEnabled))
            Sysctls.Add((conf + "accept_ra", accepts ? 0 : routing ? 2 : 1));

        if (requested.DisableDefaultRoutes != current.DisableDefaultRoutes)
            Sysctls.Add((conf + "accept_ra_defrtr", requested.DisableDefaultRoutes ? 0 : 1));

        if (requested.DadTransmits != current.DadTransmits)
        {
            if (requested.DadTransmits > 0 && facts.Ipv6AcceptDad < 1 && facts.AllAcceptDad < 1) Sysctls.Add((conf + "accept_dad", 1));
            if (requested.DadTransmits != facts.Ipv6DadTransmits) Sysctls.Add((conf + "dad_transmits", requested.DadTransmits));
        }

        if (requested.LinkLocalAddressBehavior != NlLinkLocalAddressBehavior.LinkLocalUnchanged
            && requested.LinkLocalAddressBehavior != current.LinkLocalAddressBehavior)
        {
            var mode = requested.LinkLocalAddressBehavior == NlLinkLocalAddressBehavior.LinkLocalAlwaysOff
                ? DevConf.IN6_ADDR_GEN_MODE_NONE
                : facts.DefaultAddrGenMode != DevConf.IN6_ADDR_GEN_MODE_NONE ? facts.DefaultAddrGenMode : DevConf.IN6_ADDR_GEN_MODE_EUI64;
            Sysctls.Add((conf + "addr_gen_mode", mode));
        }
    }

    private void PlanMetric(in MibIpInterfaceRow current, in MibIpInterfaceRow requested)
    {
        var oldEffective = current.UseAutomaticMetric ? 0 : current.Metric;
        if (requested.UseAutomaticMetric)
        {
            if (current.UseAutomaticMetric) return;
            Metric = null;
        }
        else
        {
            if (!current.UseAutomaticMetric && requested.Metric == current.Metric) return;
            Metric = requested.Metric;
        }
        MetricChanges = true;
        PriorityDelta = (long)(Metric ?? 0) - oldEffective;
    }

    /// <summary>Values no interface could take: what Windows rejects and what the kernel would refuse.</summary>
    private static BackendResult CheckValues(in IpInterfaceFacts facts, in MibIpInterfaceRow requested, bool ipv6)
    {
        if (!ipv6 && requested.SitePrefixLength != 0)
            return Invalid("SitePrefixLength", $"SitePrefixLength must be 0 for IPv4, not {requested.SitePrefixLength}");
        if (ipv6 && requested.SitePrefixLength > 128)
            return Invalid("SitePrefixLength", $"SitePrefixLength {requested.SitePrefixLength} is longer than an IPv6 address");
        if (requested.RouterDiscoveryBehavior is < NlRouterDiscoveryBehavior.RouterDiscoveryUnchanged or > NlRouterDiscoveryBehavior.RouterDiscoveryDhcp)
            return Invalid("RouterDiscoveryBehavior", $"RouterDiscoveryBehavior {(int)requested.RouterDiscoveryBehavior} is not an NL_ROUTER_DISCOVERY_BEHAVIOR");
        if (requested.LinkLocalAddressBehavior is < NlLinkLocalAddressBehavior.LinkLocalUnchanged or > NlLinkLocalAddressBehavior.LinkLocalAlwaysOn)
            return Invalid("LinkLocalAddressBehavior", $"LinkLocalAddressBehavior {(int)requested.LinkLocalAddressBehavior} is not an NL_LINK_LOCAL_ADDRESS_BEHAVIOR");
        if (!requested.UseAutomaticMetric && requested.Metric > NetIo.NL_MAX_METRIC_COMPONENT)
            return Invalid("Metric", $"Metric {requested.Metric} is above NL_MAX_METRIC_COMPONENT ({NetIo.NL_MAX_METRIC_COMPONENT})");
        if (requested.NlMtu != 0)
        {
            var minimum = ipv6 ? Ipv6MinimumMtu : Math.Max(Ipv4MinimumMtu, facts.MinMtu);
            var maximum = ipv6 ? facts.Mtu : facts.MaxMtu != 0 ? facts.MaxMtu : uint.MaxValue;
            if (requested.NlMtu < minimum || requested.NlMtu > maximum)
                return Invalid("NlMtu", ipv6
                    ? $"NlMtu {requested.NlMtu} is outside 1280 (the IPv6 minimum) .. {maximum} (the device MTU)"
                    : $"NlMtu {requested.NlMtu} is outside the MTU range {minimum} .. {maximum} of the device");
        }
        if (requested.BaseReachableTime > int.MaxValue) return Invalid("BaseReachableTime", $"BaseReachableTime {requested.BaseReachableTime} ms is too large");
        if (requested.RetransmitTime > int.MaxValue) return Invalid("RetransmitTime", $"RetransmitTime {requested.RetransmitTime} ms is too large");
        if (requested.DadTransmits > int.MaxValue) return Invalid("DadTransmits", $"DadTransmits {requested.DadTransmits} is too large");
        return BackendResult.Success;
    }

    /// <summary>Changes Linux cannot make on this interface; leaving such a field as it is (or at 0 where 0 means "unchanged") is accepted.</summary>
    private static BackendResult CheckSupported(in IpInterfaceFacts facts, in MibIpInterfaceRow current, in MibIpInterfaceRow requested, bool ipv6)
    {
        if (requested.AdvertisingEnabled != current.AdvertisingEnabled)
            return Unsupported("AdvertisingEnabled", "the Linux kernel does not send router advertisements (a daemon such as radvd does)");
        if (requested.AdvertiseDefaultRoute != current.AdvertiseDefaultRoute)
            return Unsupported("AdvertiseDefaultRoute", "the Linux kernel does not send router advertisements");
        if (requested.WeakHostSend != current.WeakHostSend)
            return Unsupported("WeakHostSend", "Linux always sends on the route's interface whatever the source address (weak host send)");
        if (requested.WeakHostReceive != current.WeakHostReceive)
            return Unsupported("WeakHostReceive", "Linux accepts packets for any local address on every interface (weak host receive)");
        if (requested.UseNeighborUnreachabilityDetection != current.UseNeighborUnreachabilityDetection)
            return Unsupported("UseNeighborUnreachabilityDetection", "Linux runs neighbour unreachability detection wherever it resolves neighbours, with no switch");
        if (requested.ManagedAddressConfigurationSupported != current.ManagedAddressConfigurationSupported)
            return Unsupported("ManagedAddressConfigurationSupported", "the kernel takes the M flag from router advertisements");
        if (requested.OtherStatefulConfigurationSupported != current.OtherStatefulConfigurationSupported)
            return Unsupported("OtherStatefulConfigurationSupported", "the kernel takes the O flag from router advertisements");
        if (requested.PathMtuDiscoveryTimeout != 0 && requested.PathMtuDiscoveryTimeout != current.PathMtuDiscoveryTimeout)
            return Unsupported("PathMtuDiscoveryTimeout", "Linux has one path MTU timeout per namespace (net.ipv4/ipv6.route.mtu_expires), not one per interface");
        if (requested.LinkLocalAddressTimeout != 0 && requested.LinkLocalAddressTimeout != current.LinkLocalAddressTimeout)
            return Unsupported("LinkLocalAddressTimeout", "Linux has no link-local address timeout");
        if (ipv6 && requested.SitePrefixLength != current.SitePrefixLength)
            return Unsupported("SitePrefixLength", "Linux has no site prefix");
        if (!AllZero(requested.ZoneIndices) && !((ReadOnlySpan<uint>)requested.ZoneIndices).SequenceEqual(current.ZoneIndices))
            return Unsupported("ZoneIndices", "Linux zones are fixed: the interface index at interface and link scope, 0 above");
        var loopback = (facts.Flags & LinkConstants.IFF_LOOPBACK) != 0;
        var discovery = requested.RouterDiscoveryBehavior;
        var linkLocal = requested.LinkLocalAddressBehavior;
        if (!ipv6)
        {
            if (discovery is not (NlRouterDiscoveryBehavior.RouterDiscoveryUnchanged or NlRouterDiscoveryBehavior.RouterDiscoveryDisabled))
                return Unsupported("RouterDiscoveryBehavior", "the Linux kernel has no IPv4 router discovery (RFC 1256)");
            if (requested.DadTransmits != 0)
                return Unsupported("DadTransmits", "the Linux kernel does no IPv4 duplicate address detection");
            if (linkLocal is not (NlLinkLocalAddressBehavior.LinkLocalUnchanged or NlLinkLocalAddressBehavior.LinkLocalAlwaysOff))
                return Unsupported("LinkLocalAddressBehavior", "the Linux kernel configures no IPv4 link-local (169.254/16) addresses");
            if (requested.DisableDefaultRoutes)
                return Unsupported("DisableDefaultRoutes", "Linux has no IPv4 switch to ignore default routes of an interface");
            return BackendResult.Success;
        }
        if (discovery == NlRouterDiscoveryBehavior.RouterDiscoveryDhcp)
            return Unsupported("RouterDiscoveryBehavior", "IPv6 router discovery cannot be driven by DHCP");
        if (loopback && discovery == NlRouterDiscoveryBehavior.RouterDiscoveryEnabled)
            return Unsupported("RouterDiscoveryBehavior", "the kernel does no router discovery on loopback");
        if (linkLocal == NlLinkLocalAddressBehavior.LinkLocalDelayed)
            return Unsupported("LinkLocalAddressBehavior", "IPv6 link-local addresses are either always configured or never (addr_gen_mode)");
        if (loopback && linkLocal == NlLinkLocalAddressBehavior.LinkLocalAlwaysOn)
            return Unsupported("LinkLocalAddressBehavior", "the kernel configures no link-local address on loopback");
        if (requested.DadTransmits != current.DadTransmits && requested.DadTransmits != 0 && !IpInterfaceRowMapper.SupportsNeighborDiscovery(facts))
            return Unsupported("DadTransmits", "the kernel does no duplicate address detection on NOARP and loopback interfaces");
        return BackendResult.Success;
    }

    private static bool AllZero(ReadOnlySpan<uint> values) => values.IndexOfAnyExcept(0u) < 0;

    private static BackendResult Invalid(string field, string message) => BackendResult.Fail(NetIoStatus.InvalidParameter, message, field);

    private static BackendResult Unsupported(string field, string why) =>
        BackendResult.Fail(NetIoStatus.NotSupported, $"{field} cannot be changed on Linux: {why}", field);
}
