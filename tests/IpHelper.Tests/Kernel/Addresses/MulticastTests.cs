using System.Net;
using System.Net.Sockets;
using IpHelper.Linux;
using IpHelper.Tests.Kernel.Infrastructure;
using Xunit;
using static IpHelper.NetIo;

namespace IpHelper.Tests.Kernel.Addresses;

/// <summary>
/// GetMulticastIpAddressTable/Entry on both paths (rtnetlink RTM_GETMULTICAST and the /proc/net
/// fallback, forced with the internal switch) against /proc/net/igmp, igmp6 and <c>ip maddr</c>,
/// with groups the kernel joins itself and groups a socket in the namespace joins.
/// </summary>
public sealed class MulticastTests
{
    public static TheoryData<string> Sources => [nameof(MembershipSource.Auto), nameof(MembershipSource.Netlink), nameof(MembershipSource.Proc)];

    [RootTheory]
    [MemberData(nameof(Sources))]
    public void Table_MatchesProcAndIpMaddr_WithSocketJoins(string source)
    {
        using var ns = AddressTestNetwork.WithVeth();
        ns.AddAddress("v0", "192.0.2.1/24");
        ns.AddAddress("v0", "2001:db8::1/64");
        var index = (int)AddressTestNetwork.Index(ns, "v0");
        using var v4 = Join(ns, "239.1.2.3", index);
        using var v6 = Join(ns, "ff05::1:3", index);
        var expected = ProcMemberships.Igmp(ns);
        expected.UnionWith(ProcMemberships.Ipv6(ns, "igmp6"));
        Assert.Contains((index, "239.1.2.3"), expected);
        Assert.Contains((index, "ff05::1:3"), expected);
        Assert.Equal(ProcMemberships.IpMaddr(ns), expected);

        var rows = Table(ns, AddressFamily.Unspecified, source);

        Assert.Equal(expected, rows.Select(r => ((int)r.InterfaceIndex, Strip(r.Address))).ToHashSet());
        Assert.Equal(expected.Count, rows.Count);
        foreach (var row in rows)
        {
            var zone = row.Address.Family == AddressFamily.InterNetworkV6 && IsLinkOrInterfaceScope(row.Address) ? row.InterfaceIndex : 0;
            Assert.Equal(zone, row.Address.ScopeId);
            Assert.Equal(zone, row.ScopeId.Value);
            Assert.Equal(row.InterfaceIndex, row.InterfaceLuid.NetLuidIndex);
        }
    }

    [RootTheory]
    [MemberData(nameof(Sources))]
    public void Table_OneFamily_HasOnlyThatFamily(string source)
    {
        using var ns = AddressTestNetwork.WithVeth();

        var v4 = Table(ns, AddressFamily.InterNetwork, source);
        var v6 = Table(ns, AddressFamily.InterNetworkV6, source);

        Assert.Equal(ProcMemberships.Igmp(ns), v4.Select(r => ((int)r.InterfaceIndex, Strip(r.Address))).ToHashSet());
        Assert.Equal(ProcMemberships.Ipv6(ns, "igmp6"), v6.Select(r => ((int)r.InterfaceIndex, Strip(r.Address))).ToHashSet());
    }

    [RootTheory]
    [MemberData(nameof(Sources))]
    public void Entry_JoinedGroup_IsFound_OtherGroup_IsNotFound(string source)
    {
        using var ns = AddressTestNetwork.WithVeth();
        var index = AddressTestNetwork.Index(ns, "v0");
        using var joined = Join(ns, "239.1.2.3", (int)index);

        using (ns.Enter())
        {
            using var forced = Force(source);
            var row = new MibMulticastIpAddressRow { Address = Parse("239.1.2.3"), InterfaceIndex = index };
            Assert.Equal(NetIoStatus.Success, GetMulticastIpAddressEntry(ref row));
            Assert.Equal(index, row.InterfaceLuid.NetLuidIndex);
            var v6 = new MibMulticastIpAddressRow { Address = Parse("ff02::1"), InterfaceIndex = index };
            Assert.Equal(NetIoStatus.Success, GetMulticastIpAddressEntry(ref v6));
            Assert.Equal(index, v6.Address.ScopeId);
            var other = new MibMulticastIpAddressRow { Address = Parse("239.9.9.9"), InterfaceIndex = index };
            Assert.Equal(NetIoStatus.NotFound, GetMulticastIpAddressEntry(ref other));
        }
    }

    [RootFact]
    public void Entry_Errors_FollowTheWindowsCodes()
    {
        using var ns = AddressTestNetwork.WithVeth();
        var index = AddressTestNetwork.Index(ns, "v0");

        using (ns.Enter())
        {
            var unicast = new MibMulticastIpAddressRow { Address = Parse("192.0.2.1"), InterfaceIndex = index };
            Assert.Equal(NetIoStatus.InvalidParameter, GetMulticastIpAddressEntry(ref unicast));
            var none = default(MibMulticastIpAddressRow);
            Assert.Equal(NetIoStatus.InvalidParameter, GetMulticastIpAddressEntry(ref none));
            var unknown = new MibMulticastIpAddressRow { Address = Parse("224.0.0.1"), InterfaceIndex = 9999 };
            Assert.Equal(NetIoStatus.FileNotFound, GetMulticastIpAddressEntry(ref unknown));
            var noInterface = new MibMulticastIpAddressRow { Address = Parse("224.0.0.1") };
            Assert.Equal(NetIoStatus.FileNotFound, GetMulticastIpAddressEntry(ref noInterface));
            Assert.Equal(NetIoStatus.InvalidParameter, GetMulticastIpAddressTable((AddressFamily)21, out var table));
            Assert.Null(table);
        }
    }

    /// <summary>Joins a group from a UDP socket created in the namespace; the membership lasts while the socket is open.</summary>
    private static Socket Join(TestNetns ns, string group, int index)
    {
        using var scope = ns.Enter();
        var address = IPAddress.Parse(group);
        var family = address.AddressFamily;
        var socket = TestBackend.Context.Run(() => new Socket(family, SocketType.Dgram, ProtocolType.Udp));
        if (family == AddressFamily.InterNetwork)
            socket.SetSocketOption(SocketOptionLevel.IP, SocketOptionName.AddMembership, new MulticastOption(address, index));
        else
            socket.SetSocketOption(SocketOptionLevel.IPv6, SocketOptionName.AddMembership, new IPv6MulticastOption(address, index));
        return socket;
    }

    private static List<MibMulticastIpAddressRow> Table(TestNetns ns, AddressFamily family, string source)
    {
        using (ns.Enter())
        {
            using var forced = Force(source);
            Assert.Equal(NetIoStatus.Success, GetMulticastIpAddressTable(family, out var table));
            using (table) return [.. table!];
        }
    }

    /// <summary>Forces a membership source until disposed.</summary>
    private static SourceOverride Force(string source)
    {
        LinuxBackend.MembershipSourceOverride = Enum.Parse<MembershipSource>(source);
        return default;
    }

    private readonly struct SourceOverride : IDisposable
    {
        public void Dispose() => LinuxBackend.MembershipSourceOverride = MembershipSource.Auto;
    }

    private static bool IsLinkOrInterfaceScope(SockAddrInet address) => (address.ToIPAddress()!.GetAddressBytes()[1] & 0x0F) is 1 or 2;

    private static SockAddrInet Parse(string address) => SockAddrInet.FromIPAddress(IPAddress.Parse(address));

    private static string Strip(SockAddrInet address) => new IPAddress(address.ToIPAddress()!.GetAddressBytes()).ToString();
}
