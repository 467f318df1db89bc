using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using IpHelper.Tests.Kernel.Infrastructure;
using IpHelper.Tests.Kernel.Neighbors;
using Xunit;
using static IpHelper.Tests.Kernel.Paths.PathLab;

namespace IpHelper.Tests.Kernel.Paths;

/// <summary>
/// GetIpPathTable, GetIpPathEntry and FlushIpPathTable against route exceptions made by real ICMP errors from a
/// router and tcp_metrics made by a real TCP connection, checked with <c>ip route get</c>, <c>ip route show cache</c>
/// and <c>ip tcp_metrics</c>.
/// </summary>
public sealed class PathTableTests
{
    private static SockAddrInet Address(string text) => SockAddrInet.FromIPAddress(IPAddress.Parse(text));

    private static MibIpPathRow[] Table(TestNetns ns, AddressFamily family)
    {
        using (ns.Enter())
        {
            Assert.Equal(NetIoStatus.Success, NetIo.GetIpPathTable(family, out var table));
            using (table) return table!.ToArray();
        }
    }

    [RootTheory]
    [InlineData(C4, R4, A4)]
    [InlineData(C6, R6, A6)]
    public void GetIpPathTable_PmtuExceptionFromTheRouter_HasThePathMtu(string destination, string router, string source)
    {
        using var lab = new PathLab();
        lab.CreatePmtuException(destination);
        var family = IPAddress.Parse(destination).AddressFamily;
        var a0 = NeighborLab.IndexOf(lab.A, AtoR);

        var rows = Table(lab.A, family);

        var cache = lab.Cache(family);
        Assert.NotEmpty(cache);
        foreach (var exception in cache)
        {
            var row = Assert.Single(rows, r => r.Destination.ToString() == exception.GetProperty("dst").GetString());
            Assert.Equal(exception.GetProperty("metrics")[0].GetProperty("mtu").GetUInt32(), row.PathMtu);
            Assert.Equal(exception.GetProperty("gateway").GetString(), row.CurrentNextHop.ToString());
            Assert.Equal(NeighborLab.IndexOf(lab.A, exception.GetProperty("dev").GetString()!), row.InterfaceIndex);
        }
        var path = Assert.Single(rows, r => r.Destination.ToString() == destination);
        Assert.Equal(SmallMtu, path.PathMtu);
        Assert.Equal(lab.RouteGetMtu(destination), path.PathMtu);
        Assert.Equal(router, path.CurrentNextHop.ToString());
        Assert.Equal(source, path.Source.ToString());
        Assert.Equal(lab.A.IpJson("route", "get", destination)[0].GetProperty("prefsrc").GetString(), path.Source.ToString());
        Assert.Equal(a0, path.InterfaceIndex);
        NetLuid luid;
        using (lab.A.Enter()) Assert.Equal(NetIoStatus.Success, NetIo.ConvertInterfaceIndexToLuid(a0, out luid));
        Assert.Equal(luid, path.InterfaceLuid);
        Assert.True(path.IsReachable, "the router answered, so its neighbour entry is valid");
        Assert.Equal(10_000_000_000ul, path.LinkTransmitSpeed);
        Assert.Equal(path.LinkTransmitSpeed, path.LinkReceiveSpeed);
    }

    [RootFact]
    public void GetIpPathTable_TcpConnection_GivesTheRttOfTcpMetrics()
    {
        using var lab = new PathLab();
        lab.TcpExchange(C4);

        var rows = Table(lab.A, AddressFamily.InterNetwork);

        var metric = lab.TcpMetrics().Single(m => m.GetProperty("dst").GetString() == C4);
        var row = Assert.Single(rows, r => r.Destination.ToString() == C4);
        // ip prints the RTT in seconds from the kernel's microseconds; the kernel's millisecond value is max(us / 1000, 1).
        var rttUs = (long)Math.Round(metric.GetProperty("rtt").GetDouble() * 1e6);
        var rttVarUs = (long)Math.Round(metric.GetProperty("rttvar").GetDouble() * 1e6);
        Assert.Equal((uint)Math.Max(rttUs / 1000, 1), row.RttMean);
        Assert.Equal((uint)Math.Max(rttVarUs / 1000, 1), row.RttDeviation);
        Assert.Equal(metric.GetProperty("source").GetString(), row.Source.ToString());
        Assert.Equal(R4, row.CurrentNextHop.ToString());
        Assert.Equal(1500u, row.PathMtu);
        Assert.True(row.IsReachable);
    }

