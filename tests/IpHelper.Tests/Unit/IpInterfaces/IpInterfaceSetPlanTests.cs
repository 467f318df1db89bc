using System.Net.Sockets;
using IpHelper.Linux;
using IpHelper.Linux.Rtnl;
using Xunit;

namespace IpHelper.Tests.Unit.IpInterfaces;

/// <summary>
/// IpInterfaceSetPlan: which writes SetIpInterfaceEntry makes for a requested row, and which requests it
/// rejects before writing anything (InvalidParameter, NotSupported), with the field named.
/// </summary>
public sealed class IpInterfaceSetPlanTests
{
    [Fact]
    public void UnchangedRow_PlansNothing()
    {
        foreach (var family in new[] { AddressFamily.InterNetwork, AddressFamily.InterNetworkV6 })
        {
            var (facts, current) = Interface(family);
            Assert.True(Plan(facts, current, current).IsEmpty);
        }
    }

    [Fact]
    public void Ipv4Fields_GoToTheirSysctlsAndTheLinkMtu()
    {
        var (facts, current) = Interface(AddressFamily.InterNetwork);
        var requested = current;
        requested.ForwardingEnabled = true;
        requested.NlMtu = 1400;
        requested.BaseReachableTime = 20000;
        requested.RetransmitTime = 1500;

        var plan = Plan(facts, current, requested);

        Assert.Equal([("ipv4/conf/eth7/forwarding", 1L), ("ipv4/neigh/eth7/base_reachable_time_ms", 20000L), ("ipv4/neigh/eth7/retrans_time_ms", 1500L)], plan.Sysctls);
        Assert.Equal(1400u, plan.LinkMtu);
        Assert.False(plan.MetricChanges);
    }

    [Fact]
    public void Ipv6Fields_GoToTheirSysctls()
    {
        var (facts, current) = Interface(AddressFamily.InterNetworkV6);
        var requested = current;
        requested.NlMtu = 1280;
        requested.DadTransmits = 4;
        requested.DisableDefaultRoutes = true;
        requested.RouterDiscoveryBehavior = NlRouterDiscoveryBehavior.RouterDiscoveryDisabled;
        requested.LinkLocalAddressBehavior = NlLinkLocalAddressBehavior.LinkLocalAlwaysOff;

        var plan = Plan(facts, current, requested);

        Assert.Equal(
        [
            ("ipv6/conf/eth7/accept_ra", 0L), ("ipv6/conf/eth7/accept_ra_defrtr", 0L), ("ipv6/conf/eth7/dad_transmits", 4L),
            ("ipv6/conf/eth7/addr_gen_mode", 1L), ("ipv6/conf/eth7/mtu", 1280L),
        ], plan.Sysctls);
        Assert.Null(plan.LinkMtu);
    }

    [Fact]
    public void Ipv6Forwarding_WritesForwardingAndForceForwarding_AndKeepsRouterDiscoveryWithAcceptRa2()
    {
        var (facts, current) = Interface(AddressFamily.InterNetworkV6);
        var requested = current;
        requested.ForwardingEnabled = true;

        var plan = Plan(facts, current, requested);

        Assert.Equal([("ipv6/conf/eth7/forwarding", 1L), ("ipv6/conf/eth7/force_forwarding", 1L), ("ipv6/conf/eth7/accept_ra", 2L)], plan.Sysctls);
    }

    [Fact]
    public void Ipv6Forwarding_OnAKernelWithoutForceForwarding_WritesForwardingOnly()
    {
        var (facts, current) = Interface(AddressFamily.InterNetworkV6);
        facts.Ipv6HasForceForwarding = false;
        var requested = current;
        requested.ForwardingEnabled = true;
        requested.RouterDiscoveryBehavior = NlRouterDiscoveryBehavior.RouterDiscoveryDisabled;

        var plan = Plan(facts, current, requested);

        // accept_ra 1 is already ignored on a router: router discovery is off without writing it.
        Assert.Equal([("ipv6/conf/eth7/forwarding", 1L)], plan.Sysctls);
    }

    [Fact]
    public void Ipv6Forwarding_AlreadyOnThroughForceForwarding_WritesNothing()
    {
        var (facts, current) = Interface(AddressFamily.InterNetworkV6, (ref IpInterfaceFacts f) => f.Ipv6ForceForwarding = true);
        Assert.True(current.ForwardingEnabled);

        Assert.True(Plan(facts, current, current).IsEmpty);
    }

