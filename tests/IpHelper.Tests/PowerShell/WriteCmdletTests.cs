using System.Management.Automation;
using IpHelper.Objects;
using IpHelper.Tests.Kernel.Infrastructure;
using IpHelper.Tests.Kernel.Routes;
using IpHelper.Tests.Objects;
using Xunit;

namespace IpHelper.Tests.PowerShell;

/// <summary>The New-, Set- and Remove- cmdlets hosted in-process; every write is checked with ip.</summary>
public sealed class WriteCmdletTests
{
    [RootFact]
    public void NewSetRemoveNetRoute_AreSeenByIp()
    {
        using var ns = NetRouteTests.Lab();

        var created = (NetRoute)Assert.Single(CmdletHost.RunClean(
            $"New-NetRoute -NetNamespace {ns.Name} -DestinationPrefix 203.0.113.0/24 -InterfaceAlias v0 -NextHop 192.0.2.9 -RouteMetric 30")).BaseObject;
        Assert.Equal(30u, created.RouteMetric);
        Assert.Equal(30u, RouteOracle.Show(ns, "203.0.113.0/24").Single().GetProperty("metric").GetUInt32());

        var changed = (NetRoute)Assert.Single(CmdletHost.RunClean(
            $"Set-NetRoute -NetNamespace {ns.Name} -DestinationPrefix 203.0.113.0/24 -RouteMetric 45 -PassThru")).BaseObject;
        Assert.Equal(45u, changed.RouteMetric);
        Assert.Equal(45u, RouteOracle.Show(ns, "203.0.113.0/24").Single().GetProperty("metric").GetUInt32());

        CmdletHost.RunClean($"Get-NetRoute -NetNamespace {ns.Name} -DestinationPrefix 203.0.113.0/24 | Remove-NetRoute -Confirm:$false");
        Assert.Empty(RouteOracle.Show(ns, "203.0.113.0/24"));
    }

    [RootFact]
    public void RemoveNetRoute_FromPipeline_WorksInTheNamespaceTheRouteCameFrom()
    {
        using var ns = NetRouteTests.Lab();
        ns.Ip("route", "add", "198.51.100.0/24", "via", "192.0.2.9");
        ns.Ip("-6", "route", "add", "2001:db8:7::/48", "via", "2001:db8:1::9");

        CmdletHost.RunClean($"Get-NetRoute -NetNamespace {ns.Name} -NextHop 192.0.2.9, 2001:db8:1::9 | Remove-NetRoute -Confirm:$false");

        Assert.Empty(RouteOracle.Show(ns, "198.51.100.0/24"));
        Assert.Empty(RouteOracle.Show(ns, "2001:db8:7::/48"));
    }

    [RootFact]
    public void NewNetRoute_WhatIf_ChangesNothing()
    {
        using var ns = NetRouteTests.Lab();
        var before = NamespaceState.Of(ns);

        var output = CmdletHost.RunClean($"New-NetRoute -NetNamespace {ns.Name} -DestinationPrefix 203.0.113.0/24 -InterfaceAlias v0 -NextHop 192.0.2.9 -WhatIf");

        Assert.Empty(output);
        Assert.Equal(before, NamespaceState.Of(ns));
    }

    [RootFact]
    public void NewNetRoute_Duplicate_IsAResourceExistsErrorWithTheStatus_AndChangesNothing()
    {
        using var ns = NetRouteTests.Lab();
        ns.Ip("route", "add", "203.0.113.0/24", "via", "192.0.2.9");
        var before = NamespaceState.Of(ns);

        var error = CmdletHost.Run($"New-NetRoute -NetNamespace {ns.Name} -DestinationPrefix 203.0.113.0/24 -InterfaceAlias v0 -NextHop 192.0.2.9").SingleError;

        Assert.Equal(ErrorCategory.ResourceExists, error.CategoryInfo.Category);
        Assert.Equal("ObjectAlreadyExists", error.CategoryInfo.Reason);
        Assert.StartsWith("ObjectAlreadyExists,", error.FullyQualifiedErrorId, StringComparison.Ordinal);
        Assert.Contains("5010", error.ErrorDetails.Message, StringComparison.Ordinal);
        Assert.Equal(NetIoStatus.ObjectAlreadyExists, ((NetIoException)error.Exception).Status);
        Assert.Equal(before, NamespaceState.Of(ns));
    }

