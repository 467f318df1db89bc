using System.Net;
using IpHelper.Linux;
using IpHelper.Linux.Proc;
using Xunit;

namespace IpHelper.Tests.Unit.Addresses;

/// <summary>The /proc/net membership files as a 6.18 kernel writes them (copied from a namespace with a veth and loopback).</summary>
public sealed class ProcNetMembershipsTests
{
    private const string Igmp =
        "Idx\tDevice    : Count Querier\tGroup    Users Timer\tReporter\n" +
        "1\tlo        :     1      V3\n" +
        "\t\t\t\t010000E0     1 0:00000000\t\t0\n" +
        "2\tv0        :     2      V3\n" +
        "\t\t\t\t030201EF     1 0:00000000\t\t0\n" +
        "\t\t\t\t010000E0     1 0:00000000\t\t0\n";

    private const string Igmp6 =
        "1    lo              ff020000000000000000000000000001     1 0000000C 0\n" +
        "2    v0              ff0200000000000000000001ff947e6a     1 00000004 0\n" +
        "2    v0              ff010000000000000000000000000001     1 00000008 0\n";

    private const string Anycast6 =
        "2    v0              fe800000000000000000000000000000     1\n" +
        "2    v0              20010db8000100000000000000000000     4\n";

    [Fact]
    public void ParseIgmp_GroupsInHostByteOrder_BecomeAddresses()
    {
        var memberships = new List<Membership>();

        ProcNetMemberships.ParseIgmp(Igmp, memberships);

        Assert.Equal([(1, "224.0.0.1"), (2, "239.1.2.3"), (2, "224.0.0.1")], memberships.Select(Text));
    }

    [Fact]
    public void ParseIpv6_Igmp6_GivesIndexAndGroup()
    {
        var memberships = new List<Membership>();

        ProcNetMemberships.ParseIpv6(Igmp6, memberships);

        Assert.Equal([(1, "ff02::1"), (2, "ff02::1:ff94:7e6a"), (2, "ff01::1")], memberships.Select(Text));
    }

    [Fact]
    public void ParseIpv6_Anycast6_GivesIndexAndAddress()
    {
        var memberships = new List<Membership>();

        ProcNetMemberships.ParseIpv6(Anycast6, memberships);

        Assert.Equal([(2, "fe80::"), (2, "2001:db8:1::")], memberships.Select(Text));
    }

    [Fact]
    public void Parse_GarbageLines_AreSkipped()
    {
        var memberships = new List<Membership>();

        ProcNetMemberships.ParseIpv6("x y z\n2 v0 nothex\n\n", memberships);
        ProcNetMemberships.ParseIgmp("\t\t\t\tZZZZ 1\n", memberships);

        Assert.Empty(memberships);
    }

    private static (int, string) Text(Membership m) => (m.Index, new IPAddress(m.Address).ToString());
}
