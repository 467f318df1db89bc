using System.Management.Automation;
using IpHelper.Objects;
using IpHelper.Tests.Kernel.Infrastructure;
using IpHelper.Tests.Kernel.Routes;
using Xunit;

namespace IpHelper.Tests.PowerShell;

/// <summary>The Get- cmdlets hosted in-process, each checked against ip -j in a test namespace.</summary>
public sealed class GetCmdletTests(RouteTopology topology) : IClassFixture<RouteTopology>
{
    private string Ns => topology.Ns.Name;

    [RootFact]
    public void GetNetRoute_MatchesIpRouteShowMainAndLocal()
    {
        var expected = RouteOracle.Routes(topology.Ns, System.Net.Sockets.AddressFamily.InterNetwork, "main", "local")
            .Concat(RouteOracle.Routes(topology.Ns, System.Net.Sockets.AddressFamily.InterNetworkV6, "main", "local"));

        var routes = CmdletHost.RunClean($"Get-NetRoute -NetNamespace {Ns}").Select(o => (NetRoute)o.BaseObject);

        Assert.Equal(RouteOracle.Describe(expected), RouteOracle.Describe(routes.Select(Fact)));
    }

    [RootFact]
    public void GetNetRoute_Filters_ChooseTheSameRoutesAsIp()
    {
        var expected = RouteOracle.Routes(topology.Ns, System.Net.Sockets.AddressFamily.InterNetwork, "main", "local").Where(f => f.InterfaceIndex == RouteOracle.Index(topology.Ns, "v1"));

        var routes = CmdletHost.RunClean($"Get-NetRoute -NetNamespace {Ns} -AddressFamily IPv4 -InterfaceAlias v1").Select(o => (NetRoute)o.BaseObject);

        Assert.Equal(RouteOracle.Describe(expected), RouteOracle.Describe(routes.Select(Fact)));
        var defaults = CmdletHost.RunClean($"Get-NetRoute -NetNamespace {Ns} -DestinationPrefix 0.0.0.0/0, ::/0").Select(o => ((NetRoute)o.BaseObject).NextHop.ToString());
        Assert.Equal(["192.0.2.254", "2001:db8:2::2"], defaults);
        var slash27 = RouteOracle.Routes(topology.Ns, System.Net.Sockets.AddressFamily.InterNetwork, "main", "local").Count(f => f.Prefix.StartsWith("203.0.113.", StringComparison.Ordinal) && f.Prefix.EndsWith("/27", StringComparison.Ordinal));
        Assert.Equal(slash27, CmdletHost.RunClean($"Get-NetRoute -NetNamespace {Ns} -DestinationPrefix 203.0.113.*/27").Count);
    }

    [RootFact]
    public void GetNetRoute_AndGetNetIPAddress_FromGetNetIPInterfaceByPipeline_AreThatInterfacesOwn()
    {
        var v1 = RouteOracle.Index(topology.Ns, "v1");
        var expected = RouteOracle.Routes(topology.Ns, System.Net.Sockets.AddressFamily.InterNetwork, "main", "local").Where(f => f.InterfaceIndex == v1);

        var routes = CmdletHost.RunClean($"Get-NetIPInterface -NetNamespace {Ns} -InterfaceAlias v1 -AddressFamily IPv4 | Get-NetRoute").Select(o => (NetRoute)o.BaseObject);
        var addresses = CmdletHost.RunClean($"Get-NetIPInterface -NetNamespace {Ns} -InterfaceAlias v1 -AddressFamily IPv6 | Get-NetIPAddress").Select(o => (NetIPAddress)o.BaseObject);

        Assert.Equal(RouteOracle.Describe(expected), RouteOracle.Describe(routes.Select(Fact)));
        var v1Addresses = topology.Ns.IpJson("-6", "addr", "show", "v1").EnumerateArray().Single().GetProperty("addr_info").EnumerateArray().Select(a => a.GetProperty("local").GetString()).Order();
        Assert.Equal(v1Addresses, addresses.Select(a => a.IPAddress.ToString().Split('%')[0]).Order());
    }

    [RootFact]
    public void GetNetRoute_ExactQueryMatchingNothing_IsAnObjectNotFoundError()
    {
        var result = CmdletHost.Run($"Get-NetRoute -NetNamespace {Ns} -DestinationPrefix 198.18.0.0/15");

        Assert.Empty(result.Output);
        Assert.Equal(ErrorCategory.ObjectNotFound, result.SingleError.CategoryInfo.Category);
        Assert.Empty(CmdletHost.Run($"Get-NetRoute -NetNamespace {Ns} -DestinationPrefix 198.18.*").Errors);
    }

    [RootFact]
    public void GetNetIPAddress_MatchesIpAddr()
    {
        var expected = topology.Ns.IpJson("addr").EnumerateArray()
            .SelectMany(l => l.GetProperty("addr_info").EnumerateArray().Select(a => $"{l.GetProperty("ifname").GetString()} {a.GetProperty("local").GetString()}/{a.GetProperty("prefixlen").GetInt32()}"))
            .Order();

        var actual = CmdletHost.RunClean($"Get-NetIPAddress -NetNamespace {Ns}").Select(o => (NetIPAddress)o.BaseObject)
            .Select(a => $"{a.InterfaceAlias} {a.IPAddress.ToString().Split('%')[0]}/{a.PrefixLength}").Order();

        Assert.Equal(expected, actual);
    }

