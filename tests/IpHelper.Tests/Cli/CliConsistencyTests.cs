using System.Text.Json;
using IpHelper.Tests.Kernel.Addresses;
using IpHelper.Tests.Kernel.Infrastructure;
using Xunit;

namespace IpHelper.Tests.Cli;

/// <summary>
/// The same behaviour across nouns: add and set print the row as show does (a JSON array of one),
/// list verbs filter with -i, and the route table has Get-NetRoute's columns including ifMetric.
/// </summary>
public sealed class CliConsistencyTests
{
    private static TestNetns Lab()
    {
        var ns = AddressTestNetwork.WithVeth();
        ns.AddAddress("v0", "192.0.2.1/24");
        ns.AddAddress("v1", "198.51.100.1/24");
        return ns;
    }

    private static JsonElement Single(CliProcess.Result result) => Assert.Single(result.Json().EnumerateArray());

    [RootFact]
    public void RouteAdd_PrintsTheCreatedRow_AsIpRouteShowsIt()
    {
        using var ns = Lab();

        var row = Single(CliProcess.Run("route", "add", "203.0.113.0/24", "--next-hop", "192.0.2.9", "-i", "v0", "--metric", "7", "--json", "--netns", ns.Name));

        var route = Assert.Single(ns.IpJson("route", "show", "203.0.113.0/24").EnumerateArray());
        Assert.Equal("192.0.2.9", route.GetProperty("gateway").GetString());
        Assert.Equal("203.0.113.0/24", row.GetProperty("DestinationPrefix").GetString());
        Assert.Equal("192.0.2.9", row.GetProperty("NextHop").GetString());
        Assert.Equal(AddressTestNetwork.Index(ns, "v0"), row.GetProperty("InterfaceIndex").GetUInt32());
        Assert.Equal(7u, row.GetProperty("Metric").GetUInt32());
    }

    [RootFact]
    public void RouteSet_PrintsTheRowAfterTheChange()
    {
        using var ns = Lab();
        ns.Ip("route", "add", "203.0.113.0/24", "via", "192.0.2.9", "metric", "5");

        var row = Single(CliProcess.Run("route", "set", "203.0.113.0/24", "--next-hop", "192.0.2.9", "-i", "v0", "--metric", "9", "--json", "--netns", ns.Name));

        Assert.Equal(9, Assert.Single(ns.IpJson("route", "show", "203.0.113.0/24").EnumerateArray()).GetProperty("metric").GetInt32());
        Assert.Equal(9u, row.GetProperty("Metric").GetUInt32());
    }

    [RootFact]
    public void AddressAdd_PrintsTheCreatedRow()
    {
        using var ns = Lab();

        var row = Single(CliProcess.Run("address", "add", "203.0.113.7/24", "-i", "v1", "--json", "--netns", ns.Name));

        Assert.Equal(24, IpAddr.Find(ns, "v1", "203.0.113.7")!.PrefixLength);
        Assert.Equal("203.0.113.7", row.GetProperty("Address").GetString());
        Assert.Equal(24, row.GetProperty("OnLinkPrefixLength").GetInt32());
        Assert.Equal("Manual", row.GetProperty("PrefixOrigin").GetString());
    }

    [RootFact]
    public void NeighborAdd_PrintsTheCreatedRow()
    {
        using var ns = Lab();

        var row = Single(CliProcess.Run("neighbor", "add", "192.0.2.7", "-i", "v0", "--lladdr", "02:00:5e:00:00:07", "--json", "--netns", ns.Name));

        var entry = Assert.Single(ns.IpJson("neigh", "show", "192.0.2.7", "dev", "v0").EnumerateArray());
        Assert.Equal("02:00:5e:00:00:07", entry.GetProperty("lladdr").GetString());
        Assert.Equal("02:00:5e:00:00:07", row.GetProperty("PhysicalAddress").GetString());
        Assert.Equal("Permanent", row.GetProperty("State").GetString());
    }

    [RootTheory]
    [InlineData("route")]
    [InlineData("address")]
    [InlineData("neighbor")]
    [InlineData("multicast")]
    [InlineData("ipinterface")]
    public void ListWithInterface_HasOnlyThatInterfacesRows(string noun)
    {
        using var ns = Lab();
        ns.Ip("neigh", "add", "192.0.2.7", "lladdr", "02:00:5e:00:00:07", "dev", "v0");
        ns.Ip("neigh", "add", "198.51.100.7", "lladdr", "02:00:5e:00:00:08", "dev", "v1");
        var (v0, v1) = (AddressTestNetwork.Index(ns, "v0"), AddressTestNetwork.Index(ns, "v1"));

        var all = CliProcess.Run(noun, "list", "--json", "--netns", ns.Name).Json().EnumerateArray().ToArray();
        var filtered = CliProcess.Run(noun, "list", "-i", "v1", "--json", "--netns", ns.Name).Json().EnumerateArray().ToArray();

        Assert.Contains(all, r => r.GetProperty("InterfaceIndex").GetUInt32() == v0);
        Assert.Contains(all, r => r.GetProperty("InterfaceIndex").GetUInt32() == v1);
        Assert.NotEmpty(filtered);
        Assert.All(filtered, r => Assert.Equal(v1, r.GetProperty("InterfaceIndex").GetUInt32()));
    }

    [RootFact]
    public void RouteList_Text_HasGetNetRoutesColumns_WithTheInterfaceMetric()
    {
        using var ns = Lab();
        ns.Ip("route", "add", "203.0.113.0/24", "via", "192.0.2.9", "metric", "5");
        Assert.Equal(0, CliProcess.Run("ipinterface", "set", "v0", "--family", "ipv4", "--metric", "20", "--netns", ns.Name).ExitCode);

        var result = CliProcess.Run("route", "list", "--family", "ipv4", "--netns", ns.Name);

        Assert.Equal(0, result.ExitCode);
        var lines = result.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(["ifIndex", "DestinationPrefix", "NextHop", "RouteMetric", "ifMetric", "PolicyStore"], lines[0].Split(' ', StringSplitOptions.RemoveEmptyEntries));
        var cells = lines.Single(l => l.Contains("203.0.113.0/24", StringComparison.Ordinal)).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var kernelMetric = Assert.Single(ns.IpJson("route", "show", "203.0.113.0/24").EnumerateArray()).GetProperty("metric").GetUInt32();
        Assert.Equal("20", cells[4]);
        Assert.Equal(kernelMetric, uint.Parse(cells[3], System.Globalization.CultureInfo.InvariantCulture) + 20);
    }

    [RootFact]
    public void RouteGet_TakesDashSForTheSource_LikeNeighborResolveAndPathShow()
    {
        using var ns = Lab();

        var result = CliProcess.Run("route", "get", "192.0.2.50", "-s", "192.0.2.1", "--json", "--netns", ns.Name).Json();

        Assert.Equal("192.0.2.1", result.GetProperty("BestSourceAddress").GetString());
    }
}
