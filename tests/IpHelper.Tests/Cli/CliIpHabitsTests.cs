using System.Text.Json;
using IpHelper.Tests.Kernel.Addresses;
using IpHelper.Tests.Kernel.Infrastructure;
using Xunit;

namespace IpHelper.Tests.Cli;

/// <summary>What a user of ip(8) types works: its words, -4/-6/-j, `list` as the default verb, %ifname scopes.</summary>
public sealed class CliIpHabitsTests
{
    private static TestNetns Lab()
    {
        var ns = AddressTestNetwork.WithVeth();
        ns.AddAddress("v0", "192.0.2.10/24");
        ns.AddAddress("v0", "2001:db8:1::10/64", "nodad");
        return ns;
    }

    [RootFact]
    public void RouteAdd_WithIpWords_CreatesTheRouteIpDescribes()
    {
        using var ns = Lab();

        var result = CliProcess.Run("route", "add", "198.51.100.0/24", "via", "192.0.2.1", "dev", "v0", "metric", "7", "proto", "Bgp", "table", "100", "-n", ns.Name);

        Assert.True(result.ExitCode == 0, result.Stderr);
        var route = Assert.Single(ns.IpJson("-4", "route", "show", "table", "100", "198.51.100.0/24").EnumerateArray());
        Assert.Equal("192.0.2.1", route.GetProperty("gateway").GetString());
        Assert.Equal("v0", route.GetProperty("dev").GetString());
        Assert.Equal("bgp", route.GetProperty("protocol").GetString());
        Assert.Equal(0, ns.IpJson("-4", "route", "show", "table", "main", "198.51.100.0/24").GetArrayLength());
    }

    [RootFact]
    public void NeighborAdd_WithLladdrAndDev_CreatesTheNeighbour()
    {
        using var ns = Lab();

        var result = CliProcess.Run("neighbor", "add", "192.0.2.7", "lladdr", "02:00:5e:00:00:07", "dev", "v0", "-n", ns.Name);
        var stale = CliProcess.Run("neigh", "add", "192.0.2.8", "lladdr", "02:00:5e:00:00:08", "dev", "v0", "nud", "stale", "router", "-n", ns.Name);

        Assert.True(result.ExitCode == 0, result.Stderr);
        Assert.True(stale.ExitCode == 0, stale.Stderr);
        var neighbour = Assert.Single(ns.IpJson("neigh", "show", "dev", "v0", "to", "192.0.2.7").EnumerateArray());
        Assert.Equal("02:00:5e:00:00:07", neighbour.GetProperty("lladdr").GetString());
        var router = Assert.Single(ns.IpJson("neigh", "show", "dev", "v0", "to", "192.0.2.8").EnumerateArray());
        Assert.Equal("STALE", Assert.Single(router.GetProperty("state").EnumerateArray()).GetString());
        Assert.True(router.TryGetProperty("router", out _));
    }

    [RootFact]
    public void NounWithoutAVerb_Lists_AndShortFamilyAndJsonOptionsAreTheLongOnes()
    {
        using var ns = Lab();

        var habit = CliProcess.Run("route", "-4", "-j", "-n", ns.Name);
        var spelled = CliProcess.Run("route", "list", "--family", "ipv4", "--json", "-n", ns.Name);
        var v6 = CliProcess.Run("-n", ns.Name, "address", "-6", "-j");

        Assert.True(habit.ExitCode == 0, habit.Stderr);
        Assert.Equal(spelled.Stdout, habit.Stdout);
        Assert.Contains("192.0.2.0/24", habit.Stdout, StringComparison.Ordinal);
        Assert.All(v6.Json().EnumerateArray(), row => Assert.Contains(':', row.GetProperty("Address").GetString()!));
    }

    [Fact]
    public void NounWithoutAVerb_AndHelp_ShowsTheNounsHelp()
    {
        var result = CliProcess.Run("route", "--help");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("iphelper route [command] [options]", result.Stdout, StringComparison.Ordinal);
    }

    [RootFact]
    public void RouteGet_LinkLocalWithInterfaceNameScope_IsTheNumericScope()
    {
        using var ns = Lab();
        var index = ns.IpJson("link", "show", "v0")[0].GetProperty("ifindex").GetUInt32();

        var byName = CliProcess.Run("route", "get", "fe80::1%v0", "-j", "-n", ns.Name).Json();
        var byIndex = CliProcess.Run("route", "get", $"fe80::1%{index}", "-j", "-n", ns.Name).Json();

        Assert.Equal(index, byName.GetProperty("BestRoute").GetProperty("InterfaceIndex").GetUInt32());
        Assert.Equal(byIndex.GetRawText(), byName.GetRawText());
    }

    [RootFact]
    public void UnknownScopeName_IsNotAnAddress()
    {
        using var ns = Lab();

        var result = CliProcess.Run("route", "get", "fe80::1%nosuch0", "-n", ns.Name);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("'fe80::1%nosuch0' is not an IP address", result.Stderr, StringComparison.Ordinal);
    }

