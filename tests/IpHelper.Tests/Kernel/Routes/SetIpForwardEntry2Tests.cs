using IpHelper.Tests.Kernel.Infrastructure;
using Xunit;
using static IpHelper.Tests.Kernel.Routes.RouteTestData;

namespace IpHelper.Tests.Kernel.Routes;

public sealed class SetIpForwardEntry2Tests
{
    [RootFact]
    public void SetIpForwardEntry2_NewMetric_ChangesTheKernelPriorityOfThatRouteOnly()
    {
        using var ns = TwoInterfaces();
        ns.Ip("route", "add", "203.0.113.0/24", "via", "192.0.2.9", "dev", "v0", "metric", "10");
        ns.Ip("route", "append", "203.0.113.0/24", "dev", "v1", "metric", "10");
        var row = Row("203.0.113.0/24", "192.0.2.9", RouteOracle.Index(ns, "v0"));
        row.Metric = 30;

        using (ns.Enter()) Assert.Equal(NetIoStatus.Success, NetIo.SetIpForwardEntry2(row));

        var routes = RouteOracle.Show(ns, "203.0.113.0/24");
        Assert.Equal(2, routes.Length);
        Assert.Equal("30", RouteOracle.Text(routes.Single(r => RouteOracle.Text(r, "dev") == "v0"), "metric"));
        Assert.Equal("10", RouteOracle.Text(routes.Single(r => RouteOracle.Text(r, "dev") == "v1"), "metric"));
    }

    [RootFact]
    public void SetIpForwardEntry2_UnspecifiedMetricAndNewProtocol_KeepsThePriorityAndChangesTheProtocol()
    {
        using var ns = TwoInterfaces();
        ns.Ip("route", "add", "203.0.113.0/24", "via", "192.0.2.9", "metric", "42");
        var row = Row("203.0.113.0/24", "192.0.2.9", RouteOracle.Index(ns, "v0"));
        row.Protocol = NlRouteProtocol.RouteProtocolDhcp;

        using (ns.Enter()) Assert.Equal(NetIoStatus.Success, NetIo.SetIpForwardEntry2(row));

        var route = RouteOracle.Show(ns, "203.0.113.0/24").Single();
        Assert.Equal("42", RouteOracle.Text(route, "metric"));
        Assert.Equal("dhcp", RouteOracle.Text(route, "protocol"));
    }

    [RootFact]
    public void SetIpForwardEntry2_Ipv6Lifetime_MakesAPermanentRouteExpire()
    {
        using var ns = TwoInterfaces();
        ns.Ip("-6", "route", "add", "2001:db8:5::/48", "via", "2001:db8:1::9", "metric", "20");
        var row = Row("2001:db8:5::/48", "2001:db8:1::9", RouteOracle.Index(ns, "v0"));
        row.ValidLifetime = 120;
        row.PreferredLifetime = 120;

        using (ns.Enter()) Assert.Equal(NetIoStatus.Success, NetIo.SetIpForwardEntry2(row));

        var route = RouteOracle.Show(ns, "2001:db8:5::/48").Single();
        Assert.InRange(route.GetProperty("expires").GetInt32(), 115, 120);
        Assert.Equal("20", RouteOracle.Text(route, "metric"));
    }

    [RootFact]
    public void SetIpForwardEntry2_MetricOfOneIpv4MultipathNextHop_MovesItToARouteOfItsOwn()
    {
        using var ns = TwoInterfaces();
        ns.Ip("route", "add", "203.0.113.0/24", "nexthop", "via", "192.0.2.2", "dev", "v0", "nexthop", "via", "198.51.100.3", "dev", "v1");
        var row = Row("203.0.113.0/24", "198.51.100.3", RouteOracle.Index(ns, "v1"));
        row.Metric = 9;

        using (ns.Enter()) Assert.Equal(NetIoStatus.Success, NetIo.SetIpForwardEntry2(row));

        var routes = RouteOracle.Show(ns, "203.0.113.0/24");
        Assert.Equal(2, routes.Length);
        var first = routes.Single(r => RouteOracle.Text(r, "metric") is null);
        Assert.Equal("192.0.2.2", RouteOracle.Text(first, "gateway"));
        var moved = routes.Single(r => RouteOracle.Text(r, "metric") == "9");
        Assert.Equal("198.51.100.3", RouteOracle.Text(moved, "gateway"));
        Assert.Equal("v1", RouteOracle.Text(moved, "dev"));
    }

    [RootFact]
    public void SetIpForwardEntry2_NoChange_LeavesTheKernelStateAlone()
    {
        using var ns = TwoInterfaces();
        ns.Ip("route", "add", "203.0.113.0/24", "via", "192.0.2.9", "metric", "42");
        var row = Row("203.0.113.0/24", "192.0.2.9", RouteOracle.Index(ns, "v0"));
        row.Metric = 42;
        var before = Snapshot(ns);

        using (ns.Enter()) Assert.Equal(NetIoStatus.Success, NetIo.SetIpForwardEntry2(row));

        Assert.Equal(before, Snapshot(ns));
    }

    [RootFact]
    public void SetIpForwardEntry2_NoSuchRoute_ReturnsNotFoundAndChangesNothing()
    {
        using var ns = TwoInterfaces();
        ns.Ip("route", "add", "203.0.113.0/24", "via", "192.0.2.9");
        var row = Row("203.0.113.0/24", "192.0.2.10", RouteOracle.Index(ns, "v0"));
        row.Metric = 5;

        AssertRefused(ns, NetIoStatus.NotFound, () => NetIo.SetIpForwardEntry2(row));
    }

    [RootFact]
    public void SetIpForwardEntry2_UnknownInterface_ReturnsNotFoundAndChangesNothing()
    {
        using var ns = TwoInterfaces();

        AssertRefused(ns, NetIoStatus.NotFound, () => NetIo.SetIpForwardEntry2(Row("192.0.2.0/24", null, 4242)));
    }

    [RootFact]
    public void SetIpForwardEntry2_PreferredLifetimeAboveValidLifetime_ReturnsInvalidParameterAndChangesNothing()
    {
        using var ns = TwoInterfaces();
        var row = Row("2001:db8:1::/64", null, RouteOracle.Index(ns, "v0"));
        row.ValidLifetime = 10;
        row.PreferredLifetime = 20;

        AssertRefused(ns, NetIoStatus.InvalidParameter, () => NetIo.SetIpForwardEntry2(row));
    }

    [RootFact]
    public void SetIpForwardEntry2_FiniteIpv4Lifetime_ReturnsNotSupportedAndChangesNothing()
    {
        using var ns = TwoInterfaces();
        var row = Row("192.0.2.0/24", null, RouteOracle.Index(ns, "v0"));
        row.ValidLifetime = 10;
        row.PreferredLifetime = 10;

        AssertRefused(ns, NetIoStatus.NotSupported, () => NetIo.SetIpForwardEntry2(row));
    }
}
