using IpHelper.Tests.Kernel.Infrastructure;
using Xunit;
using static IpHelper.Tests.Kernel.Routes.RouteTestData;

namespace IpHelper.Tests.Kernel.Routes;

public sealed class DeleteIpForwardEntry2Tests
{
    [RootFact]
    public void DeleteIpForwardEntry2_Route_RemovesItAndKeepsTheOtherRoutesToThatPrefix()
    {
        using var ns = TwoInterfaces();
        ns.Ip("route", "add", "203.0.113.0/24", "via", "192.0.2.9", "dev", "v0");
        ns.Ip("route", "append", "203.0.113.0/24", "via", "192.0.2.10", "dev", "v0");
        ns.Ip("route", "append", "203.0.113.0/24", "dev", "v1");

        using (ns.Enter()) Assert.Equal(NetIoStatus.Success, NetIo.DeleteIpForwardEntry2(Row("203.0.113.0/24", "192.0.2.10", RouteOracle.Index(ns, "v0"))));

        var left = RouteOracle.Show(ns, "203.0.113.0/24").Select(r => $"{RouteOracle.Text(r, "gateway")} {RouteOracle.Text(r, "dev")}").Order();
        Assert.Equal([" v1", "192.0.2.9 v0"], left);
    }

    [RootFact]
    public void DeleteIpForwardEntry2_OnLinkRouteBesideAGatewayRouteOfTheSameMetric_RemovesOnlyTheOnLinkRoute()
    {
        using var ns = TwoInterfaces();
        ns.Ip("route", "add", "203.0.113.0/24", "via", "192.0.2.9", "dev", "v0");
        ns.Ip("route", "append", "203.0.113.0/24", "dev", "v0");

        using (ns.Enter()) Assert.Equal(NetIoStatus.Success, NetIo.DeleteIpForwardEntry2(Row("203.0.113.0/24", null, RouteOracle.Index(ns, "v0"))));

        Assert.Equal("192.0.2.9", RouteOracle.Text(RouteOracle.Show(ns, "203.0.113.0/24").Single(), "gateway"));
    }

    [RootTheory]
    [InlineData("203.0.113.0/24", "192.0.2.2", "v0", "198.51.100.3", "v1")]
    [InlineData("2001:db8:5::/48", "2001:db8:1::2", "v0", "2001:db8:2::3", "v1")]
    public void DeleteIpForwardEntry2_OneNextHopOfAMultipathRoute_LeavesTheOther(string prefix, string deleted, string deletedDevice, string kept, string keptDevice)
    {
        using var ns = TwoInterfaces();
        ns.Ip("route", "add", prefix, "nexthop", "via", deleted, "dev", deletedDevice, "nexthop", "via", kept, "dev", keptDevice);

        using (ns.Enter()) Assert.Equal(NetIoStatus.Success, NetIo.DeleteIpForwardEntry2(Row(prefix, deleted, RouteOracle.Index(ns, deletedDevice))));

        var route = RouteOracle.Show(ns, prefix).Single();
        Assert.Equal(kept, RouteOracle.Text(route, "gateway"));
        Assert.Equal(keptDevice, RouteOracle.Text(route, "dev"));
    }

    [RootTheory]
    [InlineData("blackhole", "203.0.113.0/24")]
    [InlineData("unreachable", "2001:db8:5::/48")]
    public void DeleteIpForwardEntry2_RejectRouteOnTheLoopbackInterface_RemovesIt(string type, string prefix)
    {
        using var ns = TwoInterfaces();
        ns.Ip("route", "add", type, prefix);

        using (ns.Enter()) Assert.Equal(NetIoStatus.Success, NetIo.DeleteIpForwardEntry2(Row(prefix, null, RouteOracle.Index(ns, "lo"))));

        Assert.Empty(RouteOracle.Show(ns, prefix));
    }

    [RootFact]
    public void DeleteIpForwardEntry2_RouteOfAnotherTable_IsDeletedOnlyInThatTablesScope()
    {
        using var ns = TwoInterfaces();
        ns.Ip("route", "add", "203.0.113.0/24", "via", "192.0.2.9", "table", "100");
        var row = Row("203.0.113.0/24", "192.0.2.9", RouteOracle.Index(ns, "v0"));

        AssertRefused(ns, NetIoStatus.NotFound, () => NetIo.DeleteIpForwardEntry2(row));
        using (ns.Enter())
        using (RouteTables.Enter(100))
            Assert.Equal(NetIoStatus.Success, NetIo.DeleteIpForwardEntry2(row));

        Assert.Empty(RouteOracle.Show(ns, "203.0.113.0/24", "100"));
    }

    [RootFact]
    public void DeleteIpForwardEntry2_NoSuchRoute_ReturnsNotFoundAndChangesNothing()
    {
        using var ns = TwoInterfaces();
        ns.Ip("route", "add", "203.0.113.0/24", "via", "192.0.2.9");

        AssertRefused(ns, NetIoStatus.NotFound, () => NetIo.DeleteIpForwardEntry2(Row("203.0.113.0/24", null, RouteOracle.Index(ns, "v0"))));
    }

    [RootFact]
    public void DeleteIpForwardEntry2_UnknownInterface_ReturnsNotFoundAndChangesNothing()
    {
        using var ns = TwoInterfaces();

        AssertRefused(ns, NetIoStatus.NotFound, () => NetIo.DeleteIpForwardEntry2(Row("192.0.2.0/24", null, 4242)));
    }
}