    [RootFact]
    public void GetIpPathTable_IcmpRedirect_GivesTheRedirectedNextHop()
    {
        // A, the router R and D share one bridge (in S). A reaches 203.0.113.3 via R; R forwards it back out
        // to D on the same link and tells A so with an ICMP redirect.
        using var a = new TestNetns();
        using var r = new TestNetns();
        using var d = new TestNetns();
        using var s = new TestNetns();
        s.Batch("link add iph-sw type bridge\nlink set iph-sw up\n");
        foreach (var (ns, port) in new[] { (a, "iph-sa"), (r, "iph-sr"), (d, "iph-sd") })
        {
            s.Batch($"link add {port} type veth peer name iph-e0 netns {ns.Name}\nlink set {port} master iph-sw\nlink set {port} up\n");
            ns.Up("iph-e0");
        }
        a.Batch("address add 192.0.2.1/24 dev iph-e0\nroute add 203.0.113.0/24 via 192.0.2.2\n");
        r.Batch("address add 192.0.2.2/24 dev iph-e0\nroute add 203.0.113.3/32 via 192.0.2.3\n");
        r.SetSysctl("net.ipv4.ip_forward", "1");
        d.Batch("address add 192.0.2.3/24 dev iph-e0\naddress add 203.0.113.3/32 dev lo\n");

        Assert.True(NeighborLab.Eventually(() =>
        {
            NeighborLab.SendUdp(a, "203.0.113.3");
            return a.IpJson("route", "get", "203.0.113.3")[0].GetProperty("gateway").GetString() == "192.0.2.3";
        }), "no redirect arrived");
        var rows = Table(a, AddressFamily.InterNetwork);

        var cached = Assert.Single(a.IpJson("-4", "route", "show", "cache").EnumerateArray());
        Assert.Contains("redirected", cached.GetProperty("cache").EnumerateArray().Select(f => f.GetString()));
        var row = Assert.Single(rows, p => p.Destination.ToString() == "203.0.113.3");
        Assert.Equal(cached.GetProperty("gateway").GetString(), row.CurrentNextHop.ToString());
        Assert.Equal("192.0.2.1", row.Source.ToString());
        Assert.Equal(1500u, row.PathMtu);
    }

    [RootFact]
    public void GetIpPathEntry_FindsTheExceptionByDestinationAndInterface()
    {
        using var lab = new PathLab();
        lab.CreatePmtuException(C6);
        var a0 = NeighborLab.IndexOf(lab.A, AtoR);

        using (lab.A.Enter())
        {
            Assert.Equal(NetIoStatus.Success, NetIo.ConvertInterfaceIndexToLuid(a0, out var luid));
            var byLuid = new MibIpPathRow { Destination = Address(C6), InterfaceLuid = luid };
            var bySource = new MibIpPathRow { Destination = Address(C6), InterfaceIndex = a0, Source = Address(A6) };

            Assert.Equal(NetIoStatus.Success, NetIo.GetIpPathEntry(ref byLuid));
            Assert.Equal(NetIoStatus.Success, NetIo.GetIpPathEntry(ref bySource));

            Assert.Equal(SmallMtu, byLuid.PathMtu);
            Assert.Equal(a0, byLuid.InterfaceIndex);
            Assert.Equal(R6, byLuid.CurrentNextHop.ToString());
            Assert.Equal(SmallMtu, bySource.PathMtu);
        }
    }

    [RootFact]
    public void GetIpPathEntry_BadInputs_ReturnTheDocumentedCodes()
    {
        using var lab = new PathLab();
        lab.CreatePmtuException(C4);
        var a0 = NeighborLab.IndexOf(lab.A, AtoR);
        var lo = NeighborLab.IndexOf(lab.A, "lo");

        using (lab.A.Enter())
        {
            Assert.Equal(NetIoStatus.InvalidParameter, Get(new MibIpPathRow { InterfaceIndex = a0 }));
            Assert.Equal(NetIoStatus.InvalidParameter, Get(new MibIpPathRow { Destination = Address(C4), InterfaceIndex = a0, Source = Address(A6) }));
            Assert.Equal(NetIoStatus.InvalidParameter, Get(new MibIpPathRow { Destination = Address(C4) }));
            Assert.Equal(NetIoStatus.FileNotFound, Get(new MibIpPathRow { Destination = Address(C4), InterfaceIndex = 9999 }));
            Assert.Equal(NetIoStatus.NotFound, Get(new MibIpPathRow { Destination = Address("198.51.100.9"), InterfaceIndex = a0 }));
            Assert.Equal(NetIoStatus.NotFound, Get(new MibIpPathRow { Destination = Address(C4), InterfaceIndex = lo }));
            Assert.Equal(NetIoStatus.NotFound, Get(new MibIpPathRow { Destination = Address(C4), InterfaceIndex = a0, Source = Address("192.0.2.77") }));
        }
    }

