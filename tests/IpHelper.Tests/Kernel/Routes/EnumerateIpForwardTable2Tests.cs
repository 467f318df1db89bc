using System.Net.Sockets;
using IpHelper.Tests.Kernel.Addresses;
using IpHelper.Tests.Kernel.Infrastructure;
using Xunit;

namespace IpHelper.Tests.Kernel.Routes;

/// <summary>
/// NetIo.EnumerateIpForwardTable2, the streaming extension: the same rows as GetIpForwardTable2 and
/// `ip route show`, an abandoned dump that leaves nothing behind, and its consistency signal.
/// </summary>
public sealed class EnumerateIpForwardTable2Tests(RouteTopology topology) : IClassFixture<RouteTopology>
{
    [RootTheory]
    [InlineData(AddressFamily.InterNetwork)]
    [InlineData(AddressFamily.InterNetworkV6)]
    [InlineData(AddressFamily.Unspecified)]
    public void EnumerateIpForwardTable2_Rows_EqualGetIpForwardTable2s(AddressFamily family)
    {
        using (topology.Ns.Enter())
        {
            Assert.Equal(NetIoStatus.Success, NetIo.GetIpForwardTable2(family, out var table));
            using (table)
            {
                var streamed = Stream(family, out var status, out var interrupted);

                Assert.Equal(NetIoStatus.Success, status);
                Assert.False(interrupted);
                Assert.Equal(table!.Select(Describe), streamed.Select(Describe));
            }
        }
    }

    [RootTheory]
    [InlineData(AddressFamily.InterNetwork)]
    [InlineData(AddressFamily.InterNetworkV6)]
    public void EnumerateIpForwardTable2_AllTables_MatchesIpRouteShowTableAll(AddressFamily family)
    {
        var tables = topology.Ns.IpJson(family == AddressFamily.InterNetwork ? "-4" : "-6", "route", "show", "table", "all").EnumerateArray()
            .Select(r => RouteOracle.Text(r, "table") ?? "main").Distinct().ToArray();
        var expected = RouteOracle.Routes(topology.Ns, family, tables);

        MibIpForwardRow2[] rows;
        using (RouteTables.Enter(RouteTables.All))
        using (topology.Ns.Enter())
            rows = Stream(family, out _, out _);

        if (family == AddressFamily.InterNetwork) Assert.Contains("100", tables);
        Assert.Equal(RouteOracle.Describe(expected), RouteOracle.Describe(rows.Select(RouteFact.Of)));
    }

    [RootFact]
    public void EnumerateIpForwardTable2_BreakAfterTheFirstRow_LeavesNothingForTheNextCall()
    {
        using var ns = ManyRoutes(AddressFamily.InterNetwork, 3000);
        using (ns.Enter())
        {
            for (var round = 0; round < 3; round++)
            {
                Assert.Equal(NetIoStatus.Success, NetIo.EnumerateIpForwardTable2(AddressFamily.InterNetwork, out var stream));
                Assert.NotNull(stream);
                foreach (ref readonly var row in stream)
                {
                    Assert.Equal(AddressFamily.InterNetwork, row.DestinationPrefix.Prefix.Family);
                    break;
                }
                Assert.False(stream.MoveNext());
                Assert.Equal(NetIoStatus.Success, stream.Status);
            }

            // The abandoned dumps' datagrams must not reach later calls: both readers see exactly the kernel's table.
            var expected = RouteOracle.Routes(ns, AddressFamily.InterNetwork, "main", "local");
            Assert.Equal(RouteOracle.Describe(expected), RouteOracle.Describe(Stream(AddressFamily.InterNetwork, out _, out _).Select(RouteFact.Of)));
            Assert.Equal(NetIoStatus.Success, NetIo.GetIpForwardTable2(AddressFamily.InterNetwork, out var table));
            using (table) Assert.Equal(expected.Count, table!.Count);
        }
    }

    [RootFact]
    public void EnumerateIpForwardTable2_DisposedMidDump_EndsTheRowsAndKeepsItsStatus()
    {
        using var ns = ManyRoutes(AddressFamily.InterNetwork, 3000);
        using (ns.Enter())
        {
            Assert.Equal(NetIoStatus.Success, NetIo.EnumerateIpForwardTable2(AddressFamily.InterNetwork, out var stream));
            Assert.NotNull(stream);
            Assert.True(stream.MoveNext());
            stream.Dispose();

            Assert.False(stream.MoveNext());
            Assert.Throws<InvalidOperationException>(() => stream.Current.Metric);
            Assert.Equal(NetIoStatus.Success, stream.Status);
            Assert.False(stream.Interrupted);
        }
    }

    [RootFact]
    public void EnumerateIpForwardTable2_OpenedInANamespaceScope_ReadsThatNamespaceAfterTheScopeEnds()
    {
        var expected = RouteOracle.Routes(topology.Ns, AddressFamily.InterNetwork, "main", "local");

        MibRowStream<MibIpForwardRow2>? stream;
        using (topology.Ns.Enter()) Assert.Equal(NetIoStatus.Success, NetIo.EnumerateIpForwardTable2(AddressFamily.InterNetwork, out stream));
        Assert.NotNull(stream);
        var rows = new List<MibIpForwardRow2>();
        foreach (ref readonly var row in stream) rows.Add(row);

        Assert.Equal(RouteOracle.Describe(expected), RouteOracle.Describe(rows.Select(RouteFact.Of)));
    }

