using System.Net.Sockets;
using System.Text.Json;
using IpHelper.Tests.Kernel.Infrastructure;
using Xunit;

namespace IpHelper.Tests.Kernel.Routes;

public sealed class GetBestRoute2Tests(RouteTopology topology) : IClassFixture<RouteTopology>
{
    private TestNetns Ns => topology.Ns;

    /// <summary>
    /// Destination, source (or null) and interface (or null). The oracle is <c>ip -j route get</c>
    /// (next hop and source) and <c>ip -j route get fibmatch</c> (the table entry); where fibmatch finds
    /// no entry, GetBestRoute2 must say NetworkUnreachable.
    /// </summary>
    [RootTheory]
    [InlineData("203.0.113.5", null, null)]
    [InlineData("203.0.113.70", null, null)]
    [InlineData("203.0.113.230", null, null)]
    [InlineData("192.0.2.77", null, null)]
    [InlineData("198.51.100.20", null, null)]
    [InlineData("192.0.2.1", null, null)]
    [InlineData("127.0.0.1", null, null)]
    [InlineData("203.0.113.5", null, "v1")]
    [InlineData("203.0.113.230", null, "v1")]
    [InlineData("203.0.113.230", "192.0.2.1", null)]
    [InlineData("198.51.100.20", "198.51.100.1", null)]
    [InlineData("2001:db8:a::5", null, null)]
    [InlineData("2001:db8:9::1", null, null)]
    [InlineData("2001:db8:77::1", null, null)]
    [InlineData("2001:db8:1::5", null, null)]
    [InlineData("2001:db8:1::1", null, null)]
    [InlineData("::1", null, null)]
    [InlineData("::", null, null)]
    [InlineData("2001:db8:77::1", "2001:db8:2::1", null)]
    [InlineData("2001:db8:1::5", null, "v0")]
    public void GetBestRoute2_Lookup_MatchesIpRouteGet(string destination, string? source, string? device)
    {
        var index = device is null ? 0 : RouteOracle.Index(Ns, device);
        var (plain, fib) = IpRouteGet(destination, source, device);

        var status = Call(null, index, source, destination, out var row, out var best);

        if (fib is null)
        {
            Assert.Equal(NetIoStatus.NetworkUnreachable, status);
            return;
        }
        Assert.Equal(NetIoStatus.Success, status);
        var v4 = !destination.Contains(':');
        var fibDst = RouteOracle.Text(fib.Value, "dst")!;
        Assert.Equal(fibDst == "default" ? (v4 ? "0.0.0.0/0" : "::/0") : fibDst.Contains('/') ? fibDst : fibDst + (v4 ? "/32" : "/128"),
            row.DestinationPrefix.ToString());
        var chosenDevice = RouteOracle.Text(fib.Value, "dev") ?? RouteOracle.Text(plain!.Value, "dev")!;
        if (fib.Value.TryGetProperty("nexthops", out _)) chosenDevice = RouteOracle.Text(plain!.Value, "dev")!;
        Assert.Equal(RouteOracle.Index(Ns, chosenDevice), row.InterfaceIndex);
        var gateway = fib.Value.TryGetProperty("nexthops", out _) ? RouteOracle.Text(plain!.Value, "gateway") : RouteOracle.Text(fib.Value, "gateway");
        Assert.Equal(gateway ?? (v4 ? "0.0.0.0" : "::"), row.NextHop.ToString());
        Assert.Equal(source ?? RouteOracle.Text(plain!.Value, "prefsrc"), best.ToString().Split('%')[0]);
        Assert.Equal(best.IsIPv6LinkLocal ? row.InterfaceIndex : 0, best.ScopeId);
        Assert.Equal(0, best.Port);
    }

    [RootFact]
    public void GetBestRoute2_MultipathRoute_ReturnsTheNextHopTheKernelChose()
    {
        var (plain, _) = IpRouteGet("203.0.113.70", null, null);

        Assert.Equal(NetIoStatus.Success, Call(null, 0, null, "203.0.113.70", out var row, out _));

        Assert.Equal(RouteOracle.Text(plain!.Value, "gateway"), row.NextHop.ToString());
        Assert.Equal(NlRouteProtocol.RouteProtocolBgp, row.Protocol);
        Assert.Equal("203.0.113.64/26", row.DestinationPrefix.ToString());
    }

