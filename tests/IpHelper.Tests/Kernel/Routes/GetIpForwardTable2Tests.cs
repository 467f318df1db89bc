using System.Net.Sockets;
using IpHelper.Tests.Kernel.Infrastructure;
using Xunit;

namespace IpHelper.Tests.Kernel.Routes;

public sealed class GetIpForwardTable2Tests(RouteTopology topology) : IClassFixture<RouteTopology>
{
    [RootTheory]
    [InlineData(AddressFamily.InterNetwork)]
    [InlineData(AddressFamily.InterNetworkV6)]
    public void GetIpForwardTable2_EveryRouteKind_MatchesIpRouteShowTableAll(AddressFamily family)
    {
        var expected = RouteOracle.Routes(topology.Ns, family, "main", "local");

        var actual = Read(family);

        Assert.Equal(RouteOracle.Describe(expected), RouteOracle.Describe(actual.Select(RouteFact.Of)));
        Assert.All(actual, row => Assert.Equal(family, row.DestinationPrefix.Prefix.Family));
    }

    [RootFact]
    public void GetIpForwardTable2_Unspecified_ListsIpv4ThenIpv6()
    {
        var all = Read(AddressFamily.Unspecified);

        var families = all.Select(r => r.DestinationPrefix.Prefix.Family).ToList();
        Assert.Equal(Read(AddressFamily.InterNetwork).Length + Read(AddressFamily.InterNetworkV6).Length, all.Length);
        Assert.Equal(families.Order(), families);
    }

    [RootFact]
    public void GetIpForwardTable2_Luids_MatchConvertInterfaceIndexToLuid()
    {
        var rows = Read(AddressFamily.Unspecified);

        using (topology.Ns.Enter())
        {
            foreach (var row in rows)
            {
                Assert.Equal(NetIoStatus.Success, NetIo.ConvertInterfaceIndexToLuid(row.InterfaceIndex, out var luid));
                Assert.Equal(luid, row.InterfaceLuid);
            }
        }
    }

    [RootFact]
    public void GetIpForwardTable2_ExpiringIpv6Route_HasRemainingLifetimeAndIsNotImmortal()
    {
        var expires = RouteOracle.Show(topology.Ns, "2001:db8:9::/48").Single().GetProperty("expires").GetUInt32();

        var row = Read(AddressFamily.InterNetworkV6).Single(r => r.DestinationPrefix.ToString() == "2001:db8:9::/48");

        Assert.InRange(row.ValidLifetime, expires - 2, expires + 2);
        Assert.Equal(row.ValidLifetime, row.PreferredLifetime);
        Assert.False(row.Immortal);
    }

    [RootFact]
    public void GetIpForwardTable2_PermanentRoutes_AreImmortalWithInfiniteLifetimes()
    {
        var rows = Read(AddressFamily.InterNetwork);

        Assert.All(rows, row =>
        {
            Assert.Equal(uint.MaxValue, row.ValidLifetime);
            Assert.Equal(uint.MaxValue, row.PreferredLifetime);
            Assert.True(row.Immortal);
        });
    }

    [RootFact]
    public void GetIpForwardTable2_LocalHostRoutes_AreLoopbackWithWellKnownOrigin()
    {
        var rows = Read(AddressFamily.InterNetwork);

        var local = rows.Single(r => r.DestinationPrefix.ToString() == "192.0.2.1/32");
        Assert.True(local.Loopback);
        Assert.Equal(NlRouteOrigin.NlroWellKnown, local.Origin);
        Assert.Equal(NlRouteProtocol.RouteProtocolLocal, local.Protocol);
        var gateway = rows.Single(r => r.DestinationPrefix.ToString() == "0.0.0.0/0");
        Assert.False(gateway.Loopback);
        Assert.Equal(NlRouteOrigin.NlroManual, gateway.Origin);
    }

    [RootFact]
    public void GetIpForwardTable2_RejectRoutes_AreOnTheLoopbackInterface()
    {
        var loopback = RouteOracle.Index(topology.Ns, "lo");

        var rows = Read(AddressFamily.InterNetwork);

        foreach (var prefix in new[] { "203.0.113.128/27", "203.0.113.160/27", "203.0.113.192/27" })
        {
            var row = rows.Single(r => r.DestinationPrefix.ToString() == prefix);
            Assert.Equal(loopback, row.InterfaceIndex);
            Assert.True(row.NextHop.IsUnspecified);
        }
    }

    [RootFact]
    public void GetIpForwardTable2_MultipathRoute_GivesOneRowPerNextHop()
    {
        var rows = Read(AddressFamily.InterNetwork).Where(r => r.DestinationPrefix.ToString() == "203.0.113.64/26").ToArray();

        Assert.Equal(["192.0.2.2", "198.51.100.3"], rows.Select(r => r.NextHop.ToString()).Order());
        var expected = new[] { RouteOracle.Index(topology.Ns, "v0"), RouteOracle.Index(topology.Ns, "v1") };
        Assert.Equal(expected.Order(), rows.Select(r => r.InterfaceIndex).Order());
        Assert.All(rows, r => Assert.Equal(NlRouteProtocol.RouteProtocolBgp, r.Protocol));
    }

    [RootFact]
    public void GetIpForwardTable2_OtherTables_AreLeftOutByDefault()
    {
        var rows = Read(AddressFamily.InterNetwork);

        Assert.DoesNotContain(rows, r => r.DestinationPrefix.ToString() == "203.0.113.224/27");
    }

    [RootFact]
    public void GetIpForwardTable2_InRouteTableScope_ListsOnlyThatTable()
    {
        var expected = RouteOracle.Routes(topology.Ns, AddressFamily.InterNetwork, "100");

        MibIpForwardRow2[] rows;
        using (RouteTables.Enter(100)) rows = Read(AddressFamily.InterNetwork);

        Assert.Equal(RouteOracle.Describe(expected), RouteOracle.Describe(rows.Select(RouteFact.Of)));
    }

    [RootFact]
    public void GetIpForwardTable2_InAllTablesScope_ListsEveryTable()
    {
        var expected = RouteOracle.Routes(topology.Ns, AddressFamily.InterNetwork, "main", "local", "100");

        MibIpForwardRow2[] rows;
        using (RouteTables.Enter(RouteTables.All)) rows = Read(AddressFamily.InterNetwork);

        Assert.Equal(RouteOracle.Describe(expected), RouteOracle.Describe(rows.Select(RouteFact.Of)));
    }

    [RootFact]
    public void GetIpForwardTable2_TableWithoutRoutes_ReturnsNotFoundAndNoTable()
    {
        using var scope = RouteTables.Enter(4242);
        using (topology.Ns.Enter())
        {
            Assert.Equal(NetIoStatus.NotFound, NetIo.GetIpForwardTable2(AddressFamily.InterNetwork, out var table));
            Assert.Null(table);
        }
    }

    [Theory]
    [InlineData(AddressFamily.Unix)]
    [InlineData((AddressFamily)10)]
    public void GetIpForwardTable2_OtherFamily_ReturnsInvalidParameterAndNoTable(AddressFamily family)
    {
        Assert.Equal(NetIoStatus.InvalidParameter, NetIo.GetIpForwardTable2(family, out var table));
        Assert.Null(table);
        Assert.Equal("Family", NetIo.LastErrorDetail!.Argument);
    }

    private MibIpForwardRow2[] Read(AddressFamily family)
    {
        using (topology.Ns.Enter())
        {
            Assert.Equal(NetIoStatus.Success, NetIo.GetIpForwardTable2(family, out var table));
            using (table) return table!.AsSpan().ToArray();
        }
    }
}
