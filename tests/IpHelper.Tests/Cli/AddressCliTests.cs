using System.Net;
using System.Text.Json;
using IpHelper.Tests.Kernel.Addresses;
using IpHelper.Tests.Kernel.Infrastructure;
using IpHelper.Tests.Reliability.Privileges;
using Xunit;

namespace IpHelper.Tests.Cli;

/// <summary>
/// `iphelper address | anycast | multicast | sort` run as a process against <c>ip -j</c>, and as the
/// unprivileged user nobody: reads give what root gets, writes fail with AccessDenied and change nothing.
/// </summary>
public sealed class AddressCliTests
{
    private static JsonElement Json(params string[] args) => CliProcess.Run(args).Json();

    [RootFact]
    public void AddressList_Json_HasEveryAddressOfIpAddr()
    {
        using var ns = AddressTestNetwork.WithVeth();
        ns.AddAddress("v0", "192.0.2.1/24");
        ns.AddAddress("v0", "2001:db8::1/64", "valid_lft", "300", "preferred_lft", "0");

        var rows = Json("address", "list", "--json", "--netns", ns.Name).EnumerateArray().ToArray();

        var oracle = IpAddr.Read(ns);
        Assert.Equal(oracle.Count, rows.Length);
        var v6 = Assert.Single(rows, r => r.GetProperty("Address").GetString() == "2001:db8::1");
        Assert.Equal(64, v6.GetProperty("OnLinkPrefixLength").GetInt32());
        Assert.Equal("Deprecated", v6.GetProperty("DadState").GetString());
        Assert.Equal("Dhcp", v6.GetProperty("PrefixOrigin").GetString());
        Assert.InRange(v6.GetProperty("ValidLifetime").GetUInt32(), 299u, 300u);
        var linkLocal = rows.Single(r => r.GetProperty("Address").GetString()!.StartsWith("fe80::", StringComparison.Ordinal)
            && r.GetProperty("InterfaceIndex").GetUInt32() == AddressTestNetwork.Index(ns, "v0"));
        Assert.EndsWith($"%{AddressTestNetwork.Index(ns, "v0")}", linkLocal.GetProperty("Address").GetString(), StringComparison.Ordinal);
    }

    [RootFact]
    public void AddressAddSetDelete_ChangeWhatIpAddrShows()
    {
        using var ns = AddressTestNetwork.WithVeth();

        Assert.Equal(0, CliProcess.Run("address", "add", "198.51.100.7/24", "--interface", "v0", "--valid-lifetime", "600", "--netns", ns.Name).ExitCode);
        var added = IpAddr.Find(ns, "v0", "198.51.100.7")!;
        Assert.Equal(24, added.PrefixLength);
        Assert.InRange(added.Valid, 599u, 600u);

        Assert.Equal(0, CliProcess.Run("address", "set", "198.51.100.7", "--preferred-lifetime", "0", "--netns", ns.Name).ExitCode);
        Assert.True(IpAddr.Find(ns, "v0", "198.51.100.7")!.Has("deprecated"));

        var again = CliProcess.Run("address", "add", "198.51.100.7/24", "--interface", "v0", "--netns", ns.Name);
        Assert.Equal(1, again.ExitCode);
        Assert.StartsWith("iphelper: ObjectAlreadyExists (5010):", again.Stderr, StringComparison.Ordinal);

        Assert.Equal(0, CliProcess.Run("address", "delete", "198.51.100.7", "--netns", ns.Name).ExitCode);
        Assert.Null(IpAddr.Find(ns, "v0", "198.51.100.7"));
    }

    [RootFact]
    public void MulticastList_Json_HasTheGroupsOfIpMaddr()
    {
        using var ns = AddressTestNetwork.WithVeth();

        var rows = Json("multicast", "list", "--json", "--netns", ns.Name).EnumerateArray()
            .Select(r => ((int)r.GetProperty("InterfaceIndex").GetUInt32(), IPAddress.Parse(r.GetProperty("Address").GetString()!.Split('%')[0]).ToString()))
            .ToHashSet();

        Assert.Equal(ProcMemberships.IpMaddr(ns), rows);
    }

    [RootFact]
    public void Sort_Json_PairsEachDestinationWithItsSource()
    {
        using var ns = AddressTestNetwork.WithVeth();
        ns.AddAddress("v0", "198.51.100.1/24");
        ns.AddAddress("v0", "2001:db8:1::1/64");

        var pairs = Json("sort", "198.51.100.2", "2001:db8:1::2", "--json", "--netns", ns.Name).EnumerateArray().ToArray();

        Assert.Equal(2, pairs.Length);
        Assert.Equal("2001:db8:1::2", pairs[0].GetProperty("DestinationAddress").GetString());
        Assert.Equal("2001:db8:1::1", pairs[0].GetProperty("SourceAddress").GetString());
        Assert.Equal("::ffff:198.51.100.2", pairs[1].GetProperty("DestinationAddress").GetString());
        Assert.Equal("::ffff:198.51.100.1", pairs[1].GetProperty("SourceAddress").GetString());
    }

    [RootTheory]
    [InlineData("--json", "address", "list")]
    [InlineData("address", "list")]
    [InlineData("--json", "address", "show", "192.0.2.1")]
    [InlineData("--json", "multicast", "list")]
    [InlineData("--json", "anycast", "list")]
    [InlineData("--json", "sort", "192.0.2.9", "2001:db8::9", "fe80::9")]
    public void Read_AsNobody_GivesWhatRootGets(params string[] args)
    {
        using var ns = AddressTestNetwork.WithVeth();
        ns.AddAddress("v0", "192.0.2.1/24");
        ns.AddAddress("v0", "2001:db8::1/64");

        var root = UnprivilegedCli.RunAsRoot(ns, args);
        var nobody = UnprivilegedCli.RunAsNobody(ns, args);

        Assert.Equal(0, root.ExitCode);
        Assert.Equal(root.Stdout, nobody.Stdout);
        Assert.Equal(root.ExitCode, nobody.ExitCode);
    }

    [RootFact]
    public void Writes_AsNobody_AreDeniedAndChangeNothing()
    {
        using var ns = AddressTestNetwork.WithVeth();
        ns.AddAddress("v0", "192.0.2.1/24");
        ns.AddAddress("v0", "2001:db8::1/64", "nodad"); // no DAD: its end would change the snapshot under the test
        string Addresses() => ns.Ip("-j", "address", "show");
        string Anycast() => ns.Exec("cat", "/proc/net/anycast6");

        UnprivilegedCli.AssertWriteDenied(ns, ["address", "add", "198.51.100.1/24", "--interface", "v0"], Addresses);
        UnprivilegedCli.AssertWriteDenied(ns, ["address", "set", "192.0.2.1", "--preferred-lifetime", "0"], Addresses);
        UnprivilegedCli.AssertWriteDenied(ns, ["address", "delete", "192.0.2.1"], Addresses);
        UnprivilegedCli.AssertWriteDenied(ns, ["anycast", "add", "2001:db8::99", "--interface", "v0"], Anycast);
    }
}
