using IpHelper.Linux;
using IpHelper.Tests.Kernel.Infrastructure;
using Xunit;
using static IpHelper.Tests.Kernel.Routes.RouteTestData;

namespace IpHelper.Tests.Kernel.Routes;

public sealed class CreateIpForwardEntry2Tests
{
    [RootFact]
    public void CreateIpForwardEntry2_InitializedOnLinkRoute_IsAScopeLinkRouteOfIpRoute()
    {
        using var ns = TwoInterfaces();
        var row = Row("203.0.113.0/24", null, interfaceLuid: Luid(ns, "v0"));

        using (ns.Enter()) Assert.Equal(NetIoStatus.Success, NetIo.CreateIpForwardEntry2(row));

        var route = RouteOracle.Show(ns, "203.0.113.0/24").Single();
        Assert.Equal("v0", RouteOracle.Text(route, "dev"));
        Assert.Equal("link", RouteOracle.Text(route, "scope"));
        Assert.Null(RouteOracle.Text(route, "gateway"));
        Assert.Null(RouteOracle.Text(route, "protocol"));
        Assert.Null(RouteOracle.Text(route, "metric"));
    }

    [RootFact]
    public void CreateIpForwardEntry2_GatewayRouteWithMetricAndProtocol_IsWrittenAsGiven()
    {
        using var ns = TwoInterfaces();
        var row = Row("203.0.113.0/24", "198.51.100.7", RouteOracle.Index(ns, "v1"));
        row.Metric = 25;
        row.Protocol = NlRouteProtocol.RouteProtocolOspf;

        using (ns.Enter()) Assert.Equal(NetIoStatus.Success, NetIo.CreateIpForwardEntry2(row));

        var route = RouteOracle.Show(ns, "203.0.113.0/24").Single();
        Assert.Equal("198.51.100.7", RouteOracle.Text(route, "gateway"));
        Assert.Equal("v1", RouteOracle.Text(route, "dev"));
        Assert.Equal("25", RouteOracle.Text(route, "metric"));
        Assert.Equal("ospf", RouteOracle.Text(route, "protocol"));
    }

    [RootTheory]
    [InlineData(NlRouteProtocol.RouteProtocolNetMgmt, null)]
    [InlineData(NlRouteProtocol.RouteProtocolLocal, "kernel")]
    [InlineData(NlRouteProtocol.RouteProtocolIcmp, "redirect")]
    [InlineData(NlRouteProtocol.RouteProtocolDhcp, "dhcp")]
    [InlineData(NlRouteProtocol.RouteProtocolBgp, "bgp")]
    [InlineData(NlRouteProtocol.MibIpProtoNtStatic, "static")]
    [InlineData(NlRouteProtocol.RouteProtocolEgp, "static")]
    public void CreateIpForwardEntry2_Protocol_BecomesItsLinuxRtmProtocol(NlRouteProtocol protocol, string? ipName)
    {
        using var ns = TwoInterfaces();
        var row = Row("2001:db8:5::/48", "2001:db8:1::9", RouteOracle.Index(ns, "v0"));
        row.Protocol = protocol;

        using (ns.Enter()) Assert.Equal(NetIoStatus.Success, NetIo.CreateIpForwardEntry2(row));

        Assert.Equal(ipName, RouteOracle.Text(RouteOracle.Show(ns, "2001:db8:5::/48").Single(), "protocol"));
    }

    [RootFact]
    public void CreateIpForwardEntry2_Ipv6ValidLifetime_ExpiresInTheKernel()
    {
        using var ns = TwoInterfaces();
        var row = Row("2001:db8:5::/48", "2001:db8:1::9", RouteOracle.Index(ns, "v0"));
        row.ValidLifetime = 300;
        row.PreferredLifetime = 200;

        using (ns.Enter()) Assert.Equal(NetIoStatus.Success, NetIo.CreateIpForwardEntry2(row));

        var route = RouteOracle.Show(ns, "2001:db8:5::/48").Single();
        Assert.InRange(route.GetProperty("expires").GetInt32(), 295, 300);
    }

