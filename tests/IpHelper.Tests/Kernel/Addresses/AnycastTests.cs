using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using IpHelper.Linux;
using IpHelper.Tests.Cli;
using IpHelper.Tests.Kernel.Infrastructure;
using Xunit;
using static IpHelper.NetIo;

namespace IpHelper.Tests.Kernel.Addresses;

/// <summary>
/// The anycast functions against /proc/net/anycast6, and the lifetime model: an anycast address
/// IpHelper adds lives until Delete or until the process that added it exits.
/// </summary>
public sealed class AnycastTests
{
    [RootFact]
    public void Create_Address_AppearsInTheKernelListUntilDelete()
    {
        using var ns = AddressTestNetwork.WithVeth();
        ns.AddAddress("v0", "2001:db8:1::1/64");
        var index = (int)AddressTestNetwork.Index(ns, "v0");
        var row = Row(ns, "2001:db8:1::99");

        Succeeds(ns, () => CreateAnycastIpAddressEntry(row));
        try
        {
            Assert.Contains((index, "2001:db8:1::99"), ProcMemberships.Ipv6(ns, "anycast6"));
            var read = row with { InterfaceLuid = default };
            Succeeds(ns, () => GetAnycastIpAddressEntry(ref read));
            Assert.Equal((uint)index, read.InterfaceIndex);
            Assert.NotEqual(0ul, read.InterfaceLuid.Value);
        }
        finally
        {
            Succeeds(ns, () => DeleteAnycastIpAddressEntry(row));
        }

        Assert.DoesNotContain((index, "2001:db8:1::99"), ProcMemberships.Ipv6(ns, "anycast6"));
    }

    [RootFact]
    public void Table_EveryEntry_MatchesProcNetAnycast6OnBothPaths()
    {
        using var ns = AddressTestNetwork.WithVeth();
        ns.AddAddress("v0", "2001:db8:1::1/64");
        ns.AddAddress("v1", "2001:db8:2::1/64");
        // A forwarding interface joins the subnet-router anycast address of each of its prefixes.
        ns.SetSysctl("net.ipv6.conf.all.forwarding", "1");
        var expected = ProcMemberships.Ipv6(ns, "anycast6");
        Assert.Contains((int)AddressTestNetwork.Index(ns, "v0"), expected.Select(e => e.Index));

        foreach (var source in new[] { MembershipSource.Auto, MembershipSource.Netlink, MembershipSource.Proc })
        {
            var rows = Table(ns, AddressFamily.Unspecified, source);
            Assert.Equal(expected, rows.Select(r => ((int)r.InterfaceIndex, Strip(r.Address))).ToHashSet());
            Assert.All(rows, r => Assert.Equal(r.Address.IsIPv6LinkLocal ? r.InterfaceIndex : 0, r.ScopeId.Value));
        }
    }

    [RootFact]
    public void Table_Ipv4_IsEmpty()
    {
        using var ns = AddressTestNetwork.WithVeth();
        ns.SetSysctl("net.ipv6.conf.all.forwarding", "1");

        Assert.Empty(Table(ns, AddressFamily.InterNetwork, MembershipSource.Auto));
        Assert.NotEmpty(Table(ns, AddressFamily.InterNetworkV6, MembershipSource.Auto));
    }

    [RootFact]
    public void Create_Twice_IsObjectAlreadyExists()
    {
        using var ns = AddressTestNetwork.WithVeth();
        ns.AddAddress("v0", "2001:db8:1::1/64");
        var row = Row(ns, "2001:db8:1::99");
        Succeeds(ns, () => CreateAnycastIpAddressEntry(row));
        try
        {
            Rejected(ns, NetIoStatus.ObjectAlreadyExists, () => CreateAnycastIpAddressEntry(row));
        }
        finally
        {
            Succeeds(ns, () => DeleteAnycastIpAddressEntry(row));
        }
    }

    [RootFact]
    public void Delete_KernelHeldSubnetRouterAnycast_IsNotSupported()
    {
        using var ns = AddressTestNetwork.WithVeth();
        ns.AddAddress("v0", "2001:db8:1::1/64");
        ns.SetSysctl("net.ipv6.conf.all.forwarding", "1");

        Rejected(ns, NetIoStatus.NotSupported, () => DeleteAnycastIpAddressEntry(Row(ns, "2001:db8:1::")));
    }

    [RootFact]
    public void Delete_AddressNotJoined_IsNotFound()
    {
        using var ns = AddressTestNetwork.WithVeth();
        ns.AddAddress("v0", "2001:db8:1::1/64");

        Rejected(ns, NetIoStatus.NotFound, () => DeleteAnycastIpAddressEntry(Row(ns, "2001:db8:1::99")));
        Rejected(ns, NetIoStatus.NotFound, () => DeleteAnycastIpAddressEntry(Row(ns, "2001:db8:1::99") with { InterfaceIndex = 9999 }));
    }

    [RootFact]
    public void Ipv4_IsNotSupported()
    {
        using var ns = AddressTestNetwork.WithVeth();
        ns.AddAddress("v0", "192.0.2.1/24");
        var row = Row(ns, "192.0.2.99");

        Rejected(ns, NetIoStatus.NotSupported, () => CreateAnycastIpAddressEntry(row));
        Rejected(ns, NetIoStatus.NotSupported, () => DeleteAnycastIpAddressEntry(row));
        Rejected(ns, NetIoStatus.NotSupported, () => GetAnycastIpAddressEntry(ref row));
    }

