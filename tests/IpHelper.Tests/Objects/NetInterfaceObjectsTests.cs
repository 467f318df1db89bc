using System.Net;
using System.Net.NetworkInformation;
using IpHelper.Objects;
using IpHelper.Tests.Kernel.Infrastructure;
using Xunit;

namespace IpHelper.Tests.Objects;

public sealed class NetInterfaceObjectsTests(ObjectsLab lab) : IClassFixture<ObjectsLab>
{
    [RootFact]
    public void NetAdapter_Get_MatchesIpLink_WithoutLoopbackUnlessHidden()
    {
        var links = lab.Ns.IpJson("link").EnumerateArray().ToList();

        IReadOnlyList<NetAdapter> adapters, all;
        using (lab.Ns.Enter())
        {
            adapters = NetAdapter.Get();
            all = NetAdapter.Get(includeHidden: true);
        }

        Assert.Equal(links.Where(l => l.GetProperty("ifname").GetString() != "lo").Select(l => l.GetProperty("ifname").GetString()), adapters.Select(a => a.Name));
        Assert.Equal(links.Count, all.Count);
        var v0 = adapters.Single(a => a.Name == "v0");
        var link = links.Single(l => l.GetProperty("ifname").GetString() == "v0");
        Assert.Equal(link.GetProperty("address").GetString()!.ToUpperInvariant().Replace(':', '-'), v0.MacAddress);
        Assert.Equal(link.GetProperty("ifindex").GetUInt32(), v0.InterfaceIndex);
        Assert.Equal("Up", v0.Status);
        Assert.Equal("10 Gbps", v0.LinkSpeed);
        Assert.Equal("veth", v0.InterfaceDescription);
    }

    [RootFact]
    public void NetIPInterface_Get_MatchesIpLinkMtuAndSysctlForwarding()
    {
        IReadOnlyList<NetIPInterface> interfaces;
        using (lab.Ns.Enter()) interfaces = NetIPInterface.Get();

        var v0v4 = interfaces.Single(i => i.InterfaceAlias == "v0" && i.AddressFamily == IPAddressFamily.IPv4);
        Assert.Equal(lab.Ns.IpJson("link", "show", "v0").EnumerateArray().Single().GetProperty("mtu").GetUInt32(), v0v4.NlMtu);
        Assert.Equal(lab.Ns.Sysctl("net.ipv4.conf.v0.forwarding") == "1" ? FeatureState.Enabled : FeatureState.Disabled, v0v4.Forwarding);
        Assert.Equal(ConnectionState.Connected, v0v4.ConnectionState);
        Assert.Null(v0v4.Dhcp);
        Assert.Contains(interfaces, i => i.InterfaceAlias == "v0" && i.AddressFamily == IPAddressFamily.IPv6);
    }

    [RootFact]
    public void NetIPInterface_Set_ChangesMtuAndMetric_SeenByIp()
    {
        using var ns = NetRouteTests.Lab();
        using (ns.Enter())
        {
            var v4 = NetLuidExtensions.FromAlias("v0").GetIPInterface(IPAddressFamily.IPv4);
            var changed = v4.Set(nlMtu: 1400, interfaceMetric: 25);
            Assert.Equal(1400u, changed.NlMtu);
            Assert.Equal(25u, changed.InterfaceMetric);
            Assert.Equal(FeatureState.Disabled, changed.AutomaticMetric);
        }

        Assert.Equal(1400u, ns.IpJson("link", "show", "v0").EnumerateArray().Single().GetProperty("mtu").GetUInt32());
    }

    [RootFact]
    public void NetIPInterface_Set_MtuBelowIpv4Minimum_ThrowsInvalidParameterAndChangesNothing()
    {
        using var ns = NetRouteTests.Lab();
        using (ns.Enter())
        {
            var v4 = NetLuidExtensions.FromAlias("v0").GetIPInterface(IPAddressFamily.IPv4);
            var e = Assert.Throws<NetIoException>(() => v4.Set(nlMtu: 20));
            Assert.Equal(NetIoStatus.InvalidParameter, e.Status);
        }

        Assert.Equal(1500u, ns.IpJson("link", "show", "v0").EnumerateArray().Single().GetProperty("mtu").GetUInt32());
    }