    [RootFact]
    public void GetBestRoute2_Route_HasTheSameFieldsAsTheTable()
    {
        Assert.Equal(NetIoStatus.Success, Call(null, 0, null, "203.0.113.5", out var row, out _));

        MibIpForwardRow2 tableRow;
        using (Ns.Enter())
        {
            Assert.Equal(NetIoStatus.Success, NetIo.GetIpForwardTable2(AddressFamily.InterNetwork, out var table));
            using (table) tableRow = table!.Single(r => r.DestinationPrefix == row.DestinationPrefix);
        }
        Assert.Equal(tableRow, row);
        Assert.Equal(50u, row.Metric);
    }

    [RootTheory]
    [InlineData("203.0.113.130")]
    [InlineData("203.0.113.170")]
    [InlineData("203.0.113.200")]
    [InlineData("2001:db8:dead::1")]
    public void GetBestRoute2_RejectRoute_ReturnsNetworkUnreachableWithZeroedOutputs(string destination)
    {
        AssertFails(NetIoStatus.NetworkUnreachable, null, 0, null, destination);
    }

    [RootFact]
    public void GetBestRoute2_SourceOnAnInterfaceWithoutARoute_ReturnsNetworkUnreachable()
    {
        AssertFails(NetIoStatus.NetworkUnreachable, null, 0, "198.51.100.1", "203.0.113.230");
    }

    [RootTheory]
    [InlineData("203.0.113.230", "127.0.0.1")]
    [InlineData("2001:db8:77::1", "::1")]
    public void GetBestRoute2_LoopbackSourceToAGlobalDestination_ReturnsNetworkUnreachable(string destination, string source)
    {
        AssertFails(NetIoStatus.NetworkUnreachable, null, 0, source, destination);
    }

    [RootTheory]
    [InlineData("203.0.113.230")]
    [InlineData("2001:db8:77::1")]
    public void GetBestRoute2_GlobalDestinationForcedOntoLoopback_ReturnsNetworkUnreachable(string destination)
    {
        AssertFails(NetIoStatus.NetworkUnreachable, null, RouteOracle.Index(Ns, "lo"), null, destination);
    }

    [RootFact]
    public void GetBestRoute2_UnknownInterfaceIndex_ReturnsFileNotFoundWithZeroedOutputs()
    {
        AssertFails(NetIoStatus.FileNotFound, null, 0xDEADBEEF, null, "203.0.113.5");
    }

    [RootFact]
    public void GetBestRoute2_UnknownLuid_ReturnsNotFound()
    {
        AssertFails(NetIoStatus.NotFound, new NetLuid(0xDEADBEEF), 0xDEADBEEF, null, "203.0.113.5");
    }

    [RootFact]
    public void GetBestRoute2_ZeroLuid_IgnoresTheIndex()
    {
        Assert.Equal(NetIoStatus.Success, Call(default(NetLuid), 0xDEADBEEF, null, "203.0.113.5", out var row, out _));

        Assert.Equal(RouteOracle.Index(Ns, "v1"), row.InterfaceIndex);
    }

    [RootFact]
    public void GetBestRoute2_LuidAndBogusIndex_UsesTheLuid()
    {
        var luid = RouteTestData.Luid(Ns, "v1");

        Assert.Equal(NetIoStatus.Success, Call(luid, 0xDEADBEEF, null, "198.51.100.20", out var row, out _));

        Assert.Equal(RouteOracle.Index(Ns, "v1"), row.InterfaceIndex);
    }

    [RootFact]
    public void GetBestRoute2_SourceThatIsNotLocal_ReturnsNotFound()
    {
        AssertFails(NetIoStatus.NotFound, null, 0, "192.0.2.99", "203.0.113.5");
    }