    [RootFact]
    public void CreateIpForwardEntry2_UnspecifiedIpv6Metric_GetsTheKernelDefault1024()
    {
        using var ns = TwoInterfaces();
        var row = Row("2001:db8:5::/48", null, RouteOracle.Index(ns, "v0"));

        using (ns.Enter()) Assert.Equal(NetIoStatus.Success, NetIo.CreateIpForwardEntry2(row));

        Assert.Equal("1024", RouteOracle.Text(RouteOracle.Show(ns, "2001:db8:5::/48").Single(), "metric"));
    }

    [RootFact]
    public void CreateIpForwardEntry2_InterfaceMetric_IsAddedToTheKernelPriorityAndNotReadBack()
    {
        using var ns = TwoInterfaces();
        var index = RouteOracle.Index(ns, "v0");
        var row = Row("203.0.113.0/24", "192.0.2.9", index);
        row.Metric = 5;
        try
        {
            using (ns.Enter())
            {
                Assert.Equal(0, TestBackend.Context.Metrics.Set(System.Net.Sockets.AddressFamily.InterNetwork, index, "v0", 100));
                Assert.Equal(NetIoStatus.Success, NetIo.CreateIpForwardEntry2(row));
            }

            Assert.Equal("105", RouteOracle.Text(RouteOracle.Show(ns, "203.0.113.0/24").Single(), "metric"));
            using (ns.Enter())
            {
                Assert.Equal(NetIoStatus.Success, NetIo.GetIpForwardEntry2(ref row));
            }
            Assert.Equal(5u, row.Metric);
        }
        finally
        {
            File.Delete(ns.MetricStoreFile);
        }
    }

    [RootFact]
    public void CreateIpForwardEntry2_SamePrefixOtherNextHopOrInterface_AddsAnotherRoute()
    {
        using var ns = TwoInterfaces();

        using (ns.Enter())
        {
            Assert.Equal(NetIoStatus.Success, NetIo.CreateIpForwardEntry2(Row("203.0.113.0/24", "192.0.2.9", RouteOracle.Index(ns, "v0"))));
            Assert.Equal(NetIoStatus.Success, NetIo.CreateIpForwardEntry2(Row("203.0.113.0/24", "192.0.2.10", RouteOracle.Index(ns, "v0"))));
            Assert.Equal(NetIoStatus.Success, NetIo.CreateIpForwardEntry2(Row("203.0.113.0/24", null, RouteOracle.Index(ns, "v1"))));
        }

        Assert.Equal(3, RouteOracle.Show(ns, "203.0.113.0/24").Length);
    }

    [RootFact]
    public void CreateIpForwardEntry2_LuidAndIndexOfDifferentInterfaces_UsesTheLuid()
    {
        using var ns = TwoInterfaces();
        var row = Row("203.0.113.0/24", null, RouteOracle.Index(ns, "v0"), Luid(ns, "v1"));

        using (ns.Enter()) Assert.Equal(NetIoStatus.Success, NetIo.CreateIpForwardEntry2(row));

        Assert.Equal("v1", RouteOracle.Text(RouteOracle.Show(ns, "203.0.113.0/24").Single(), "dev"));
    }

    [RootFact]
    public void CreateIpForwardEntry2_InRouteTableScope_WritesThatTable()
    {
        using var ns = TwoInterfaces();

        using (ns.Enter())
        using (RouteTables.Enter(100))
            Assert.Equal(NetIoStatus.Success, NetIo.CreateIpForwardEntry2(Row("203.0.113.0/24", "192.0.2.9", RouteOracle.Index(ns, "v0"))));

        Assert.Single(RouteOracle.Show(ns, "203.0.113.0/24", "100"));
        Assert.Empty(RouteOracle.Show(ns, "203.0.113.0/24"));
    }