    [RootFact]
    public void Create_InvalidRows_AreInvalidParameterOrNotFound()
    {
        using var ns = AddressTestNetwork.WithVeth();
        ns.AddAddress("v0", "2001:db8:1::1/64");
        var row = Row(ns, "2001:db8:1::99");

        Rejected(ns, NetIoStatus.InvalidParameter, () => CreateAnycastIpAddressEntry(row with { Address = Parse("ff02::99") }));
        Rejected(ns, NetIoStatus.InvalidParameter, () => CreateAnycastIpAddressEntry(row with { Address = Parse("::") }));
        Rejected(ns, NetIoStatus.InvalidParameter, () => CreateAnycastIpAddressEntry(row with { Address = default }));
        Rejected(ns, NetIoStatus.InvalidParameter, () => CreateAnycastIpAddressEntry(row with { InterfaceIndex = 0 }));
        // The interface's own unicast address cannot also be anycast (EINVAL).
        Rejected(ns, NetIoStatus.InvalidParameter, () => CreateAnycastIpAddressEntry(row with { Address = Parse("2001:db8:1::1") }));
        // A host may only join anycast addresses of its on-link prefixes (EADDRNOTAVAIL).
        Rejected(ns, NetIoStatus.InvalidParameter, () => CreateAnycastIpAddressEntry(row with { Address = Parse("2001:db8:7::99") }));
        Rejected(ns, NetIoStatus.NotFound, () => CreateAnycastIpAddressEntry(row with { InterfaceIndex = 9999 }));
    }

    [RootFact]
    public void GetEntry_Errors_FollowTheWindowsCodes()
    {
        using var ns = AddressTestNetwork.WithVeth();
        ns.AddAddress("v0", "2001:db8:1::1/64");
        var row = Row(ns, "2001:db8:1::99");

        Rejected(ns, NetIoStatus.NotFound, () => GetAnycastIpAddressEntry(ref row));
        var unknown = row with { InterfaceIndex = 9999 };
        Rejected(ns, NetIoStatus.FileNotFound, () => GetAnycastIpAddressEntry(ref unknown));
        var bad = row with { Address = default };
        Rejected(ns, NetIoStatus.InvalidParameter, () => GetAnycastIpAddressEntry(ref bad));
        using (ns.Enter()) Assert.Equal(NetIoStatus.InvalidParameter, GetAnycastIpAddressTable((AddressFamily)21, out _));
    }

    [RootFact]
    public void Create_WithoutNetAdmin_IsAccessDenied()
    {
        using var ns = AddressTestNetwork.WithVeth();
        ns.AddAddress("v0", "2001:db8:1::1/64");
        var row = Row(ns, "2001:db8:1::99");

        var status = NetAdmin.RunWithout(() =>
        {
            using (ns.Enter()) return CreateAnycastIpAddressEntry(row);
        });

        Assert.Equal(NetIoStatus.AccessDenied, status);
        Assert.DoesNotContain("2001:db8:1::99", ProcMemberships.Ipv6(ns, "anycast6").Select(e => e.Address));
    }

    [RootFact]
    public void Create_FromAProcessThatExits_EndsWithTheProcess()
    {
        using var ns = AddressTestNetwork.WithVeth();
        ns.AddAddress("v0", "2001:db8:1::1/64");
        var entry = ((int)AddressTestNetwork.Index(ns, "v0"), "2001:db8:1::99");
        var start = new ProcessStartInfo("dotnet") { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var argument in new[] { CliProcess.DllPath, "anycast", "add", "2001:db8:1::99", "--interface", "v0", "--netns", ns.Name }) start.ArgumentList.Add(argument);

        using var process = Process.Start(start)!;
        try
        {
            ProcMemberships.WaitUntil(() => ProcMemberships.Ipv6(ns, "anycast6").Contains(entry) || process.HasExited, "the CLI never joined", 60);
            Assert.False(process.HasExited, process.HasExited ? process.StandardError.ReadToEnd() : "");
        }
        finally
        {
            process.Kill();
            process.WaitForExit();
        }

        ProcMemberships.WaitUntil(() => !ProcMemberships.Ipv6(ns, "anycast6").Contains(entry), "the membership outlived its process");
    }

    private static MibAnycastIpAddressRow Row(TestNetns ns, string address) =>
        new() { Address = Parse(address), InterfaceIndex = AddressTestNetwork.Index(ns, "v0") };

    private static SockAddrInet Parse(string address) => SockAddrInet.FromIPAddress(IPAddress.Parse(address));

    private static string Strip(SockAddrInet address) => new IPAddress(address.ToIPAddress()!.GetAddressBytes()).ToString();

    private static List<MibAnycastIpAddressRow> Table(TestNetns ns, AddressFamily family, MembershipSource source)
    {
        using (ns.Enter())
        {
            LinuxBackend.MembershipSourceOverride = source;
            try
            {
                Assert.Equal(NetIoStatus.Success, GetAnycastIpAddressTable(family, out var table));
                using (table) return [.. table!];
            }
            finally
            {
                LinuxBackend.MembershipSourceOverride = MembershipSource.Auto;
            }
        }
    }

    private delegate NetIoStatus Call();

    private static void Succeeds(TestNetns ns, Call call)
    {
        NetIoStatus status;
        using (ns.Enter()) status = call();
        Assert.True(status == NetIoStatus.Success, $"{status}: {LastErrorDetail}");
    }

    private static void Rejected(TestNetns ns, NetIoStatus expected, Call call)
    {
        var before = ProcMemberships.Ipv6(ns, "anycast6");
        NetIoStatus status;
        using (ns.Enter()) status = call();
        Assert.Equal(expected, status);
        Assert.Equal(before, ProcMemberships.Ipv6(ns, "anycast6"));
    }
}