    [RootTheory]
    [InlineData("New-NetRoute -DestinationPrefix 203.0.113.1/24 -InterfaceAlias v0", ErrorCategory.InvalidArgument)]
    [InlineData("New-NetRoute -DestinationPrefix not-a-prefix -InterfaceAlias v0", ErrorCategory.InvalidArgument)]
    [InlineData("New-NetRoute -DestinationPrefix 203.0.113.0/24 -InterfaceAlias no-such-if", ErrorCategory.InvalidArgument)]
    [InlineData("New-NetRoute -DestinationPrefix 203.0.113.0/24 -InterfaceAlias v0 -NextHop 2001:db8::1", ErrorCategory.InvalidArgument)]
    [InlineData("New-NetRoute -DestinationPrefix 203.0.113.0/24 -InterfaceAlias v0 -AddressFamily IPv6", ErrorCategory.InvalidArgument)]
    [InlineData("New-NetIPAddress -IPAddress 192.0.2.300 -InterfaceAlias v0", ErrorCategory.InvalidArgument)]
    [InlineData("New-NetIPAddress -IPAddress 198.51.100.5 -PrefixLength 40 -InterfaceAlias v0", ErrorCategory.InvalidArgument)]
    [InlineData("New-NetIPAddress -IPAddress 198.51.100.5 -InterfaceAlias v0 -SkipAsSource $true", ErrorCategory.NotImplemented)]
    [InlineData("New-NetNeighbor -IPAddress 192.0.2.50 -InterfaceAlias v0 -LinkLayerAddress zz", ErrorCategory.InvalidArgument)]
    [InlineData("Set-NetIPInterface -InterfaceAlias v0 -AddressFamily IPv4 -NlMtuBytes 20", ErrorCategory.InvalidArgument)]
    [InlineData("Set-NetIPInterface -InterfaceAlias v0 -Dhcp Enabled", ErrorCategory.NotImplemented)]
    [InlineData("Set-NetIPInterface -InterfaceAlias v0 -AddressFamily IPv4 -DadTransmits 3", ErrorCategory.NotImplemented)]
    [InlineData("Remove-NetRoute -DestinationPrefix 198.18.0.0/15 -Confirm:$false", ErrorCategory.ObjectNotFound)]
    [InlineData("New-NetRoute -DestinationPrefix 203.0.113.0/24 -InterfaceAlias v0 -PolicyStore PersistentStore", ErrorCategory.NotImplemented)]
    [InlineData("Get-NetRoute -CimSession server1", ErrorCategory.NotImplemented)]
    [InlineData("Get-NetRoute -AsJob", ErrorCategory.NotImplemented)]
    public void BadInput_IsOnePowerShellError_AndChangesNothing(string command, ErrorCategory category)
    {
        using var ns = NetRouteTests.Lab();
        var before = NamespaceState.Of(ns);

        var result = CmdletHost.Run($"{command} -NetNamespace {ns.Name}");

        Assert.Equal(category, result.SingleError.CategoryInfo.Category);
        Assert.Empty(result.Output);
        Assert.Equal(before, NamespaceState.Of(ns));
    }

    [RootFact]
    public void NoSuchNamespace_IsAnObjectNotFoundError()
    {
        var error = CmdletHost.Run("Get-NetRoute -NetNamespace iph-no-such-namespace").SingleError;

        Assert.Equal(ErrorCategory.ObjectNotFound, error.CategoryInfo.Category);
        Assert.Equal("FileNotFound", error.CategoryInfo.Reason);
    }

