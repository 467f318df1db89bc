using System.Net.Sockets;
using System.Text.Json;
using IpHelper.Tests.Kernel.Infrastructure;
using Xunit;

namespace IpHelper.Tests.Kernel.IpInterfaces;

/// <summary>
/// Metric and UseAutomaticMetric (docs/mapping.md, Metrics): SetIpInterfaceEntry records the interface
/// metric in /run/iphelper and moves the kernel priority of the interface's routes by the change,
/// checked with ip -j route; GetIpInterfaceEntry reads it back.
/// </summary>
public sealed class IpInterfaceMetricTests
{
    private const string If = "mv0";

    [RootFact]
    public void SetMetric_RecordsIt_AndMovesTheRoutesOfThatInterfaceAndFamily()
    {
        using var ns = Topology();
        SetMetric(ns, AddressFamily.InterNetwork, 20);

        Assert.Equal(30u, Priority(ns, "-4", "203.0.113.0/24", "main"));
        Assert.Equal(120u, Priority(ns, "-4", "198.51.100.0/24", "100"));
        Assert.Equal(0u, Priority(ns, "-4", "192.0.2.0/24", "main"));
        Assert.Equal(15u, Priority(ns, "-4", "203.0.113.128/25", "main"));
        Assert.Equal(7u, Priority(ns, "-4", "198.51.100.128/25", "main"));
        Assert.Equal(50u, Priority(ns, "-6", "2001:db8:9::/64", "main"));
        Assert.Contains($"inet {ns.IpJson("link", "show", If)[0].GetProperty("ifindex").GetUInt32()} {If} 20", File.ReadAllLines(ns.MetricStoreFile));
        using (ns.Enter())
        {
            var row = IpInterfaceSetTests.Get(AddressFamily.InterNetwork, If);
            Assert.False(row.UseAutomaticMetric);
            Assert.Equal(20u, row.Metric);
            Assert.True(IpInterfaceSetTests.Get(AddressFamily.InterNetworkV6, If).UseAutomaticMetric);
        }
    }

    [RootFact]
    public void ChangeMetric_ThenBackToAutomatic_MovesTheRoutesBack()
    {
        using var ns = Topology();
        SetMetric(ns, AddressFamily.InterNetworkV6, 40);
        Assert.Equal(90u, Priority(ns, "-6", "2001:db8:9::/64", "main"));
        SetMetric(ns, AddressFamily.InterNetworkV6, 5);
        Assert.Equal(55u, Priority(ns, "-6", "2001:db8:9::/64", "main"));
        Assert.Equal(10u, Priority(ns, "-4", "203.0.113.0/24", "main"));

        using (ns.Enter())
        {
            var row = IpInterfaceSetTests.Get(AddressFamily.InterNetworkV6, If);
            row.UseAutomaticMetric = true;
            Assert.Equal(NetIoStatus.Success, NetIo.SetIpInterfaceEntry(ref row));
            row = IpInterfaceSetTests.Get(AddressFamily.InterNetworkV6, If);
            Assert.True(row.UseAutomaticMetric);
            Assert.Equal(0u, row.Metric);
        }
        Assert.Equal(50u, Priority(ns, "-6", "2001:db8:9::/64", "main"));
        Assert.DoesNotContain(File.ReadAllLines(ns.MetricStoreFile), l => l.StartsWith("inet6 ", StringComparison.Ordinal));
    }

    [RootFact]
    public void SetMetric_MovesEachRouteOnce_WhenPrioritiesCross()
    {
        using var ns = Topology();
        ns.Ip("route", "add", "203.0.113.0/24", "dev", If, "metric", "30");
        SetMetric(ns, AddressFamily.InterNetwork, 20);

        var priorities = Routes(ns, "-4", "main").Where(r => r.GetProperty("dst").GetString() == "203.0.113.0/24")
            .Select(r => r.GetProperty("metric").GetUInt32()).Order();
        Assert.Equal([30u, 50u], priorities);
    }

    [RootFact]
    public void SetMetric_KeepsTheRoutesAttributes()
    {
        using var ns = Topology();
        var before = Routes(ns, "-4", "all").Single(r => r.GetProperty("dst").GetString() == "203.0.113.0/24");
        SetMetric(ns, AddressFamily.InterNetwork, 3);
        var after = Routes(ns, "-4", "all").Single(r => r.GetProperty("dst").GetString() == "203.0.113.0/24");

        foreach (var property in before.EnumerateObject().Where(p => p.Name != "metric"))
            Assert.Equal(property.Value.GetRawText(), after.GetProperty(property.Name).GetRawText());
        Assert.Equal(13u, after.GetProperty("metric").GetUInt32());
    }

    /// <summary>
    /// mv0/mv1 with 192.0.2.1/24 and 2001:db8:1::1/64 on mv0, and routes through mv0: 203.0.113.0/24
    /// via 192.0.2.2 metric 10 (mtu 1400), 198.51.100.0/24 in table 100 metric 100, 2001:db8:9::/64
    /// metric 50; a route the kernel made (192.0.2.0/24, proto kernel), one learnt from a router
    /// advertisement (203.0.113.128/25, proto ra) and a multipath route with a hop on another
    /// interface (198.51.100.128/25), which keep their priorities.
    /// </summary>
    private static TestNetns Topology()
    {
        var ns = new TestNetns();
        ns.AddVeth(If, "mv1");
        ns.AddVeth("ov0", "ov1");
        ns.AddAddress(If, "192.0.2.1/24");
        ns.AddAddress("ov0", "198.51.100.1/25");
        ns.AddAddress(If, "2001:db8:1::1/64", "nodad");
        ns.Ip("route", "add", "203.0.113.0/24", "via", "192.0.2.2", "dev", If, "metric", "10", "mtu", "1400");
        ns.Ip("route", "add", "198.51.100.0/24", "via", "192.0.2.3", "dev", If, "metric", "100", "table", "100");
        ns.Ip("route", "add", "203.0.113.128/25", "via", "192.0.2.4", "dev", If, "metric", "15", "proto", "ra");
        ns.Ip("route", "add", "198.51.100.128/25", "metric", "7", "nexthop", "via", "192.0.2.5", "dev", If, "nexthop", "via", "198.51.100.5", "dev", "ov0");
        ns.Ip("-6", "route", "add", "2001:db8:9::/64", "via", "2001:db8:1::2", "dev", If, "metric", "50");
        return ns;
    }

    private static void SetMetric(TestNetns ns, AddressFamily family, uint metric)
    {
        using var scope = ns.Enter();
        var row = IpInterfaceSetTests.Get(family, If);
        row.UseAutomaticMetric = false;
        row.Metric = metric;
        Assert.True(NetIo.SetIpInterfaceEntry(ref row) == NetIoStatus.Success, NetIo.LastErrorDetail?.ToString());
    }

    private static IEnumerable<JsonElement> Routes(TestNetns ns, string family, string table) =>
        ns.IpJson(family, "route", "show", "table", table).EnumerateArray();

    /// <summary>The priority of the only route to <paramref name="prefix"/> in the table (ip prints none for 0).</summary>
    private static uint Priority(TestNetns ns, string family, string prefix, string table)
    {
        var route = Routes(ns, family, table).Single(r => r.GetProperty("dst").GetString() == prefix);
        return route.TryGetProperty("metric", out var metric) ? metric.GetUInt32() : 0;
    }

}