    [RootFact]
    public void GetNetNeighbor_ShowsAnEntryAddedWithIp()
    {
        topology.Ns.Ip("neigh", "replace", "192.0.2.77", "lladdr", "02:00:00:00:00:77", "dev", "v0", "nud", "permanent");

        var neighbor = (NetNeighbor)Assert.Single(CmdletHost.RunClean($"Get-NetNeighbor -NetNamespace {Ns} -IPAddress 192.0.2.77")).BaseObject;

        Assert.Equal("02-00-00-00-00-77", NetAdapter.FormatMac(neighbor.LinkLayerAddress));
        Assert.Equal(NeighborState.Permanent, neighbor.State);
        Assert.Equal("v0", neighbor.InterfaceAlias);
        Assert.Single(CmdletHost.RunClean($"Get-NetNeighbor -NetNamespace {Ns} -LinkLayerAddress 02-00-00-00-00-7*"));
    }

    [RootFact]
    public void GetNetIPInterface_MatchesIpLinkMtu()
    {
        var mtus = topology.Ns.IpJson("link").EnumerateArray().ToDictionary(l => l.GetProperty("ifname").GetString()!, l => l.GetProperty("mtu").GetUInt32());

        var interfaces = CmdletHost.RunClean($"Get-NetIPInterface -NetNamespace {Ns} -AddressFamily IPv4").Select(o => (NetIPInterface)o.BaseObject).ToList();

        Assert.Equal(mtus.Keys.Order(), interfaces.Select(i => i.InterfaceAlias).Order());
        Assert.All(interfaces, i => Assert.Equal(mtus[i.InterfaceAlias], i.NlMtu));
    }

    [RootFact]
    public void GetNetAdapter_MatchesIpLink_AndHidesLoopback()
    {
        var links = topology.Ns.IpJson("link").EnumerateArray().ToList();

        var adapters = CmdletHost.RunClean($"Get-NetAdapter -NetNamespace {Ns}").Select(o => (NetAdapter)o.BaseObject).ToList();

        Assert.Equal(links.Select(l => l.GetProperty("ifname").GetString()).Where(n => n != "lo"), adapters.Select(a => a.Name));
        Assert.All(adapters, a => Assert.Equal(
            links.Single(l => l.GetProperty("ifname").GetString() == a.Name).GetProperty("address").GetString()!.ToUpperInvariant().Replace(':', '-'), a.MacAddress));
        Assert.Single(CmdletHost.RunClean($"Get-NetAdapter -NetNamespace {Ns} -Name lo"));
    }

    [RootFact]
    public void GetNetIPConfiguration_HasTheDefaultGatewayOfIp()
    {
        var gateway = RouteOracle.Show(topology.Ns, "default").Single();

        var configuration = (NetIPConfiguration)Assert.Single(CmdletHost.RunClean($"Get-NetIPConfiguration -NetNamespace {Ns} -InterfaceAlias {gateway.GetProperty("dev").GetString()}")).BaseObject;

        Assert.Equal(gateway.GetProperty("gateway").GetString(), Assert.Single(configuration.IPv4DefaultGateway).NextHop.ToString());
    }

    [RootFact]
    public void FindNetRoute_WritesTheSourceAddressThenTheRoute_AsIpRouteGet()
    {
        var oracle = topology.Ns.IpJson("route", "get", "203.0.113.10").EnumerateArray().Single();

        var output = CmdletHost.RunClean($"Find-NetRoute -NetNamespace {Ns} -RemoteIPAddress 203.0.113.10");

        Assert.Equal(2, output.Count);
        Assert.Equal(oracle.GetProperty("prefsrc").GetString(), ((NetIPAddress)output[0].BaseObject).IPAddress.ToString());
        Assert.Equal(oracle.GetProperty("gateway").GetString(), ((NetRoute)output[1].BaseObject).NextHop.ToString());
    }

    [RootFact]
    public void Objects_CarryTheirNamespaceAndWindowsAliasProperties()
    {
        var route = CmdletHost.RunClean($"Get-NetRoute -NetNamespace {Ns} -DestinationPrefix 0.0.0.0/0").Single();

        Assert.Equal(Ns, route.Properties["NetNamespace"].Value);
        Assert.Equal(((NetRoute)route.BaseObject).InterfaceIndex, route.Properties["ifIndex"].Value);
        Assert.Equal(((NetRoute)route.BaseObject).InterfaceMetric, route.Properties["ifMetric"].Value);
    }

    private static RouteFact Fact(NetRoute r) =>
        new(r.InterfaceIndex, r.DestinationPrefix.ToString(), r.NextHop.ToString(), r.RouteMetric, (NlRouteProtocol)r.Protocol);
}
