using System.Net;
using System.Net.Sockets;
using IpHelper.Objects;
using IpHelper.Tests.Kernel.Infrastructure;
using IpHelper.Tests.Kernel.Routes;
using Xunit;

namespace IpHelper.Tests.Objects;

public sealed class NetRouteTests(RouteTopology topology) : IClassFixture<RouteTopology>
{
    [RootTheory]
    [InlineData(IPAddressFamily.IPv4)]
    [InlineData(IPAddressFamily.IPv6)]
    public void Get_MatchesIpRouteShowMainAndLocal(IPAddressFamily family)
    {
        var expected = RouteOracle.Routes(topology.Ns, family.ToSocketFamily(), "main", "local");

        IReadOnlyList<NetRoute> routes;
        using (topology.Ns.Enter()) routes = NetRoute.Get(family);

        Assert.Equal(RouteOracle.Describe(expected), RouteOracle.Describe(routes.Select(Fact)));
        Assert.All(routes, r => Assert.Equal(family, r.AddressFamily));
    }

    [RootFact]
    public void Get_AliasesAndInterfaceMetrics_AreThoseOfTheRoutesInterface()
    {
        var names = RouteOracle.InterfaceIndexes(topology.Ns).ToDictionary(p => p.Value, p => p.Key);

        IReadOnlyList<NetRoute> routes;
        using (topology.Ns.Enter()) routes = NetRoute.Get();

        Assert.All(routes, r => Assert.Equal(names[r.InterfaceIndex], r.InterfaceAlias));
        Assert.All(routes.Where(r => r.InterfaceAlias == "v0"), r => Assert.Equal(0u, r.InterfaceMetric));
        Assert.Equal("ActiveStore", routes[0].PolicyStore);
    }

    [RootFact]
    public void Get_Lifetimes_AreTimeSpansWithMaxValueForPermanentRoutes()
    {
        var expires = RouteOracle.Show(topology.Ns, "2001:db8:9::/48").Single().GetProperty("expires").GetUInt32();

        IReadOnlyList<NetRoute> routes;
        using (topology.Ns.Enter()) routes = NetRoute.Get();

        var expiring = routes.Single(r => r.DestinationPrefix.ToString() == "2001:db8:9::/48");
        Assert.InRange(expiring.ValidLifetime.TotalSeconds, expires - 2, expires + 2);
        Assert.All(routes.Where(r => r.AddressFamily == IPAddressFamily.IPv4), r => Assert.Equal(TimeSpan.MaxValue, r.ValidLifetime));
    }

    [RootFact]
    public void ToString_NamesPrefixNextHopAndInterface()
    {
        NetRoute route;
        using (topology.Ns.Enter()) route = NetRoute.Get(IPAddressFamily.IPv4).Single(r => r.DestinationPrefix.ToString() == "203.0.113.0/26");

        Assert.Equal("203.0.113.0/26 via 198.51.100.2 dev v1 (ifIndex " + route.InterfaceIndex + ") metric 50+0 NetMgmt", route.ToString());
    }

    [RootFact]
    public void Find_MatchesIpRouteGet()
    {
        var oracle = topology.Ns.IpJson("route", "get", "203.0.113.10").EnumerateArray().Single();

        NetRouteLookup lookup;
        using (topology.Ns.Enter()) lookup = NetRoute.Find(IPAddress.Parse("203.0.113.10"));

        Assert.Equal(oracle.GetProperty("gateway").GetString(), lookup.Route.NextHop.ToString());
        Assert.Equal(oracle.GetProperty("dev").GetString(), lookup.Route.InterfaceAlias);
        Assert.Equal(oracle.GetProperty("prefsrc").GetString(), lookup.SourceAddress.IPAddress.ToString());
        Assert.Equal("203.0.113.0/26", lookup.Route.DestinationPrefix.ToString());
    }