    [RootTheory]
    [InlineData("203.0.113.0/24", "192.0.2.9", "192.0.2.9", 7u)]
    [InlineData("203.0.113.0/24", null, null, 0u)]
    [InlineData("2001:db8:5::/48", "2001:db8:1::9", "2001:db8:1::9", 77u)]
    public void CreateIpForwardEntry2_KeyInUseEvenWithAnotherMetric_ReturnsObjectAlreadyExistsAndChangesNothing(
        string prefix, string? existingHop, string? newHop, uint newMetric)
    {
        using var ns = TwoInterfaces();
        var index = RouteOracle.Index(ns, "v0");
        using (ns.Enter()) Assert.Equal(NetIoStatus.Success, NetIo.CreateIpForwardEntry2(Row(prefix, existingHop, index)));
        var again = Row(prefix, newHop, index);
        again.Metric = newMetric;

        AssertRefused(ns, NetIoStatus.ObjectAlreadyExists, () => NetIo.CreateIpForwardEntry2(again));
    }

    [RootFact]
    public void CreateIpForwardEntry2_UnknownInterfaceIndex_ReturnsNotFoundAndChangesNothing()
    {
        using var ns = TwoInterfaces();

        AssertRefused(ns, NetIoStatus.NotFound, () => NetIo.CreateIpForwardEntry2(Row("203.0.113.0/24", null, 4242)));
    }

    [RootFact]
    public void CreateIpForwardEntry2_UnknownLuid_ReturnsNotFoundAndChangesNothing()
    {
        using var ns = TwoInterfaces();

        AssertRefused(ns, NetIoStatus.NotFound, () => NetIo.CreateIpForwardEntry2(Row("203.0.113.0/24", null, interfaceLuid: new NetLuid(4242, 6))));
    }

    [RootFact]
    public void CreateIpForwardEntry2_PreferredLifetimeAboveValidLifetime_ReturnsInvalidParameterAndChangesNothing()
    {
        using var ns = TwoInterfaces();
        var row = Row("2001:db8:5::/48", null, RouteOracle.Index(ns, "v0"));
        row.ValidLifetime = 100;
        row.PreferredLifetime = 200;

        AssertRefused(ns, NetIoStatus.InvalidParameter, () => NetIo.CreateIpForwardEntry2(row));
        Assert.Equal("PreferredLifetime", NetIo.LastErrorDetail!.Argument);
    }

    [RootFact]
    public void CreateIpForwardEntry2_SitePrefixLengthLongerThanPrefix_ReturnsInvalidParameterAndChangesNothing()
    {
        using var ns = TwoInterfaces();
        var row = Row("2001:db8:5::/48", null, RouteOracle.Index(ns, "v0"));
        row.SitePrefixLength = 64;

        AssertRefused(ns, NetIoStatus.InvalidParameter, () => NetIo.CreateIpForwardEntry2(row));
        Assert.Equal("SitePrefixLength", NetIo.LastErrorDetail!.Argument);
    }

    [RootFact]
    public void CreateIpForwardEntry2_FiniteIpv4Lifetime_ReturnsNotSupportedAndChangesNothing()
    {
        using var ns = TwoInterfaces();
        var row = Row("203.0.113.0/24", null, RouteOracle.Index(ns, "v0"));
        row.ValidLifetime = 600;
        row.PreferredLifetime = 600;

        AssertRefused(ns, NetIoStatus.NotSupported, () => NetIo.CreateIpForwardEntry2(row));
    }

    [RootTheory]
    [InlineData("203.0.113.0/24", "203.0.113.1")]
    [InlineData("2001:db8:5::/48", "2001:db8:77::1")]
    public void CreateIpForwardEntry2_NextHopNotReachableOnTheInterface_ReturnsInvalidParameterAndChangesNothing(string prefix, string nextHop)
    {
        using var ns = TwoInterfaces();

        AssertRefused(ns, NetIoStatus.InvalidParameter, () => NetIo.CreateIpForwardEntry2(Row(prefix, nextHop, RouteOracle.Index(ns, "v0"))));
        Assert.Equal("NextHop", NetIo.LastErrorDetail!.Argument);
    }

    [RootFact]
    public void CreateIpForwardEntry2_Ipv4RouteThroughAnInterfaceThatIsDown_ReturnsNotSupportedAndChangesNothing()
    {
        using var ns = TwoInterfaces();
        ns.Ip("link", "set", "v0", "down");

        AssertRefused(ns, NetIoStatus.NotSupported, () => NetIo.CreateIpForwardEntry2(Row("203.0.113.0/24", null, RouteOracle.Index(ns, "v0"))));
    }
}
