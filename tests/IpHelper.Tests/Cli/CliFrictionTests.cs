using System.Text;
using IpHelper.Tests.Kernel.Addresses;
using IpHelper.Tests.Kernel.Infrastructure;
using Xunit;

namespace IpHelper.Tests.Cli;

/// <summary>The frictions a new user met, each fixed or explained where it happens.</summary>
public sealed class CliFrictionTests
{
    private static TestNetns Lab()
    {
        var ns = AddressTestNetwork.WithVeth();
        ns.AddAddress("v0", "192.0.2.10/24");
        return ns;
    }

    [Fact]
    public void NegativeMetric_SaysWhatANumberMayBe_NotADotNetTypeName()
    {
        var result = CliProcess.Run("route", "add", "203.0.113.0/24", "-i", "lo", "--metric", "-5");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("Cannot parse argument '-5' for option '--metric' as a whole number from 0 to 4294967295", result.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("System.", result.Stderr, StringComparison.Ordinal);
    }

    [RootFact]
    public void PrefixWithHostBits_IsAUsageError_LikeALengthOutOfRange()
    {
        using var ns = Lab();

        var hostBits = CliProcess.Run("route", "add", "203.0.113.1/24", "-i", "v0", "-n", ns.Name);
        var tooLong = CliProcess.Run("route", "add", "203.0.113.0/33", "-i", "v0", "-n", ns.Name);

        Assert.Equal(2, hostBits.ExitCode);
        Assert.Equal(2, tooLong.ExitCode);
        Assert.Contains("'203.0.113.1/24' has bits set beyond its prefix length (the network is 203.0.113.0/24)", hostBits.Stderr, StringComparison.Ordinal);
        Assert.Equal(0, ns.IpJson("route", "show", "203.0.113.0/24").GetArrayLength());
    }

    [RootFact]
    public void AddressOfTheOtherFamilyThanAskedFor_IsRefused_AndNothingIsAdded()
    {
        using var ns = Lab();

        var result = CliProcess.Run("address", "add", "2001:db8::5/64", "-i", "v0", "--family", "ipv4", "-n", ns.Name);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("'2001:db8::5/64' is IPv6 but IPv4 (-4, --family ipv4) was asked for", result.Stderr, StringComparison.Ordinal);
        Assert.Equal(0, ns.IpJson("address", "show", "to", "2001:db8::5").EnumerateArray().Sum(l => l.GetProperty("addr_info").GetArrayLength()));
    }

    [RootFact]
    public void RouteDelete_WithoutInterface_DeletesTheOneRoute_AndNamesTheInterfacesWhenSeveral()
    {
        using var ns = Lab();
        ns.AddAddress("v1", "192.0.2.11/24");
        ns.Ip("route", "add", "198.51.100.0/24", "via", "192.0.2.1", "dev", "v0");
        ns.Ip("route", "add", "203.0.113.0/24", "via", "192.0.2.1", "dev", "v0");
        ns.Ip("route", "add", "203.0.113.0/24", "via", "192.0.2.1", "dev", "v1", "metric", "10");

        var unique = CliProcess.Run("route", "delete", "198.51.100.0/24", "via", "192.0.2.1", "-n", ns.Name);
        var ambiguous = CliProcess.Run("route", "delete", "203.0.113.0/24", "--next-hop", "192.0.2.1", "-n", ns.Name);

        Assert.True(unique.ExitCode == 0, unique.Stderr);
        Assert.Equal(0, ns.IpJson("route", "show", "198.51.100.0/24").GetArrayLength());
        Assert.Equal(2, ambiguous.ExitCode);
        Assert.Contains("exist on interfaces", ambiguous.Stderr, StringComparison.Ordinal);
        Assert.Contains("say which with --interface", ambiguous.Stderr, StringComparison.Ordinal);
        Assert.Equal(2, ns.IpJson("route", "show", "203.0.113.0/24").GetArrayLength());
    }

    [RootFact]
    public void BatchDuplicate_IsSaidAsTheSingleAddSaysIt()
    {
        using var ns = Lab();
        ns.Ip("route", "add", "198.51.100.0/24", "via", "192.0.2.1", "dev", "v0");

        var result = CliProcess.RunWithInput(Encoding.UTF8.GetBytes("198.51.100.0/24 via 192.0.2.1 dev v0\n"), "route", "add", "--batch", "-", "-n", ns.Name);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("iphelper: line 1: ObjectAlreadyExists (5010): a route to 198.51.100.0/24 via 192.0.2.1 exists on that interface", result.Stderr, StringComparison.Ordinal);
    }

    [RootFact]
    public void InterfaceIdentifier_ReadsAsTheLinkLocalAddressEndsIt_AndMacsAreWrittenOneWay()
    {
        using var ns = Lab();
        var linkLocal = ns.IpJson("-6", "address", "show", "dev", "v0", "scope", "link")[0].GetProperty("addr_info")[0].GetProperty("local").GetString()!;
        var mac = ns.IpJson("link", "show", "v0")[0].GetProperty("address").GetString()!;

        var show = CliProcess.Run("ipinterface", "show", "v0", "-6", "-n", ns.Name);
        var list = CliProcess.Run("interface", "list", "-n", ns.Name);
        var single = CliProcess.Run("interface", "show", "v0", "-n", ns.Name);

        var identifier = show.Stdout.Split('\n').Single(l => l.StartsWith("InterfaceIdentifier", StringComparison.Ordinal)).Split(" : ")[1].Trim();
        Assert.EndsWith("::" + identifier, linkLocal, StringComparison.Ordinal);
        Assert.Contains(mac, list.Stdout, StringComparison.Ordinal);
        Assert.Contains(mac, single.Stdout, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("route list", "PolicyStore is always ActiveStore: Linux has no persistent store")]
    [InlineData("route list", "ifMetric is the interface metric IpHelper keeps for Linux")]
    [InlineData("ipinterface set", "Linux has none: IpHelper records it under /run/iphelper")]
    public void WindowsFaithfulSurprises_AreExplainedInTheHelp(string command, string explanation)
    {
        var result = CliProcess.Run([.. command.Split(' '), "--help"]);

        Assert.Equal(0, result.ExitCode);
        Assert.Contains(explanation, System.Text.RegularExpressions.Regex.Replace(result.Stdout, @"\s+", " "), StringComparison.Ordinal);
    }
}
