using System.Net.Sockets;
using IpHelper.Tests.Kernel.Infrastructure;
using Xunit;
using static IpHelper.Tests.Kernel.Routes.RouteTestData;

namespace IpHelper.Tests.Kernel.Routes;

public sealed class GetIpForwardEntry2Tests(RouteTopology topology) : IClassFixture<RouteTopology>
{
    [RootTheory]
    [InlineData("0.0.0.0/0", "192.0.2.254", "v0")]
    [InlineData("203.0.113.0/26", "198.51.100.2", "v1")]
    [InlineData("203.0.113.64/26", "192.0.2.2", "v0")]
    [InlineData("203.0.113.64/26", "198.51.100.3", "v1")]
    [InlineData("203.0.113.128/27", null, "lo")]
    [InlineData("192.0.2.1/32", null, "v0")]
    [InlineData("::/0", "2001:db8:2::2", "v1")]
    [InlineData("2001:db8:a::/48", "2001:db8:2::3", "v1")]
    [InlineData("2001:db8:dead::/48", null, "lo")]
    public void GetIpForwardEntry2_ExistingRoute_ReturnsTheRowTheTableHas(string prefix, string? nextHop, string device)
    {
        var row = Row(prefix, nextHop, RouteOracle.Index(topology.Ns, device));

        MibIpForwardRow2 tableRow;
        using (topology.Ns.Enter())
        {
            Assert.Equal(NetIoStatus.Success, NetIo.GetIpForwardEntry2(ref row));
            Assert.Equal(NetIoStatus.Success, NetIo.GetIpForwardTable2(row.DestinationPrefix.Prefix.Family, out var table));
            using (table) tableRow = table!.Single(r => r.DestinationPrefix == row.DestinationPrefix && r.NextHop == row.NextHop && r.InterfaceIndex == row.InterfaceIndex);
        }

        Assert.Equal(tableRow, row);
    }

    [RootFact]
    public void GetIpForwardEntry2_ByLuidOnly_FillsTheIndex()
    {
        var row = Row("203.0.113.0/26", "198.51.100.2", interfaceLuid: Luid(topology.Ns, "v1"));

        using (topology.Ns.Enter()) Assert.Equal(NetIoStatus.Success, NetIo.GetIpForwardEntry2(ref row));

        Assert.Equal(RouteOracle.Index(topology.Ns, "v1"), row.InterfaceIndex);
        Assert.Equal(50u, row.Metric);
        Assert.Equal(NlRouteProtocol.RouteProtocolNetMgmt, row.Protocol);
    }

    [RootTheory]
    [InlineData("203.0.113.0/26", "198.51.100.9", "v1")]
    [InlineData("203.0.113.0/26", "198.51.100.2", "v0")]
    [InlineData("203.0.113.0/27", "198.51.100.2", "v1")]
    [InlineData("203.0.113.224/27", "192.0.2.3", "v0")]
    public void GetIpForwardEntry2_NoSuchRoute_ReturnsNotFoundAndLeavesTheRow(string prefix, string nextHop, string device)
    {
        var row = Row(prefix, nextHop, RouteOracle.Index(topology.Ns, device));
        var before = row;

        using (topology.Ns.Enter()) Assert.Equal(NetIoStatus.NotFound, NetIo.GetIpForwardEntry2(ref row));

        Assert.Equal(before, row);
    }

    [RootFact]
    public void GetIpForwardEntry2_RouteOfAnotherTable_IsFoundInThatTablesScope()
    {
        var row = Row("203.0.113.224/27", "192.0.2.3", RouteOracle.Index(topology.Ns, "v0"));

        using (topology.Ns.Enter())
        using (RouteTables.Enter(100))
            Assert.Equal(NetIoStatus.Success, NetIo.GetIpForwardEntry2(ref row));
    }

    [RootFact]
    public void GetIpForwardEntry2_UnknownInterface_ReturnsFileNotFound()
    {
        var row = Row("0.0.0.0/0", "192.0.2.254", 4242);

        using (topology.Ns.Enter()) Assert.Equal(NetIoStatus.FileNotFound, NetIo.GetIpForwardEntry2(ref row));
    }

    [RootTheory]
    [MemberData(nameof(RouteKeyCases.Invalid), MemberType = typeof(RouteKeyCases))]
    public void GetIpForwardEntry2_InvalidKey_ReturnsInvalidParameter(string name, MibIpForwardRow2 row)
    {
        row.InterfaceIndex = row.InterfaceIndex == RouteKeyCases.AnyInterface ? RouteOracle.Index(topology.Ns, "v0") : row.InterfaceIndex;

        NetIoStatus status;
        using (topology.Ns.Enter()) status = NetIo.GetIpForwardEntry2(ref row);

        Assert.True(status == NetIoStatus.InvalidParameter, $"{name}: {status}");
    }

    [Fact]
    public void GetIpForwardEntry2_ZeroedRow_ReturnsInvalidParameterWithoutAskingTheKernel()
    {
        var row = default(MibIpForwardRow2);

        Assert.Equal(NetIoStatus.InvalidParameter, NetIo.GetIpForwardEntry2(ref row));
        Assert.Equal(0, NetIo.LastErrorDetail!.Errno);
        Assert.Equal(AddressFamily.Unspecified, row.DestinationPrefix.Prefix.Family);
    }
}