    [RootFact]
    public void Find_NoRoute_ThrowsWithStatusAndReason()
    {
        using var ns = new TestNetns();
        using (ns.Enter())
        {
            var e = Assert.Throws<NetIoException>(() => NetRoute.Find(IPAddress.Parse("203.0.113.10")));
            Assert.Equal(NetIoStatus.NetworkUnreachable, e.Status);
            Assert.NotEmpty(e.Message);
        }
    }

    [RootFact]
    public void CreateSetRemove_AreSeenByIp()
    {
        using var ns = Lab();
        using (ns.Enter())
        {
            var luid = NetLuidExtensions.FromAlias("v0");
            var route = NetRoute.Create(IPNetwork.Parse("203.0.113.0/24"), luid, IPAddress.Parse("192.0.2.9"), routeMetric: 40);
            Assert.Equal(40u, route.RouteMetric);
            Assert.Equal(RouteProtocol.NetMgmt, route.Protocol);
            var shown = RouteOracle.Show(ns, "203.0.113.0/24").Single();
            Assert.Equal("192.0.2.9", shown.GetProperty("gateway").GetString());
            Assert.Equal(40u, shown.GetProperty("metric").GetUInt32());

            var changed = route.Set(routeMetric: 70);
            Assert.Equal(70u, changed.RouteMetric);
            Assert.Equal(70u, RouteOracle.Show(ns, "203.0.113.0/24").Single().GetProperty("metric").GetUInt32());

            changed.Remove();
            Assert.Empty(RouteOracle.Show(ns, "203.0.113.0/24"));
        }
    }

    [RootFact]
    public void Create_Duplicate_ThrowsObjectAlreadyExists_AndChangesNothing()
    {
        using var ns = Lab();
        ns.Ip("route", "add", "203.0.113.0/24", "via", "192.0.2.9", "metric", "5");
        var before = NamespaceState.Of(ns);
        using (ns.Enter())
        {
            var e = Assert.Throws<NetIoException>(() =>
                NetRoute.Create(IPNetwork.Parse("203.0.113.0/24"), NetLuidExtensions.FromAlias("v0"), IPAddress.Parse("192.0.2.9"), routeMetric: 5));
            Assert.Equal(NetIoStatus.ObjectAlreadyExists, e.Status);
        }

        Assert.Equal(before, NamespaceState.Of(ns));
    }

    [RootFact]
    public void Remove_Twice_ThrowsNotFound()
    {
        using var ns = Lab();
        using (ns.Enter())
        {
            var route = NetRoute.Create(IPNetwork.Parse("198.51.100.0/24"), NetLuidExtensions.FromAlias("v0"));
            route.Remove();
            Assert.Equal(NetIoStatus.NotFound, Assert.Throws<NetIoException>(route.Remove).Status);
        }
    }

    [RootFact]
    public async Task WatchAsync_ReportsARouteAddedWithIp()
    {
        using var ns = Lab();
        using var cancel = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        using (ns.Enter())
        {
            await using var changes = NetRoute.WatchAsync(IPAddressFamily.IPv4, cancel.Token).GetAsyncEnumerator(cancel.Token);
            var first = changes.MoveNextAsync();
            ns.Ip("route", "add", "203.0.113.0/24", "via", "192.0.2.9");
            Assert.True(await first);
            while (changes.Current.Item?.DestinationPrefix.ToString() != "203.0.113.0/24") Assert.True(await changes.MoveNextAsync());
            Assert.Equal(MibNotificationType.MibAddInstance, changes.Current.NotificationType);
            Assert.Equal("v0", changes.Current.Item!.InterfaceAlias);
        }
    }

    internal static TestNetns Lab()
    {
        var ns = new TestNetns();
        try
        {
            ns.AddVeth("v0", "v1");
            ns.AddAddress("v0", "192.0.2.1/24");
            ns.AddAddress("v0", "2001:db8:1::1/64", "nodad");
            return ns;
        }
        catch
        {
            ns.Dispose();
            throw;
        }
    }

    private static RouteFact Fact(NetRoute r) =>
        new(r.InterfaceIndex, r.DestinationPrefix.ToString(), r.NextHop.ToString(), r.RouteMetric, (NlRouteProtocol)r.Protocol);
}