    [RootFact]
    public void GetBestRoute2_LocalSource_WinsOverTheRequestedInterfaceAndIsTheBestSource()
    {
        var source = SockAddrInet.FromIPEndPoint(new System.Net.IPEndPoint(System.Net.IPAddress.Parse("198.51.100.1"), 4321));
        var destination = Address("203.0.113.5");

        NetIoStatus status;
        MibIpForwardRow2 row;
        SockAddrInet best;
        using (Ns.Enter()) status = NetIo.GetBestRoute2(RouteTestData.Luid(Ns, "v0"), 0, source, destination, 0, out row, out best);

        Assert.Equal(NetIoStatus.Success, status);
        Assert.Equal(RouteOracle.Index(Ns, "v1"), row.InterfaceIndex);
        Assert.Equal(Address("198.51.100.1"), best);
    }

    [RootFact]
    public void GetBestRoute2_LocalSourceWithBogusIndexAndNoLuid_ReturnsFileNotFound()
    {
        AssertFails(NetIoStatus.FileNotFound, null, 0xDEADBEEF, "198.51.100.1", "203.0.113.5");
    }

    [RootTheory]
    [InlineData("2001:db8:1::1")]
    [InlineData("0.0.0.0")]
    public void GetBestRoute2_SourceOfAnotherFamilyOrAllZeros_IsIgnored(string source)
    {
        Assert.Equal(NetIoStatus.Success, Call(null, 0, source, "203.0.113.5", out var row, out var best));

        Assert.Equal(RouteOracle.Index(Ns, "v1"), row.InterfaceIndex);
        Assert.Equal("198.51.100.1", best.ToString());
    }

    [RootFact]
    public void GetBestRoute2_GlobalDestinationWithScopeId_ReturnsInvalidParameter()
    {
        AssertFails(NetIoStatus.InvalidParameter, null, 0, null, "2001:db8:77::1%2");
    }

    [RootFact]
    public void GetBestRoute2_GlobalSourceWithScopeId_ReturnsInvalidParameter()
    {
        AssertFails(NetIoStatus.InvalidParameter, null, 0, "2001:db8:2::1%3", "2001:db8:77::1");
    }

    [RootFact]
    public void GetBestRoute2_LoopbackDestinationWithScopeId_ReturnsInvalidParameter()
    {
        AssertFails(NetIoStatus.InvalidParameter, null, 0, null, "::1%1");
    }

    [RootTheory]
    [InlineData("127.0.0.1")]
    [InlineData("::1")]
    public void GetBestRoute2_LoopbackDestinationForcedOntoAnotherInterface_ReturnsInvalidParameter(string destination)
    {
        AssertFails(NetIoStatus.InvalidParameter, null, RouteOracle.Index(Ns, "v0"), null, destination);
    }

    [RootTheory]
    [InlineData("127.0.0.1")]
    [InlineData("::1")]
    public void GetBestRoute2_LoopbackDestination_IsReachedThroughLoopbackFromItself(string destination)
    {
        Assert.Equal(NetIoStatus.Success, Call(null, 0, null, destination, out var row, out var best));

        Assert.Equal(RouteOracle.Index(Ns, "lo"), row.InterfaceIndex);
        Assert.True(row.Loopback);
        Assert.True(row.NextHop.IsUnspecified);
        Assert.Equal(destination, best.ToString());
    }

    [RootFact]
    public void GetBestRoute2_LinkLocalDestinationWithMatchingScope_UsesThatInterfaceAndALinkLocalSource()
    {
        var v0 = RouteOracle.Index(Ns, "v0");

        Assert.Equal(NetIoStatus.Success, Call(null, v0, null, $"fe80::1%{v0}", out var row, out var best));

        Assert.Equal(v0, row.InterfaceIndex);
        Assert.Equal("fe80::/64", row.DestinationPrefix.ToString());
        Assert.True(row.NextHop.IsUnspecified);
        Assert.False(row.Loopback);
        Assert.True(best.IsIPv6LinkLocal);
        Assert.Equal(v0, best.ScopeId);
        Assert.Contains(Ns.IpJson("-6", "address", "show", "dev", "v0", "scope", "link")[0].GetProperty("addr_info").EnumerateArray(),
            a => a.TryGetProperty("local", out var local) && local.GetString() == best.ToString().Split('%')[0]);
    }