    [RootFact]
    public void NetIPConfiguration_Get_GathersAddressesAndDefaultGateway()
    {
        IReadOnlyList<NetIPConfiguration> configurations;
        using (lab.Ns.Enter()) configurations = NetIPConfiguration.Get();

        var v0 = configurations.Single(c => c.InterfaceAlias == "v0");
        Assert.Equal(["192.0.2.1"], v0.IPv4Address.Select(a => a.IPAddress.ToString()));
        Assert.Equal(["2001:db8:1::1"], v0.IPv6Address.Select(a => a.IPAddress.ToString()));
        Assert.Equal(["192.0.2.254"], v0.IPv4DefaultGateway.Select(r => r.NextHop.ToString()));
        Assert.Empty(configurations.Single(c => c.InterfaceAlias == "v1").IPv4DefaultGateway);
        Assert.DoesNotContain(configurations, c => c.InterfaceAlias == "lo");
    }

    [RootFact]
    public void NetLuid_AddRouteFlushRoutes_KeepsTheStacksOwnRoutes()
    {
        using var ns = NetRouteTests.Lab();
        using (ns.Enter())
        {
            var luid = NetLuidExtensions.FromAlias("v0");
            luid.AddRoute(IPNetwork.Parse("203.0.113.0/24"), IPAddress.Parse("192.0.2.9"), 10);
            luid.AddRoute(IPNetwork.Parse("2001:db8:5::/48"));
            luid.FlushRoutes();
        }

        var main = ns.IpJson("route", "show", "dev", "v0").EnumerateArray().Select(r => r.GetProperty("dst").GetString()).ToList();
        Assert.Equal(["192.0.2.0/24"], main);
        Assert.Contains(ns.IpJson("-6", "route", "show", "dev", "v0").EnumerateArray(), r => r.GetProperty("dst").GetString() == "2001:db8:1::/64");
        Assert.DoesNotContain(ns.IpJson("-6", "route", "show", "dev", "v0").EnumerateArray(), r => r.GetProperty("dst").GetString() == "2001:db8:5::/48");
    }

    [RootFact]
    public void NetLuid_SetIPAddresses_LeavesExactlyThoseOfTheFamily()
    {
        using var ns = NetRouteTests.Lab();
        ns.AddAddress("v0", "192.0.2.2/24");
        using (ns.Enter())
        {
            NetLuidExtensions.FromAlias("v0").SetIPAddresses([(IPAddress.Parse("192.0.2.2"), 24), (IPAddress.Parse("198.51.100.9"), 24)]);
        }

        var v4 = ns.IpJson("-4", "addr", "show", "v0").EnumerateArray().Single().GetProperty("addr_info").EnumerateArray()
            .Select(a => a.GetProperty("local").GetString()).Order();
        Assert.Equal(["192.0.2.2", "198.51.100.9"], v4);
        Assert.Contains(ns.IpJson("-6", "addr", "show", "v0").EnumerateArray().Single().GetProperty("addr_info").EnumerateArray(),
            a => a.GetProperty("local").GetString() == "2001:db8:1::1");
    }

    [Fact]
    public void GetNetLuid_OfLoopback_IsItsIndexAndSoftwareLoopbackType()
    {
        var lo = NetworkInterface.GetAllNetworkInterfaces().Single(n => n.Name == "lo");

        var luid = lo.GetNetLuid();

        Assert.Equal((uint)lo.GetIPProperties().GetIPv4Properties().Index, luid.NetLuidIndex);
        Assert.Equal((ushort)IfType.SoftwareLoopback, luid.IfType);
    }

    [Fact]
    public void FromAlias_NoSuchInterface_Throws() =>
        Assert.NotEqual(NetIoStatus.Success, Assert.Throws<NetIoException>(() => NetLuidExtensions.FromAlias("no-such-if0")).Status);
}