    [RootFact]
    public void RouteAddDefault_IsTheDefaultRouteOfTheNextHopsFamily()
    {
        using var ns = Lab();

        var v4 = CliProcess.Run("route", "add", "default", "via", "192.0.2.1", "dev", "v0", "-n", ns.Name);
        var v6 = CliProcess.Run("route", "add", "default", "via", "2001:db8:1::1", "-n", ns.Name);
        var shown = CliProcess.Run("route", "show", "default", "-j", "-n", ns.Name);

        Assert.True(v4.ExitCode == 0, v4.Stderr);
        Assert.True(v6.ExitCode == 0, v6.Stderr);
        Assert.Equal("192.0.2.1", Assert.Single(ns.IpJson("-4", "route", "show", "default").EnumerateArray()).GetProperty("gateway").GetString());
        Assert.Equal("2001:db8:1::1", Assert.Single(ns.IpJson("-6", "route", "show", "default").EnumerateArray()).GetProperty("gateway").GetString());
        Assert.Equal("0.0.0.0/0", Assert.Single(shown.Json().EnumerateArray()).GetProperty("DestinationPrefix").GetString());
    }

    [RootFact]
    public void RouteBatch_ReadsIpBatchLines_AndRefusesWhatItCannotDo()
    {
        using var ns = Lab();
        var input = string.Join('\n',
            "route add 198.51.100.0/26 via 192.0.2.1 dev v0 proto bgp metric 5",
            "route append 198.51.100.64/26 via 192.0.2.1 table main",
            "default via 2001:db8:1::1 expires 600",
            "route del 203.0.113.0/24 dev v0",
            "203.0.113.64/26 via 192.0.2.1 table 100",
            "route replace 203.0.113.128/26 via 192.0.2.1") + "\n";

        var result = CliProcess.RunWithInput(System.Text.Encoding.UTF8.GetBytes(input), "route", "add", "--batch", "-", "-n", ns.Name);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("created 3 of 6 routes", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("line 4: InvalidParameter (87): 'route del': a batch only creates routes", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("line 5: InvalidParameter (87): 'table 100': a batch writes to one table", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("line 6: InvalidParameter (87): 'route replace'", result.Stderr, StringComparison.Ordinal);
        var bgp = Assert.Single(ns.IpJson("-4", "route", "show", "198.51.100.0/26").EnumerateArray());
        Assert.Equal("bgp", bgp.GetProperty("protocol").GetString());
        Assert.Equal(5, bgp.GetProperty("metric").GetInt32());
        Assert.Single(ns.IpJson("-4", "route", "show", "198.51.100.64/26").EnumerateArray());
        Assert.True(Assert.Single(ns.IpJson("-6", "route", "show", "default").EnumerateArray()).TryGetProperty("expires", out _));
        Assert.Equal(0, ns.IpJson("-4", "route", "show", "table", "all", "203.0.113.0/24", "root", "203.0.113.0/24").GetArrayLength());
    }

    public static TheoryData<string[], string[]> IpAbbreviations => new()
    {
        { ["r", "-j"], ["route", "list", "--json"] },
        { ["ro", "sh", "-j"], ["route", "list", "--json"] },
        { ["route", "ls", "-j"], ["route", "list", "--json"] },
        { ["route", "show", "table", "all", "-j"], ["route", "list", "--table", "all", "--json"] },
        { ["r", "g", "198.51.100.1", "-j"], ["route", "get", "198.51.100.1", "--json"] },
        { ["a", "sh", "dev", "v0", "-4", "-j"], ["address", "list", "--interface", "v0", "--family", "ipv4", "--json"] },
        { ["address", "show", "-4", "-j"], ["address", "list", "--family", "ipv4", "--json"] },
        { ["n", "-4"], ["neighbor", "list", "--family", "ipv4"] },
        { ["l"], ["interface", "list"] },
        { ["l", "sh"], ["interface", "list"] },
        { ["a", "show", "192.0.2.10", "-j"], ["address", "show", "192.0.2.10", "--json"] },
        { ["m", "-4", "-j"], ["multicast", "list", "--family", "ipv4", "--json"] },
    };

    [RootTheory]
    [MemberData(nameof(IpAbbreviations))]
    public void IpAbbreviation_IsTheCommandItAbbreviates(string[] habit, string[] spelled)
    {
        using var ns = Lab();
        ns.Ip("route", "add", "198.51.100.0/24", "via", "192.0.2.1", "dev", "v0");
        ns.Ip("neigh", "add", "192.0.2.7", "lladdr", "02:00:5e:00:00:07", "dev", "v0");

        var typed = CliProcess.Run([.. habit, "-n", ns.Name]);
        var meant = CliProcess.Run([.. spelled, "-n", ns.Name]);

        Assert.True(typed.ExitCode == 0, typed.Stderr);
        Assert.True(meant.ExitCode == 0, meant.Stderr);
        Assert.NotEqual("", meant.Stdout);
        Assert.Equal(meant.Stdout, typed.Stdout);
    }

    [RootFact]
    public void AddressDelete_WithIpsLength_DeletesOnlyWhenTheLengthIsTheAddresss()
    {
        using var ns = Lab();

        var wrong = CliProcess.Run("address", "del", "192.0.2.10/16", "dev", "v0", "-n", ns.Name);
        var stillThere = Ipv4Addresses(ns);
        var right = CliProcess.Run("address", "del", "192.0.2.10/24", "dev", "v0", "-n", ns.Name);

        Assert.Equal(1, wrong.ExitCode);
        Assert.Contains("NotFound (1168): 192.0.2.10 has prefix length 24, not 16", wrong.Stderr, StringComparison.Ordinal);
        Assert.Equal(1, stillThere);
        Assert.True(right.ExitCode == 0, right.Stderr);
        Assert.Equal(0, Ipv4Addresses(ns));
    }

    private static int Ipv4Addresses(TestNetns ns) =>
        ns.IpJson("-4", "address", "show", "dev", "v0").EnumerateArray().Sum(link => link.GetProperty("addr_info").GetArrayLength());
}