    [RootFact]
    public void NewNetIPAddress_WithDefaultGateway_AddsBoth_AndRemoveFromPipelineDeletes()
    {
        using var ns = NetRouteTests.Lab();

        var output = CmdletHost.RunClean($"New-NetIPAddress -NetNamespace {ns.Name} -IPAddress 198.51.100.5 -PrefixLength 24 -InterfaceAlias v1 -DefaultGateway 198.51.100.1");

        Assert.IsType<NetIPAddress>(output[0].BaseObject);
        Assert.IsType<NetRoute>(output[1].BaseObject);
        Assert.Contains(Addresses(ns), a => a == "v1 198.51.100.5/24");
        Assert.Equal("198.51.100.1", RouteOracle.Show(ns, "default").Single().GetProperty("gateway").GetString());

        CmdletHost.RunClean($"Set-NetIPAddress -NetNamespace {ns.Name} -IPAddress 198.51.100.5 -ValidLifetime 01:00:00");
        Assert.InRange(AddressInfo(ns, "198.51.100.5").GetProperty("valid_life_time").GetUInt32(), 3590u, 3600u);

        CmdletHost.RunClean($"Get-NetIPAddress -NetNamespace {ns.Name} -IPAddress 198.51.100.5 | Remove-NetIPAddress -Confirm:$false");
        Assert.DoesNotContain(Addresses(ns), a => a.Contains("198.51.100.5", StringComparison.Ordinal));
    }

    [RootFact]
    public void NewSetRemoveNetNeighbor_AreSeenByIp()
    {
        using var ns = NetRouteTests.Lab();

        CmdletHost.RunClean($"New-NetNeighbor -NetNamespace {ns.Name} -IPAddress 192.0.2.50 -InterfaceAlias v0 -LinkLayerAddress 02-00-00-00-00-50");
        Assert.Equal("02:00:00:00:00:50", Neighbor(ns).GetProperty("lladdr").GetString());

        CmdletHost.RunClean($"Set-NetNeighbor -NetNamespace {ns.Name} -IPAddress 192.0.2.50 -LinkLayerAddress 02:00:00:00:00:51");
        Assert.Equal("02:00:00:00:00:51", Neighbor(ns).GetProperty("lladdr").GetString());

        CmdletHost.RunClean($"Get-NetNeighbor -NetNamespace {ns.Name} -IPAddress 192.0.2.50 | Remove-NetNeighbor -Confirm:$false");
        Assert.DoesNotContain(ns.IpJson("neigh").EnumerateArray(), e => e.GetProperty("dst").GetString() == "192.0.2.50");
    }

    [RootFact]
    public void SetNetIPInterface_MtuAndMetric_AreSeenByIp()
    {
        using var ns = NetRouteTests.Lab();
        ns.Ip("route", "add", "203.0.113.0/24", "via", "192.0.2.9", "metric", "10");

        CmdletHost.RunClean($"Get-NetIPInterface -NetNamespace {ns.Name} -InterfaceAlias v0 -AddressFamily IPv4 | Set-NetIPInterface -NlMtuBytes 1400 -InterfaceMetric 15");

        Assert.Equal(1400u, ns.IpJson("link", "show", "v0").EnumerateArray().Single().GetProperty("mtu").GetUInt32());
        Assert.Equal(25u, RouteOracle.Show(ns, "203.0.113.0/24").Single().GetProperty("metric").GetUInt32());
        var ipInterface = (NetIPInterface)Assert.Single(CmdletHost.RunClean($"Get-NetIPInterface -NetNamespace {ns.Name} -InterfaceAlias v0 -AddressFamily IPv4")).BaseObject;
        Assert.Equal(15u, ipInterface.InterfaceMetric);
        Assert.Equal(FeatureState.Disabled, ipInterface.AutomaticMetric);
    }

    private static List<string> Addresses(TestNetns ns) =>
        [.. ns.IpJson("addr").EnumerateArray().SelectMany(l => l.GetProperty("addr_info").EnumerateArray()
            .Select(a => $"{l.GetProperty("ifname").GetString()} {a.GetProperty("local").GetString()}/{a.GetProperty("prefixlen").GetInt32()}"))];

    private static System.Text.Json.JsonElement AddressInfo(TestNetns ns, string address) =>
        ns.IpJson("addr").EnumerateArray().SelectMany(l => l.GetProperty("addr_info").EnumerateArray()).Single(a => a.GetProperty("local").GetString() == address);

    private static System.Text.Json.JsonElement Neighbor(TestNetns ns) =>
        ns.IpJson("neigh").EnumerateArray().Single(e => e.GetProperty("dst").GetString() == "192.0.2.50");
}