    [Fact]
    public void Ipv6ForwardingOff_ClearsForwardingAndForceForwarding()
    {
        var (facts, current) = Interface(AddressFamily.InterNetworkV6, (ref IpInterfaceFacts f) =>
        {
            f.Ipv6Forwarding = true;
            f.Ipv6ForceForwarding = true;
            f.Ipv6AcceptRa = 2;
        });
        var requested = current;
        requested.ForwardingEnabled = false;

        Assert.Equal([("ipv6/conf/eth7/forwarding", 0L), ("ipv6/conf/eth7/force_forwarding", 0L)], Plan(facts, current, requested).Sysctls);
    }

    [Fact]
    public void RouterDiscoveryUnchanged_KeepsTheBehaviour()
    {
        var (facts, current) = Interface(AddressFamily.InterNetworkV6);
        var requested = current;
        requested.RouterDiscoveryBehavior = NlRouterDiscoveryBehavior.RouterDiscoveryUnchanged;
        requested.LinkLocalAddressBehavior = NlLinkLocalAddressBehavior.LinkLocalUnchanged;

        Assert.True(Plan(facts, current, requested).IsEmpty);
    }

    [Fact]
    public void LinkLocalAlwaysOn_FromNone_RestoresTheDefaultMode()
    {
        var (facts, current) = Interface(AddressFamily.InterNetworkV6, (ref IpInterfaceFacts f) => f.Ipv6AddrGenMode = DevConf.IN6_ADDR_GEN_MODE_NONE);
        facts.DefaultAddrGenMode = 2; // IN6_ADDR_GEN_MODE_STABLE_PRIVACY
        var requested = current;
        requested.LinkLocalAddressBehavior = NlLinkLocalAddressBehavior.LinkLocalAlwaysOn;

        Assert.Equal([("ipv6/conf/eth7/addr_gen_mode", 2L)], Plan(facts, current, requested).Sysctls);
    }

    [Fact]
    public void DadTransmits_WithAcceptDadOff_TurnsAcceptDadOn()
    {
        var (facts, current) = Interface(AddressFamily.InterNetworkV6, (ref IpInterfaceFacts f) => f.Ipv6AcceptDad = 0);
        Assert.Equal(0u, current.DadTransmits);
        var requested = current;
        requested.DadTransmits = 1;

        Assert.Equal([("ipv6/conf/eth7/accept_dad", 1L)], Plan(facts, current, requested).Sysctls);
    }

    [Fact]
    public void ZeroForTimesAndMtu_LeavesThemUnchanged()
    {
        var (facts, current) = Interface(AddressFamily.InterNetworkV6);
        var requested = current;
        requested.NlMtu = 0;
        requested.BaseReachableTime = 0;
        requested.RetransmitTime = 0;
        requested.PathMtuDiscoveryTimeout = 0;
        requested.LinkLocalAddressTimeout = 0;
        requested.ZoneIndices = default;

        Assert.True(Plan(facts, current, requested).IsEmpty);
    }

    [Theory]
    [InlineData(false, 0u, true, 10u, 0L)]
    [InlineData(true, 0u, false, 10u, -10L)]
    [InlineData(false, 30u, false, 10u, 20L)]
    [InlineData(false, 10u, false, 30u, -20L)]
    [InlineData(false, 30u, true, 99u, 30L)]
    public void Metric_ChangesTheStoreAndShiftsPriorities(bool requestedAutomatic, uint requestedMetric, bool currentAutomatic, uint currentMetric, long delta)
    {
        var (facts, current) = Interface(AddressFamily.InterNetwork);
        current.UseAutomaticMetric = currentAutomatic;
        current.Metric = currentAutomatic ? 0 : currentMetric;
        var requested = current;
        requested.UseAutomaticMetric = requestedAutomatic;
        requested.Metric = requestedMetric;

        var plan = Plan(facts, current, requested);

        Assert.True(plan.MetricChanges);
        Assert.Equal(requestedAutomatic ? null : requestedMetric, plan.Metric);
        Assert.Equal(delta, plan.PriorityDelta);
    }

    [Fact]
    public void AutomaticMetric_IgnoresTheMetricField()
    {
        var (facts, current) = Interface(AddressFamily.InterNetwork);
        var requested = current;
        requested.Metric = 77;

        Assert.False(Plan(facts, current, requested).MetricChanges);
    }