    [RootFact]
    public void GetBestRoute2_LinkLocalDestinationScope_NamesTheInterfaceWhenNoneIsGiven()
    {
        var v1 = RouteOracle.Index(Ns, "v1");

        Assert.Equal(NetIoStatus.Success, Call(null, 0, null, $"fe80::1%{v1}", out var row, out var best));

        Assert.Equal(v1, row.InterfaceIndex);
        Assert.Equal(v1, best.ScopeId);
    }

    [RootFact]
    public void GetBestRoute2_LinkLocalDestinationScopeOfAnotherInterface_ReturnsInvalidParameter()
    {
        AssertFails(NetIoStatus.InvalidParameter, null, RouteOracle.Index(Ns, "v0"), null, $"fe80::1%{RouteOracle.Index(Ns, "v1")}");
    }

    [RootFact]
    public void GetBestRoute2_LinkLocalDestinationScopeOfNoInterface_ReturnsInvalidParameter()
    {
        AssertFails(NetIoStatus.InvalidParameter, null, 0, null, "fe80::1%4242");
    }

    [RootFact]
    public void GetBestRoute2_LinkLocalSourceWithTheWrongScope_ReturnsNotFound()
    {
        var v0 = RouteOracle.Index(Ns, "v0");
        Assert.Equal(NetIoStatus.Success, Call(null, v0, null, $"fe80::1%{v0}", out _, out var linkLocal));
        var wrong = linkLocal.ToString().Split('%')[0] + "%" + RouteOracle.Index(Ns, "v1");

        AssertFails(NetIoStatus.NotFound, null, 0, wrong, "fe80::1");
    }

    [RootFact]
    public void GetBestRoute2_LinkLocalSourceWithoutScope_RestrictsTheLookupToItsInterface()
    {
        var v0 = RouteOracle.Index(Ns, "v0");
        Assert.Equal(NetIoStatus.Success, Call(null, v0, null, $"fe80::1%{v0}", out _, out var linkLocal));
        var unscoped = linkLocal.ToString().Split('%')[0];

        Assert.Equal(NetIoStatus.Success, Call(null, RouteOracle.Index(Ns, "lo"), unscoped, "fe80::1", out var row, out var best));

        Assert.Equal(v0, row.InterfaceIndex);
        Assert.Equal(linkLocal, best);
    }

    [Fact]
    public void GetBestRoute2_DestinationOfNoFamily_ReturnsInvalidParameterWithoutAskingTheKernel()
    {
        Assert.Equal(NetIoStatus.InvalidParameter, NetIo.GetBestRoute2(null, 0, null, default, 0, out var row, out var best));

        Assert.Equal(default, row);
        Assert.Equal(default, best);
        Assert.Equal("DestinationAddress", NetIo.LastErrorDetail!.Argument);
    }

    private void AssertFails(NetIoStatus expected, NetLuid? luid, uint index, string? source, string destination)
    {
        var status = Call(luid, index, source, destination, out var row, out var best);

        Assert.True(status == expected, $"expected {expected}, got {status} ({NetIo.LastErrorDetail})");
        Assert.Equal(default, row);
        Assert.Equal(default, best);
    }

    private NetIoStatus Call(NetLuid? luid, uint index, string? source, string destination, out MibIpForwardRow2 row, out SockAddrInet best)
    {
        using (Ns.Enter())
            return NetIo.GetBestRoute2(luid, index, source is null ? null : Address(source), Address(destination), 0, out row, out best);
    }

    private static SockAddrInet Address(string text)
    {
        Assert.True(SockAddrInet.TryParse(text, out var address), text);
        return address;
    }

    /// <summary><c>ip -j route get</c> and <c>ip -j route get fibmatch</c>; null when ip finds no route.</summary>
    private (JsonElement? Plain, JsonElement? Fib) IpRouteGet(string destination, string? source, string? device)
    {
        List<string> args = ["route", "get", destination];
        if (source is not null) args.AddRange(["from", source]);
        if (device is not null) args.AddRange(["oif", device]);
        return (TryIp([.. args]), TryIp(["route", "get", "fibmatch", .. args[2..]]));
    }

    private JsonElement? TryIp(string[] args)
    {
        try
        {
            return Ns.IpJson(args)[0];
        }
        catch (CommandException)
        {
            return null;
        }
    }
}