    [RootFact]
    public void FlushIpPathTable_OneFamily_RemovesItsExceptionsOnly()
    {
        using var lab = new PathLab();
        lab.CreatePmtuException(C4);
        lab.CreatePmtuException(C6);

        using (lab.A.Enter()) Assert.Equal(NetIoStatus.Success, NetIo.FlushIpPathTable(AddressFamily.InterNetworkV6));

        Assert.Empty(lab.Cache(AddressFamily.InterNetworkV6));
        Assert.Equal(SmallMtu, Assert.Single(lab.Cache(AddressFamily.InterNetwork)).GetProperty("metrics")[0].GetProperty("mtu").GetUInt32());
        Assert.Equal(0u, lab.RouteGetMtu(C6));
        using (lab.A.Enter())
        {
            Assert.Equal(NetIoStatus.NotFound, NetIo.GetIpPathTable(AddressFamily.InterNetworkV6, out var table));
            table!.Dispose();
        }
    }

    [RootFact]
    public void FlushIpPathTable_AllFamilies_RemovesExceptionsAndTcpMetrics()
    {
        using var lab = new PathLab();
        lab.CreatePmtuException(C4);
        lab.CreatePmtuException(C6);
        lab.TcpExchange(C4);

        using (lab.A.Enter()) Assert.Equal(NetIoStatus.Success, NetIo.FlushIpPathTable(AddressFamily.Unspecified));

        Assert.Empty(lab.Cache(AddressFamily.InterNetwork));
        Assert.Empty(lab.Cache(AddressFamily.InterNetworkV6));
        Assert.Empty(lab.TcpMetrics());
        Assert.Equal(0u, lab.RouteGetMtu(C4));
        Assert.Equal(0u, lab.RouteGetMtu(C6));
        using (lab.A.Enter())
        {
            Assert.Equal(NetIoStatus.NotFound, NetIo.GetIpPathTable(AddressFamily.Unspecified, out var table));
            Assert.NotNull(table);
            Assert.Empty(table);
            table.Dispose();
        }
    }

    [RootFact]
    public void FlushIpPathTable_Ipv4_LeavesIpv6TcpMetrics()
    {
        using var lab = new PathLab();
        lab.TcpExchange(C4);
        lab.TcpExchange(C6);

        using (lab.A.Enter()) Assert.Equal(NetIoStatus.Success, NetIo.FlushIpPathTable(AddressFamily.InterNetwork));

        Assert.Equal([C6], lab.TcpMetrics().Select(m => m.GetProperty("dst").GetString()).ToArray());
    }

    [RootTheory]
    [InlineData(AddressFamily.AppleTalk)]
    [InlineData((AddressFamily)10)]
    public void PathFunctions_OtherFamily_ReturnInvalidParameterAndFlushNothing(AddressFamily family)
    {
        using var lab = new PathLab();
        lab.CreatePmtuException(C6);

        using (lab.A.Enter())
        {
            Assert.Equal(NetIoStatus.InvalidParameter, NetIo.GetIpPathTable(family, out var table));
            Assert.Null(table);
            Assert.Equal(NetIoStatus.InvalidParameter, NetIo.FlushIpPathTable(family));
        }

        Assert.NotEmpty(lab.Cache(AddressFamily.InterNetworkV6));
    }

    [RootFact]
    public void GetIpPathTable_NothingKnown_ReturnsNotFoundAndAnEmptyTable()
    {
        using var ns = new TestNetns();
        using (ns.Enter())
        {
            Assert.Equal(NetIoStatus.NotFound, NetIo.GetIpPathTable(AddressFamily.Unspecified, out var table));
            Assert.NotNull(table);
            Assert.Empty(table);
            table.Dispose();
        }
    }

    private static NetIoStatus Get(MibIpPathRow row) => NetIo.GetIpPathEntry(ref row);
}