    public static TheoryData<string, AddressFamily, RowChange> InvalidRequests => new()
    {
        { "SitePrefixLength", AddressFamily.InterNetwork, (ref MibIpInterfaceRow r) => r.SitePrefixLength = 64 },
        { "SitePrefixLength", AddressFamily.InterNetworkV6, (ref MibIpInterfaceRow r) => r.SitePrefixLength = 129 },
        { "RouterDiscoveryBehavior", AddressFamily.InterNetworkV6, (ref MibIpInterfaceRow r) => r.RouterDiscoveryBehavior = (NlRouterDiscoveryBehavior)3 },
        { "RouterDiscoveryBehavior", AddressFamily.InterNetwork, (ref MibIpInterfaceRow r) => r.RouterDiscoveryBehavior = (NlRouterDiscoveryBehavior)(-2) },
        { "LinkLocalAddressBehavior", AddressFamily.InterNetworkV6, (ref MibIpInterfaceRow r) => r.LinkLocalAddressBehavior = (NlLinkLocalAddressBehavior)7 },
        { "Metric", AddressFamily.InterNetwork, (ref MibIpInterfaceRow r) => { r.UseAutomaticMetric = false; r.Metric = NetIo.NL_MAX_METRIC_COMPONENT + 1; } },
        { "NlMtu", AddressFamily.InterNetwork, (ref MibIpInterfaceRow r) => r.NlMtu = 67 },
        { "NlMtu", AddressFamily.InterNetwork, (ref MibIpInterfaceRow r) => r.NlMtu = 65536 },
        { "NlMtu", AddressFamily.InterNetworkV6, (ref MibIpInterfaceRow r) => r.NlMtu = 1279 },
        { "NlMtu", AddressFamily.InterNetworkV6, (ref MibIpInterfaceRow r) => r.NlMtu = 1501 },
        { "BaseReachableTime", AddressFamily.InterNetwork, (ref MibIpInterfaceRow r) => r.BaseReachableTime = uint.MaxValue },
        { "RetransmitTime", AddressFamily.InterNetworkV6, (ref MibIpInterfaceRow r) => r.RetransmitTime = 1u << 31 },
        { "DadTransmits", AddressFamily.InterNetworkV6, (ref MibIpInterfaceRow r) => r.DadTransmits = uint.MaxValue },
    };

    [Theory]
    [MemberData(nameof(InvalidRequests))]
    public void BadValue_IsInvalidParameter_NamingTheField(string field, AddressFamily family, RowChange change) =>
        AssertRejected(NetIoStatus.InvalidParameter, field, family, change);

    public static TheoryData<string, AddressFamily, RowChange> UnsupportedRequests => new()
    {
        { "AdvertisingEnabled", AddressFamily.InterNetworkV6, (ref MibIpInterfaceRow r) => r.AdvertisingEnabled = true },
        { "AdvertiseDefaultRoute", AddressFamily.InterNetworkV6, (ref MibIpInterfaceRow r) => r.AdvertiseDefaultRoute = true },
        { "WeakHostSend", AddressFamily.InterNetwork, (ref MibIpInterfaceRow r) => r.WeakHostSend = false },
        { "WeakHostReceive", AddressFamily.InterNetworkV6, (ref MibIpInterfaceRow r) => r.WeakHostReceive = false },
        { "UseNeighborUnreachabilityDetection", AddressFamily.InterNetwork, (ref MibIpInterfaceRow r) => r.UseNeighborUnreachabilityDetection = false },
        { "ManagedAddressConfigurationSupported", AddressFamily.InterNetworkV6, (ref MibIpInterfaceRow r) => r.ManagedAddressConfigurationSupported = true },
        { "OtherStatefulConfigurationSupported", AddressFamily.InterNetworkV6, (ref MibIpInterfaceRow r) => r.OtherStatefulConfigurationSupported = true },
        { "PathMtuDiscoveryTimeout", AddressFamily.InterNetwork, (ref MibIpInterfaceRow r) => r.PathMtuDiscoveryTimeout = 1000 },
        { "LinkLocalAddressTimeout", AddressFamily.InterNetwork, (ref MibIpInterfaceRow r) => r.LinkLocalAddressTimeout = 6500 },
        { "SitePrefixLength", AddressFamily.InterNetworkV6, (ref MibIpInterfaceRow r) => r.SitePrefixLength = 48 },
        { "ZoneIndices", AddressFamily.InterNetworkV6, (ref MibIpInterfaceRow r) => r.ZoneIndices[(int)ScopeLevel.ScopeLevelSite] = 1 },
        { "RouterDiscoveryBehavior", AddressFamily.InterNetwork, (ref MibIpInterfaceRow r) => r.RouterDiscoveryBehavior = NlRouterDiscoveryBehavior.RouterDiscoveryDhcp },
        { "RouterDiscoveryBehavior", AddressFamily.InterNetworkV6, (ref MibIpInterfaceRow r) => r.RouterDiscoveryBehavior = NlRouterDiscoveryBehavior.RouterDiscoveryDhcp },
        { "DadTransmits", AddressFamily.InterNetwork, (ref MibIpInterfaceRow r) => r.DadTransmits = 3 },
        { "LinkLocalAddressBehavior", AddressFamily.InterNetwork, (ref MibIpInterfaceRow r) => r.LinkLocalAddressBehavior = NlLinkLocalAddressBehavior.LinkLocalDelayed },
        { "LinkLocalAddressBehavior", AddressFamily.InterNetworkV6, (ref MibIpInterfaceRow r) => r.LinkLocalAddressBehavior = NlLinkLocalAddressBehavior.LinkLocalDelayed },
        { "DisableDefaultRoutes", AddressFamily.InterNetwork, (ref MibIpInterfaceRow r) => r.DisableDefaultRoutes = true },
    };