    [RootFact]
    public void EnumerateIpForwardTable2_TableWithoutRoutes_IsAnEmptyStreamNotNotFound()
    {
        using var tables = RouteTables.Enter(4242);
        using (topology.Ns.Enter())
        {
            var rows = Stream(AddressFamily.InterNetwork, out var status, out var interrupted);

            Assert.Empty(rows);
            Assert.Equal(NetIoStatus.Success, status);
            Assert.False(interrupted);
        }
    }

    [Theory]
    [InlineData(AddressFamily.Unix)]
    [InlineData((AddressFamily)10)]
    public void EnumerateIpForwardTable2_OtherFamily_ReturnsInvalidParameterAndNoStream(AddressFamily family)
    {
        Assert.Equal(NetIoStatus.InvalidParameter, NetIo.EnumerateIpForwardTable2(family, out var stream));
        Assert.Null(stream);
        Assert.Equal("Family", NetIo.LastErrorDetail!.Argument);
    }

    [RootFact]
    public void EnumerateIpForwardTable2_Ipv6ChangeBeforeTheFirstRow_RepeatsTheDumpWithoutATrace()
    {
        using var ns = ManyRoutes(AddressFamily.InterNetworkV6, 3000);
        using (ns.Enter())
        {
            Assert.Equal(NetIoStatus.Success, NetIo.EnumerateIpForwardTable2(AddressFamily.InterNetworkV6, out var stream));
            Assert.NotNull(stream);
            // The kernel filled the first datagram when the request was sent: this route comes after it.
            ns.Ip("-6", "route", "add", "2001:db8:ffff::/48", "dev", "v0");
            var rows = new List<MibIpForwardRow2>();
            foreach (ref readonly var row in stream) rows.Add(row);

            Assert.Equal(NetIoStatus.Success, stream.Status);
            Assert.False(stream.Interrupted);
            Assert.Contains(rows, r => r.DestinationPrefix.ToString() == "2001:db8:ffff::/48");
            Assert.Equal(RouteOracle.Describe(RouteOracle.Routes(ns, AddressFamily.InterNetworkV6, "main", "local")),
                RouteOracle.Describe(rows.Select(RouteFact.Of)));
        }
    }

    [RootFact]
    public void EnumerateIpForwardTable2_Ipv6ChangeAfterRowsWereHandedOut_IsReportedAsInterrupted()
    {
        using var ns = ManyRoutes(AddressFamily.InterNetworkV6, 3000);
        using (ns.Enter())
        {
            Assert.Equal(NetIoStatus.Success, NetIo.EnumerateIpForwardTable2(AddressFamily.InterNetworkV6, out var stream));
            Assert.NotNull(stream);
            using (stream)
            {
                Assert.True(stream.MoveNext());
                ns.Ip("-6", "route", "add", "2001:db8:ffff::/48", "dev", "v0");
                var count = 1;
                while (stream.MoveNext()) count++;

                Assert.Equal(NetIoStatus.Success, stream.Status);
                Assert.True(stream.Interrupted);
                Assert.InRange(count, 3000, 3100);
            }
        }
    }

    /// <summary>A namespace with v0 and <paramref name="count"/> routes of one family through it: a dump of many datagrams.</summary>
    private static TestNetns ManyRoutes(AddressFamily family, int count)
    {
        // Settled (link-local addresses and their routes in place) so that no kernel change lands in a dump by chance.
        var ns = AddressTestNetwork.WithVeth();
        try
        {
            ns.AddAddress("v0", "192.0.2.1/24");
            ns.Batch(string.Concat(Enumerable.Range(0, count).Select(i => family == AddressFamily.InterNetwork
                ? $"route add 10.1.{i >> 8}.{i & 255}/32 via 192.0.2.9\n"
                : $"route add 2001:db8:1:{i:x}::/64 dev v0\n")));
            return ns;
        }
        catch
        {
            ns.Dispose();
            throw;
        }
    }

    private static MibIpForwardRow2[] Stream(AddressFamily family, out NetIoStatus status, out bool interrupted)
    {
        Assert.Equal(NetIoStatus.Success, NetIo.EnumerateIpForwardTable2(family, out var stream));
        Assert.NotNull(stream);
        var rows = new List<MibIpForwardRow2>();
        foreach (ref readonly var row in stream) rows.Add(row);
        status = stream.Status;
        interrupted = stream.Interrupted;
        return [.. rows];
    }

    /// <summary>Every field but the lifetimes (an expiring route's count down between two reads).</summary>
    private static string Describe(MibIpForwardRow2 row) =>
        $"{row.InterfaceLuid.Value} {row.InterfaceIndex} {row.DestinationPrefix} {row.NextHop} {row.SitePrefixLength} {row.Metric} {row.Protocol} "
        + $"{row.Loopback} {row.AutoconfigureAddress} {row.Publish} {row.Immortal} {row.Age} {row.Origin}";
}