    [Theory]
    [MemberData(nameof(UnsupportedRequests))]
    public void ChangeLinuxCannotMake_IsNotSupported_NamingTheField(string field, AddressFamily family, RowChange change) =>
        AssertRejected(NetIoStatus.NotSupported, field, family, change);

    [Fact]
    public void Loopback_RefusesRouterDiscoveryLinkLocalAndDad()
    {
        foreach (var (field, change) in new (string, RowChange)[]
        {
            ("RouterDiscoveryBehavior", (ref MibIpInterfaceRow r) => r.RouterDiscoveryBehavior = NlRouterDiscoveryBehavior.RouterDiscoveryEnabled),
            ("LinkLocalAddressBehavior", (ref MibIpInterfaceRow r) => r.LinkLocalAddressBehavior = NlLinkLocalAddressBehavior.LinkLocalAlwaysOn),
            ("DadTransmits", (ref MibIpInterfaceRow r) => r.DadTransmits = 1),
        })
        {
            var (facts, current) = Interface(AddressFamily.InterNetworkV6, (ref IpInterfaceFacts f) => f.Flags = LinkConstants.IFF_UP | LinkConstants.IFF_LOOPBACK);
            var requested = Apply(current, change);
            var result = IpInterfaceSetPlan.Create("lo", facts, current, requested, out _);
            Assert.Equal(NetIoStatus.NotSupported, result.Status);
            Assert.Equal(field, result.Error?.Argument);
        }
    }

    [Fact]
    public void Loopback_WithItsOwnRow_PlansNothing()
    {
        var (facts, current) = Interface(AddressFamily.InterNetworkV6, (ref IpInterfaceFacts f) => f.Flags = LinkConstants.IFF_UP | LinkConstants.IFF_LOOPBACK);
        Assert.True(Plan(facts, current, current).IsEmpty);
    }

    private static void AssertRejected(NetIoStatus status, string field, AddressFamily family, RowChange change)
    {
        var (facts, current) = Interface(family);
        var requested = Apply(current, change);

        var result = IpInterfaceSetPlan.Create("eth7", facts, current, requested, out _);
        Assert.Equal(status, result.Status);
        Assert.Equal(field, result.Error?.Argument);
    }

    private static MibIpInterfaceRow Apply(MibIpInterfaceRow row, RowChange change)
    {
        change(ref row);
        return row;
    }

    private static IpInterfaceSetPlan Plan(in IpInterfaceFacts facts, in MibIpInterfaceRow current, in MibIpInterfaceRow requested)
    {
        Assert.Equal(NetIoStatus.Success, IpInterfaceSetPlan.Create("eth7", facts, current, requested, out var plan).Status);
        return plan;
    }

    private static (IpInterfaceFacts Facts, MibIpInterfaceRow Current) Interface(AddressFamily family, FactsChange? change = null)
    {
        var facts = IpInterfaceRowMapperTests.Ethernet();
        change?.Invoke(ref facts);
        var row = default(MibIpInterfaceRow);
        IpInterfaceRowMapper.Fill(ref row, family, facts);
        return (facts, row);
    }

    public delegate void RowChange(ref MibIpInterfaceRow row);

    internal delegate void FactsChange(ref IpInterfaceFacts facts);
}
